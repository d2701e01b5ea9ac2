import type { EventEnvelope, EventType } from '../../../platform/outbox/domain-event';

/**
 * What one event adds to one indicator: where (the region it is counted under), when (the instant whose
 * China Standard Time month it falls in: the event's own time, never its arrival), and how much.
 */
export interface CountedFact {
  /** A SUM indicator of the catalogue. */
  indicator: string;
  /** GB/T 2260 code; the count rolls up to every region above it. */
  regionCode: string;
  /** ISO instant. */
  occurredAt: string;
  /**
   * The indicator's dimension value (permit kind, station, hazard class, destination province…); a
   * MEDIAN's histogram ends it in the value: `<kind>/<days>`. Empty when the indicator has none.
   */
  dimension?: string;
  /** Defaults to 1; a STOCK's flow uses -1 for things that close. */
  amount?: number;
  /** The enterprise concerned, for its yearly activity summary; null or absent when none. */
  creditCode?: string | null;
}

/** Turns one kind of event into facts. Pure: the live inbox and the replay run the same functions. */
export type FactMapper<TType extends EventType> = (envelope: EventEnvelope<TType>) => CountedFact[];

/** One department's mappers, by event type. */
export type FactMappers = { [TType in EventType]?: FactMapper<TType> };
