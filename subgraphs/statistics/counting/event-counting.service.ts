import type { EntityManager } from 'typeorm';
import { creditCodeProblem } from '../../../platform/codes/credit-code';
import type { Logger } from '../../../platform/observability/logger';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { chinaMonth, chinaYear } from '../../../platform/time/china-time';
import { EnterpriseYearActivity } from '../activity/enterprise-year-activity.entity';
import { Indicator } from '../indicator/indicator.enum';
import { RegionMonthCount } from '../indicator/region-month-count.entity';

type ActivityCounter = 'permitsIssued' | 'casesOpened' | 'casesDecided' | 'finesFen' | 'waybillsCreated';

/** Which enterprise-year counter (property and column) each indicator adds to. */
const ACTIVITY_COUNTER: Readonly<Record<Indicator, { property: ActivityCounter; column: string }>> = {
  PERMITS_ISSUED: { property: 'permitsIssued', column: 'permits_issued' },
  CASES_OPENED: { property: 'casesOpened', column: 'cases_opened' },
  CASES_DECIDED: { property: 'casesDecided', column: 'cases_decided' },
  FINES_FEN: { property: 'finesFen', column: 'fines_fen' },
  WAYBILLS_CREATED: { property: 'waybillsCreated', column: 'waybills_created' },
};

/** What one event adds: where and when it happened, whose it was, and how much of each indicator. */
interface CountedFact {
  regionCode: string;
  occurredAt: string;
  creditCode: string | null;
  amounts: Partial<Record<Indicator, number>>;
}

/**
 * Turns the departments' events into counts. Every write goes through the inbox transaction's manager,
 * so the increments and the inbox row commit together and a redelivered event is not counted twice.
 * Each counter is an UPDATE ... SET value = value + n, and an INSERT when no row was there yet; two
 * events racing to create the same row make one transaction fail, and the publisher's outbox retries it.
 */
export class EventCountingService {
  constructor(private readonly logger: Logger) {}

  async permitIssued(manager: EntityManager, envelope: EventEnvelope<'permit.issued'>): Promise<void> {
    const { regionCode, issuedAt, creditCode } = envelope.payload;
    await this.count(manager, envelope, {
      regionCode,
      occurredAt: issuedAt,
      creditCode,
      amounts: { PERMITS_ISSUED: 1 },
    });
  }

  async caseFiled(manager: EntityManager, envelope: EventEnvelope<'case.filed'>): Promise<void> {
    const { regionCode, filedAt, creditCode } = envelope.payload;
    await this.count(manager, envelope, {
      regionCode,
      occurredAt: filedAt,
      creditCode: creditCode ?? null,
      amounts: { CASES_OPENED: 1 },
    });
  }

  async caseDecided(manager: EntityManager, envelope: EventEnvelope<'case.decided'>): Promise<void> {
    const { regionCode, decidedAt, creditCode, fineFen } = envelope.payload;
    await this.count(manager, envelope, {
      regionCode,
      occurredAt: decidedAt,
      creditCode: creditCode ?? null,
      amounts: { CASES_DECIDED: 1, FINES_FEN: fineFen ?? 0 },
    });
  }

  async waybillCreated(manager: EntityManager, envelope: EventEnvelope<'waybill.created'>): Promise<void> {
    const { originRegionCode, createdAt, carrierCreditCode } = envelope.payload;
    await this.count(manager, envelope, {
      regionCode: originRegionCode,
      occurredAt: createdAt,
      creditCode: carrierCreditCode,
      amounts: { WAYBILLS_CREATED: 1 },
    });
  }

  private async count(manager: EntityManager, envelope: EventEnvelope, fact: CountedFact): Promise<void> {
    const problem = factProblem(fact);
    if (problem) {
      // Publishers validate before they write, so this is a publisher bug. Refusing the event would
      // block every later event from that publisher behind it; it is acknowledged uncounted and logged.
      this.logger.warn('event not counted', {
        eventId: envelope.id,
        type: envelope.type,
        source: envelope.source,
        problem,
      });
      return;
    }
    const instant = new Date(fact.occurredAt);
    const month = chinaMonth(instant);
    const amounts = Object.entries(fact.amounts).filter(([, amount]) => amount > 0) as Array<[Indicator, number]>;
    for (const [indicator, amount] of amounts) {
      await this.addToRegionMonth(manager, { regionCode: fact.regionCode, month, indicator }, amount);
    }
    if (fact.creditCode !== null && amounts.length > 0) {
      await this.addToEnterpriseYear(manager, { creditCode: fact.creditCode, year: chinaYear(instant) }, amounts);
    }
  }

  private async addToRegionMonth(
    manager: EntityManager,
    key: Pick<RegionMonthCount, 'regionCode' | 'month' | 'indicator'>,
    amount: number,
  ): Promise<void> {
    const value = manager.connection.driver.escape('value');
    const updated = await manager
      .createQueryBuilder()
      .update(RegionMonthCount)
      .set({ value: () => `${value} + :amount` })
      .setParameter('amount', amount)
      .where(key)
      .execute();
    if (!updated.affected) await manager.insert(RegionMonthCount, { ...key, value: amount });
  }

  private async addToEnterpriseYear(
    manager: EntityManager,
    key: Pick<EnterpriseYearActivity, 'creditCode' | 'year'>,
    amounts: Array<[Indicator, number]>,
  ): Promise<void> {
    const changes: Partial<Record<ActivityCounter, () => string>> = {};
    const parameters: Record<string, number> = {};
    const inserted: Record<ActivityCounter, number> = {
      permitsIssued: 0,
      casesOpened: 0,
      casesDecided: 0,
      finesFen: 0,
      waybillsCreated: 0,
    };
    for (const [indicator, amount] of amounts) {
      const { property, column } = ACTIVITY_COUNTER[indicator];
      const escaped = manager.connection.driver.escape(column);
      changes[property] = () => `${escaped} + :${property}`;
      parameters[property] = amount;
      inserted[property] = amount;
    }
    const updated = await manager
      .createQueryBuilder()
      .update(EnterpriseYearActivity)
      .set(changes)
      .setParameters(parameters)
      .where(key)
      .execute();
    if (!updated.affected) await manager.insert(EnterpriseYearActivity, { ...key, ...inserted });
  }
}

/** Why an event's facts cannot be counted, or null when they can. */
function factProblem(fact: CountedFact): string | null {
  if (typeof fact.regionCode !== 'string' || !/^\d{6}$/.test(fact.regionCode)) return 'region code is not six digits';
  if (typeof fact.occurredAt !== 'string' || Number.isNaN(new Date(fact.occurredAt).getTime()))
    return 'time is not an ISO instant';
  if (
    fact.creditCode !== null &&
    (typeof fact.creditCode !== 'string' || creditCodeProblem(fact.creditCode) !== null)
  ) {
    return 'credit code is not valid';
  }
  for (const [indicator, amount] of Object.entries(fact.amounts)) {
    if (!Number.isSafeInteger(amount) || amount < 0) return `${indicator} amount is not a whole number of 0 or more`;
  }
  return null;
}
