import type { EventEnvelope, EventType } from '../../../../platform/outbox/domain-event';
import type { CountedFact, FactMapper, FactMappers } from '../counted-fact';
import { CREDIT_FACTS } from './credit.facts';
import { ENFORCEMENT_FACTS } from './enforcement.facts';
import { LICENSING_FACTS } from './licensing.facts';
import { SAFETY_FACTS } from './safety.facts';

const SOURCES: readonly FactMappers[] = [LICENSING_FACTS, ENFORCEMENT_FACTS, CREDIT_FACTS, SAFETY_FACTS];

/** The event types statistics counts; each must be in EVENT_SUBSCRIBERS for statistics. */
export const COUNTED_EVENT_TYPES: readonly EventType[] = [
  ...new Set(SOURCES.flatMap((source) => Object.keys(source) as EventType[])),
];

/** Every fact one event yields, from every department's mappers for its type. */
export function factsOf(envelope: EventEnvelope): CountedFact[] {
  const facts: CountedFact[] = [];
  for (const source of SOURCES) {
    const mapper = source[envelope.type] as FactMapper<EventType> | undefined;
    if (mapper) facts.push(...mapper(envelope));
  }
  return facts;
}
