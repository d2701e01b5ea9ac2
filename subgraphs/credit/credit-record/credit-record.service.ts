import { randomInt } from 'node:crypto';
import { type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { inScope, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertCreditCode, assertPublicText, assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { isUniqueViolation } from '../../../platform/database/sql-dialect';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import { conflict } from '../credit.errors';
import { listPage } from '../../../platform/database/list-page';
import { type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { chinaToday } from '../../../platform/time/china-time';
import type { CreditProfile } from '../credit-profile/credit-profile';
import type { CreditProfileService } from '../credit-profile/credit-profile.service';
import { DEFAULT_MANUAL_DELTA, manualDeltaProblem, penaltyDelta } from '../credit-profile/credit-rating';
import { CreditRecordKind, CreditRecordSource } from './credit-record-kind';
import { CreditRecord } from './credit-record.entity';
import type { RecordCreditInput } from './inputs/record-credit.input';

/** Who records the credit consequences of enforcement decisions. */
export const ENFORCEMENT_RECORDER = 'enforcement';

const SUMMARY_MAX_LENGTH = 1000;
const REFERENCE_MAX_LENGTH = 64;
// A decision time a little ahead of ours is a clock difference, not a decision from the future.
const CLOCK_SKEW_MS = 5 * 60_000;

export interface CreditRecordFilter {
  regionCode: string | null;
  kind: CreditRecordKind | null;
}

function serial(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export class CreditRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CreditProfileService,
  ) {}

  /** Records of many subjects, a page each, in two statements; read nationally like profiles. */
  createSubjectPagesLoader(page: PageRequest) {
    return childPagesLoader<CreditRecord>({
      dataSource: this.dataSource,
      entity: CreditRecord,
      parentColumn: 'credit_code',
      page,
    });
  }

  /** Records newest first, optionally of the authorities within a region (a province includes its cities and counties) and of one kind. */
  async list(filter: CreditRecordFilter, page: PageRequest): Promise<Connection<CreditRecord>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const where: FindOptionsWhere<CreditRecord> =
      filter.regionCode === null ? {} : { ...withinPrefix('regionCode', regionScopePrefix(filter.regionCode)) };
    if (filter.kind !== null) where.kind = filter.kind;
    return listPage(this.dataSource.getRepository(CreditRecord), where, page);
  }

  /** Enters a manual record for an authority within the officer's region; one record per (MANUAL, reference). */
  async record(
    scope: RegionScope,
    input: RecordCreditInput,
    actor: string,
  ): Promise<{ record: CreditRecord; profile: CreditProfile }> {
    assertCreditCode('creditCode', input.creditCode);
    if (!Object.values(CreditRecordKind).includes(input.kind))
      throw invalidInput('kind', 'is not a credit record kind');
    assertRegionCode('regionCode', input.regionCode);
    const summary = assertText('summary', input.summary, SUMMARY_MAX_LENGTH);
    if (!(input.decidedAt instanceof Date) || Number.isNaN(input.decidedAt.getTime()))
      throw invalidInput('decidedAt', 'must be a date and time');
    if (input.decidedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      throw invalidInput('decidedAt', 'must not be in the future');
    const scoreDelta = input.scoreDelta ?? DEFAULT_MANUAL_DELTA[input.kind];
    if (scoreDelta === null)
      throw invalidInput('scoreDelta', `is required for ${input.kind}: state the deduction the decision warrants`);
    const deltaProblem = manualDeltaProblem(input.kind, scoreDelta);
    if (deltaProblem) throw invalidInput('scoreDelta', deltaProblem);
    const sourceReference =
      input.sourceReference === undefined || input.sourceReference === null
        ? `XY${input.regionCode}${chinaToday().replace(/-/g, '')}${serial()}`
        : // A reference identifies the record (a unique key, looked up): it may not hold personal information.
          assertPublicText('sourceReference', input.sourceReference, REFERENCE_MAX_LENGTH);
    if (!inScope(scope, input.regionCode))
      throw forbidden(`You may record credit only for authorities within region ${scope.region}`);
    const values = {
      creditCode: input.creditCode,
      kind: input.kind,
      source: CreditRecordSource.MANUAL,
      sourceReference,
      regionCode: input.regionCode,
      summary,
      scoreDelta,
      decidedAt: input.decidedAt,
      recordedAt: new Date(),
      recordedBy: actor,
    };
    const exists = () =>
      conflict('CREDIT_RECORD_EXISTS', `A manual credit record for ${sourceReference} already exists`);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        if (await manager.existsBy(CreditRecord, { source: CreditRecordSource.MANUAL, sourceReference }))
          throw exists();
        const record = await manager.save(manager.create(CreditRecord, values));
        return { record, profile: await this.profiles.profileOf(manager, record.creditCode) };
      });
    } catch (error) {
      // A unique-key violation: someone recorded the same decision at the same moment.
      if (isUniqueViolation(error)) throw exists();
      throw error;
    }
  }

  /**
   * `case.decided` handler, inside the inbox transaction (writes only through `manager`): a penalty
   * decided against an enterprise becomes one ADMINISTRATIVE_PENALTY record. Decisions on persons or
   * vehicles alone, and decisions to impose no penalty, are not credit records. The (source, case
   * number) key makes a republished decision, under a new event id, add nothing.
   */
  async recordCaseDecision(
    manager: EntityManager,
    decision: EventPayloads['case.decided'],
  ): Promise<CreditRecord | null> {
    if (decision.creditCode === null) return null;
    const scoreDelta = penaltyDelta(decision.penalty, decision.fineFen);
    if (scoreDelta === null) return null;
    const key = { source: CreditRecordSource.ENFORCEMENT_DECISION, sourceReference: decision.caseNumber };
    if (await manager.existsBy(CreditRecord, key)) return null;
    return manager.save(
      manager.create(CreditRecord, {
        ...key,
        creditCode: decision.creditCode,
        kind: CreditRecordKind.ADMINISTRATIVE_PENALTY,
        regionCode: decision.regionCode,
        // Enforcement bounds summaries to this length already; cut rather than refuse, or the event would block the queue.
        summary: decision.summary.slice(0, SUMMARY_MAX_LENGTH),
        scoreDelta,
        decidedAt: new Date(decision.decidedAt),
        recordedAt: new Date(),
        recordedBy: ENFORCEMENT_RECORDER,
      }),
    );
  }
}
