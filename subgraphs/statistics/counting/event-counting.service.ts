import type { EntityManager } from 'typeorm';
import { creditCodeProblem } from '../../../platform/codes/credit-code';
import { bulkInsert } from '../../../platform/database/bulk-insert';
import type { Logger } from '../../../platform/observability/logger';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { chinaYear } from '../../../platform/time/china-time';
import { EnterpriseYearActivity } from '../activity/enterprise-year-activity.entity';
import { IndicatorCount } from '../indicator/indicator-count.entity';
import type { CountedFact } from './counted-fact';
import { factsOf } from './facts/fact-mappers';
import { addRolledUp, factProblem, type CountRow } from './roll-up';

type ActivityCounter = 'permitsIssued' | 'casesOpened' | 'casesDecided' | 'finesFen' | 'waybillsCreated';

/** The indicators an enterprise's yearly activity summary (Enterprise.activity) also counts. */
const ACTIVITY_COUNTER: Readonly<Record<string, ActivityCounter>> = {
  PERMITS_ISSUED: 'permitsIssued',
  CASES_OPENED: 'casesOpened',
  CASES_DECIDED: 'casesDecided',
  FINES_FEN: 'finesFen',
  WAYBILLS_CREATED: 'waybillsCreated',
};

/**
 * Turns the departments' events into counts. Every write goes through the inbox transaction's manager,
 * so the counts and the inbox row commit together and a redelivered event is not counted twice. Each
 * event is one multi-row upsert (`value = value + n`) over the rows it adds to, so two events racing for
 * the same new row both count.
 */
export class EventCountingService {
  constructor(private readonly logger: Logger) {}

  async count(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
    const facts = this.countableFacts(envelope);
    if (facts.length === 0) return;
    const rows = new Map<string, CountRow>();
    addRolledUp(rows, facts);
    await bulkInsert(manager, IndicatorCount, [...rows.values()], { addOnDuplicate: ['value'] });
    await this.addToEnterpriseYears(manager, facts);
  }

  /**
   * The event's facts, or none when any of them cannot be counted: an event counts whole or not at all,
   * so a figure never holds half of one. A publisher bug; refusing the event would block every later
   * event from that publisher behind it, so it is acknowledged uncounted and logged.
   */
  countableFacts(envelope: EventEnvelope): CountedFact[] {
    let facts: CountedFact[];
    let problem: string | null = null;
    try {
      facts = factsOf(envelope);
    } catch (error) {
      facts = [];
      problem = `payload is not what its type promises: ${String(error)}`;
    }
    for (const fact of facts) {
      problem ??= factProblem(fact) ?? creditCodeOf(fact).problem;
      if (problem) problem = `${fact.indicator}: ${problem}`;
      if (problem) break;
    }
    if (problem === null) return facts;
    this.logger.warn('event not counted', {
      eventId: envelope.id,
      type: envelope.type,
      source: envelope.source,
      problem,
    });
    return [];
  }

  private async addToEnterpriseYears(manager: EntityManager, facts: readonly CountedFact[]): Promise<void> {
    const byYear = new Map<string, EnterpriseYearActivity>();
    for (const fact of facts) {
      const counter = ACTIVITY_COUNTER[fact.indicator];
      const { creditCode } = creditCodeOf(fact);
      const amount = fact.amount ?? 1;
      if (!counter || creditCode === null || amount === 0) continue;
      const year = chinaYear(new Date(fact.occurredAt));
      const key = `${creditCode}:${year}`;
      const activity = byYear.get(key) ?? emptyYear(creditCode, year);
      activity[counter] += amount;
      byYear.set(key, activity);
    }
    if (byYear.size === 0) return;
    await bulkInsert(manager, EnterpriseYearActivity, [...byYear.values()], {
      addOnDuplicate: ['permitsIssued', 'casesOpened', 'casesDecided', 'finesFen', 'waybillsCreated'],
      conflictKey: ['creditCode', 'year'],
    });
  }
}

function emptyYear(creditCode: string, year: number): EnterpriseYearActivity {
  return Object.assign(new EnterpriseYearActivity(), {
    creditCode,
    year,
    permitsIssued: 0,
    casesOpened: 0,
    casesDecided: 0,
    finesFen: 0,
    waybillsCreated: 0,
  });
}

/** The fact's enterprise, when it names a valid one. */
function creditCodeOf(fact: CountedFact): { creditCode: string | null; problem: string | null } {
  const code = fact.creditCode ?? null;
  if (code === null) return { creditCode: null, problem: null };
  if (typeof code !== 'string' || creditCodeProblem(code) !== null)
    return { creditCode: null, problem: 'credit code is not valid' };
  return { creditCode: code, problem: null };
}
