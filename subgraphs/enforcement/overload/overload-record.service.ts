import DataLoader from 'dataloader';
import { In, IsNull, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { assertPlateNumber, assertRegionCode } from '../../../platform/codes/assert-input';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forUpdate, isDeadlock, isUniqueViolation } from '../../../platform/database/sql-dialect';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { CaseAccess } from '../enforcement-case/case-access';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import type { EnforcementCaseService } from '../enforcement-case/enforcement-case.service';
import type { VehicleRegistryService } from '../vehicle-registry/vehicle-registry.service';
import type { OverloadRecordInput } from './inputs/submit-overload-records.input';
import { OverloadCase } from './overload-case.entity';
import { JOINABLE_CASE_STATUSES, OverloadDraftCases, type OverloadDetection } from './overload-draft-cases';
import { isOverloaded } from './overload-limits';
import { OverloadRecord } from './overload-record.entity';
import {
  OverloadRecordOutcome,
  type OverloadRecordProblem,
  type OverloadRecordResult,
  type SubmitOverloadRecordsPayload,
} from './overload-record.payload';
import {
  checkOverloadRecord,
  sameDetection,
  stationKey,
  type CheckedOverloadRecord,
} from './overload-record.validation';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { chinaMonth } from '../../../platform/time/china-time';
import type { EventPayloads } from '../../../platform/outbox/domain-event';

export const MAX_RECORDS_PER_BATCH = 1000;
/** Rows per INSERT: well under the placeholder limits of MySQL and SQLite. */
const INSERT_CHUNK = 250;
/** A batch that lost a race (a concurrent batch stored one of its records first, or a deadlock) is run again. */
const ATTEMPTS = 3;

export interface OverloadSettings {
  /** `OVERLOAD_TOLERANCE_PERCENT`: how far above its limit a weight may be before it is an overload. */
  tolerancePercent: number;
  /** `OVERLOAD_JOIN_WINDOW_HOURS`: records of one vehicle within this time of a draft's first record join it. */
  joinWindowHours: number;
}

/** Who submits: the machine client (stored with each record) and its service account (the draft's filer). */
export interface Submitter {
  clientId: string;
  actor: string;
}

export interface OverloadRecordFilter {
  regionCode: string | null;
  plateNumber: string | null;
}

interface Candidate {
  index: number;
  record: CheckedOverloadRecord;
}

type Verdict = Pick<OverloadRecordResult, 'outcome' | 'overloaded' | 'problems'>;

function rejected(problems: OverloadRecordProblem[]): Verdict {
  return { outcome: OverloadRecordOutcome.REJECTED, overloaded: null, problems };
}

// Only MySQL runs batches side by side; the embedded database queues whole transactions.
function isRetryable(error: unknown): boolean {
  return isUniqueViolation(error) || isDeadlock(error);
}

/** The stored records summed per station and China Standard Time month, as statistics counts them. */
export function weighedByStationMonth(
  rows: ReadonlyArray<Pick<OverloadRecord, 'stationCode' | 'regionCode' | 'detectedAt' | 'overloaded'>>,
): Array<EventPayloads['overload-records.weighed']> {
  const sums = new Map<string, EventPayloads['overload-records.weighed']>();
  for (const row of rows) {
    const at = row.detectedAt.toISOString();
    const key = `${row.stationCode} ${chinaMonth(row.detectedAt)}`;
    const sum = sums.get(key);
    if (!sum) {
      sums.set(key, {
        stationCode: row.stationCode,
        regionCode: row.regionCode,
        firstDetectedAt: at,
        lastDetectedAt: at,
        weighed: 1,
        overloaded: row.overloaded ? 1 : 0,
      });
      continue;
    }
    sum.weighed += 1;
    if (row.overloaded) sum.overloaded += 1;
    if (at < sum.firstDetectedAt) sum.firstDetectedAt = at;
    if (at > sum.lastDetectedAt) sum.lastDetectedAt = at;
  }
  return [...sums.values()];
}

/**
 * Weigh-station detection records (治超联网, 非现场执法): submitted in batches by stations' machine
 * clients, each record accepted, recognised as a duplicate or rejected on its own; an overload opens or
 * joins a draft case for the station's county. Read by enforcement officers within their region scope.
 */
export class OverloadRecordService {
  private readonly draftCases: OverloadDraftCases;
  /** Who sees a case, the cases service's: a record's visibility follows its case's. */
  private readonly access: CaseAccess;

  constructor(
    private readonly dataSource: DataSource,
    cases: EnforcementCaseService,
    private readonly vehicles: VehicleRegistryService,
    private readonly settings: OverloadSettings,
    private readonly outbox: EventOutbox,
  ) {
    this.draftCases = new OverloadDraftCases(cases, settings.joinWindowHours);
    this.access = cases.access;
  }

  /**
   * Records a batch. Every record is checked on its own and answered in order: ACCEPTED (stored now),
   * DUPLICATE (stored before with the same values) or REJECTED (with problems naming `records[i].field`).
   * The accepted records and their draft cases (filings awaiting approval) commit in one transaction. A station
   * outside the caller's region refuses the whole batch (FORBIDDEN) before anything is written.
   */
  async submit(
    scope: RegionScope,
    submitter: Submitter,
    records: readonly OverloadRecordInput[],
    now = new Date(),
  ): Promise<SubmitOverloadRecordsPayload> {
    if (records.length === 0) throw invalidInput('records', 'must hold at least one record');
    if (records.length > MAX_RECORDS_PER_BATCH)
      throw invalidInput(
        'records',
        `must hold at most ${MAX_RECORDS_PER_BATCH} records; send the rest in another batch`,
      );
    const verdicts = new Map<number, Verdict>();
    const valid: Candidate[] = [];
    records.forEach((input, index) => {
      const checked = checkOverloadRecord(input, index, now);
      if ('problems' in checked) verdicts.set(index, rejected(checked.problems));
      else valid.push({ index, record: checked.record });
    });
    for (const { index, record } of valid) {
      if (!inScope(scope, record.regionCode)) {
        throw forbidden(
          `records[${index}].stationCode: station ${record.stationCode} lies outside your region ${scope.region}; nothing was recorded`,
        );
      }
    }

    // A record sent twice in one batch is answered like its first occurrence.
    const firstByKey = new Map<string, Candidate>();
    const fresh: Candidate[] = [];
    const repeats: Array<{ repeat: Candidate; first: Candidate }> = [];
    for (const candidate of valid) {
      const first = firstByKey.get(stationKey(candidate.record));
      if (first) repeats.push({ repeat: candidate, first });
      else {
        firstByKey.set(stationKey(candidate.record), candidate);
        fresh.push(candidate);
      }
    }

    for (let attempt = 1; ; attempt += 1) {
      try {
        for (const [index, verdict] of await this.store(fresh, submitter, wholeSeconds(now)))
          verdicts.set(index, verdict);
        break;
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      }
    }
    for (const { repeat, first } of repeats) {
      const firstVerdict = verdicts.get(first.index)!;
      if (!sameDetection(first.record, repeat.record)) {
        verdicts.set(
          repeat.index,
          rejected([
            {
              field: `records[${repeat.index}].stationRecordId`,
              message: `repeats records[${first.index}].stationRecordId with different values`,
            },
          ]),
        );
      } else if (firstVerdict.outcome === OverloadRecordOutcome.REJECTED) {
        verdicts.set(
          repeat.index,
          rejected(
            firstVerdict.problems.map((problem) => ({
              ...problem,
              field: problem.field.replace(`records[${first.index}]`, `records[${repeat.index}]`),
            })),
          ),
        );
      } else {
        verdicts.set(repeat.index, {
          outcome: OverloadRecordOutcome.DUPLICATE,
          overloaded: firstVerdict.overloaded,
          problems: [],
        });
      }
    }

    const results = records.map((input, index) => ({
      index,
      stationRecordId: input.stationRecordId,
      ...verdicts.get(index)!,
    }));
    const count = (outcome: OverloadRecordOutcome) => results.filter((result) => result.outcome === outcome).length;
    return {
      acceptedCount: count(OverloadRecordOutcome.ACCEPTED),
      duplicateCount: count(OverloadRecordOutcome.DUPLICATE),
      rejectedCount: count(OverloadRecordOutcome.REJECTED),
      results,
    };
  }

  /** Stores the records not stored before and files their overloads; the verdicts once it has committed. */
  private async store(
    fresh: readonly Candidate[],
    submitter: Submitter,
    submittedAt: Date,
  ): Promise<Map<number, Verdict>> {
    const verdicts = new Map<number, Verdict>();
    const stored = await this.storedRecords(fresh.map((candidate) => candidate.record));
    const toInsert: Array<Candidate & { overloaded: boolean }> = [];
    for (const candidate of fresh) {
      const existing = stored.get(stationKey(candidate.record));
      if (!existing) {
        toInsert.push({
          ...candidate,
          overloaded: isOverloaded(
            candidate.record.grossWeightKg,
            candidate.record.limitKg,
            this.settings.tolerancePercent,
          ),
        });
      } else if (sameDetection(existing, candidate.record)) {
        verdicts.set(candidate.index, {
          outcome: OverloadRecordOutcome.DUPLICATE,
          overloaded: existing.overloaded,
          problems: [],
        });
      } else {
        verdicts.set(
          candidate.index,
          rejected([
            {
              field: `records[${candidate.index}].stationRecordId`,
              message: 'was submitted before with different values; a recorded detection is never changed',
            },
          ]),
        );
      }
    }
    if (toInsert.length === 0) return verdicts;

    const overloadRegions = toInsert
      .filter((candidate) => candidate.overloaded)
      .map((candidate) => candidate.record.regionCode);
    if (overloadRegions.length > 0) await this.draftCases.prepare(overloadRegions, submittedAt);

    await inTransaction(this.dataSource, async (manager) => {
      // Inside the transaction and locked, so a vehicle.registered applied at the same time cannot miss these records.
      const owners = await this.vehicles.ownersOf(
        toInsert.map((candidate) => candidate.record.plateNumber),
        manager,
        { lock: true },
      );
      const ownerOf = (record: CheckedOverloadRecord) => owners.get(record.plateNumber)?.ownerCreditCode ?? null;
      const detections: OverloadDetection[] = toInsert
        .filter((candidate) => candidate.overloaded)
        .map((candidate) => ({
          key: candidate.index,
          record: candidate.record,
          ownerCreditCode: ownerOf(candidate.record),
        }));
      const caseIds = await this.draftCases.assign(manager, detections, submitter.actor, submittedAt);
      const rows = toInsert.map(({ index, record, overloaded }) => ({
        ...record,
        overloaded,
        ownerCreditCode: ownerOf(record),
        caseId: caseIds.get(index) ?? null,
        submittedBy: submitter.clientId,
        submittedAt,
      }));
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(OverloadRecord)
          .values(rows.slice(start, start + INSERT_CHUNK))
          .updateEntity(false)
          .execute();
      }
      await this.outbox.publishMany(manager, 'overload-records.weighed', weighedByStationMonth(rows));
    });
    for (const { index, overloaded } of toInsert)
      verdicts.set(index, { outcome: OverloadRecordOutcome.ACCEPTED, overloaded, problems: [] });
    return verdicts;
  }

  /** The records already stored under these keys, in one statement (stations first, then their ids). */
  private async storedRecords(records: readonly CheckedOverloadRecord[]): Promise<Map<string, OverloadRecord>> {
    if (records.length === 0) return new Map();
    const found = await this.dataSource.getRepository(OverloadRecord).findBy({
      stationCode: In([...new Set(records.map((record) => record.stationCode))]),
      stationRecordId: In([...new Set(records.map((record) => record.stationRecordId))]),
    });
    return new Map(found.map((record) => [stationKey(record), record]));
  }

  /**
   * The registry has announced a vehicle's owner: records of the plate stored before anyone knew it, and
   * the drafts they opened that still await their filing approval, name the enterprise now (the approval's
   * `case.filed` then carries it). Runs in the event's transaction; each case changed gets a step saying so.
   */
  async linkOwner(
    manager: EntityManager,
    plateNumber: string,
    ownerCreditCode: string,
    occurredAt: Date,
  ): Promise<void> {
    await manager.update(OverloadRecord, { plateNumber, ownerCreditCode: IsNull() }, { ownerCreditCode });
    const query = manager
      .createQueryBuilder(EnforcementCase, 'enforcementCase')
      .innerJoin(OverloadCase, 'draft', 'draft.caseId = enforcementCase.id')
      .where('enforcementCase.plateNumber = :plateNumber', { plateNumber })
      .andWhere('enforcementCase.creditCode IS NULL')
      .andWhere('enforcementCase.status IN (:...joinable)', { joinable: [...JOINABLE_CASE_STATUSES] });
    // A locking (current) read: a batch that committed drafts of the plate while this event waited for it
    // is newer than this transaction's snapshot (MySQL's repeatable read).
    const drafts = await forUpdate(query).getMany();
    if (drafts.length === 0) return;
    const caseIds = drafts.map((draft) => draft.id);
    await manager.update(EnforcementCase, { id: In(caseIds) }, { creditCode: ownerCreditCode });
    await this.access.recordSteps(
      manager,
      drafts.map((draft) => ({
        caseId: draft.id,
        action: CaseStepAction.OWNER_IDENTIFIED,
        regionCode: draft.regionCode,
        fromStatus: draft.status,
        toStatus: draft.status,
        actor: 'vehicle-registry',
        occurredAt: wholeSeconds(occurredAt),
        comment: `enterprise ${ownerCreditCode} named from the vehicle registry as the owner of ${plateNumber}`,
      })),
    );
  }

  /** Records the caller may see, newest first, by responsible region and plate. */
  async list(scope: RegionScope, filter: OverloadRecordFilter, page: PageRequest): Promise<Connection<OverloadRecord>> {
    const query = this.whereVisible(this.dataSource.manager.createQueryBuilder(OverloadRecord, 'record'), scope);
    if (filter.regionCode !== null) {
      assertRegionCode('regionCode', filter.regionCode);
      query.andWhere('record.regionCode LIKE :responsibleIn', {
        responsibleIn: `${regionScopePrefix(filter.regionCode)}%`,
      });
    }
    if (filter.plateNumber !== null) {
      assertPlateNumber('plateNumber', filter.plateNumber);
      query.andWhere('record.plateNumber = :plateNumber', { plateNumber: filter.plateNumber });
    }
    const rows = query
      .clone()
      .orderBy('record.id', 'DESC')
      .limit(page.limit + 1);
    if (page.afterId !== null) rows.andWhere('record.id < :afterId', { afterId: page.afterId });
    const [found, totalCount] = await Promise.all([rows.getMany(), query.getCount()]);
    return toConnection(found, totalCount, page);
  }

  /** Records of many cases, one page each, in two statements; only records the caller may see. */
  createCaseRecordsLoader(scope: RegionScope, page: PageRequest): DataLoader<string, Connection<OverloadRecord>> {
    return childPagesLoader<OverloadRecord>({
      dataSource: this.dataSource,
      entity: OverloadRecord,
      parentColumn: 'case_id',
      page,
      scope: this.childPagesScope(scope),
    });
  }

  /** Records of many vehicles, one page each, in two statements; only records the caller may see. */
  createVehicleRecordsLoader(scope: RegionScope, page: PageRequest): DataLoader<string, Connection<OverloadRecord>> {
    return childPagesLoader<OverloadRecord>({
      dataSource: this.dataSource,
      entity: OverloadRecord,
      parentColumn: 'plate_number',
      page,
      scope: this.childPagesScope(scope),
    });
  }

  /** The cases records went to, by id, in one statement; a case the caller may not see is null. */
  createCasesLoader(scope: RegionScope): DataLoader<number, EnforcementCase | null> {
    return new DataLoader(async (caseIds) => {
      const query = this.access
        .visibleCases(this.dataSource.manager, scope)
        .andWhere('enforcementCase.id IN (:...caseIds)', { caseIds: [...caseIds] });
      const byId = new Map((await query.getMany()).map((found) => [found.id, found]));
      return caseIds.map((caseId) => byId.get(caseId) ?? null);
    });
  }

  /**
   * A record is visible where its responsible region (the station's county) is in scope, and wherever
   * its case's whole file is: the handling region, a read share, a transfer under review. A region that
   * handed the case over keeps the records of its own stations, which the first condition gives it; an
   * unrelated region sees none. National scope adds no condition.
   */
  private whereVisible<TEntity extends ObjectLiteral>(
    query: SelectQueryBuilder<TEntity>,
    scope: RegionScope,
  ): SelectQueryBuilder<TEntity> {
    if (scope.prefix === '') return query;
    return query.andWhere(
      `(record.regionCode LIKE :recordPrefix OR record.caseId IN (${this.access.wholeCaseIds(':recordPrefix')}))`,
      { recordPrefix: `${scope.prefix}%` },
    );
  }

  /** The child pages' form of the visibility: every `?` of the subquery is bound to the scope's `prefix%`. */
  private childPagesScope(scope: RegionScope): { column: string; prefix: string; sharedIds: string } {
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const records = escape(this.dataSource.getMetadata(OverloadRecord).tablePath);
    return {
      column: 'region_code',
      prefix: scope.prefix,
      sharedIds: `SELECT ${escape('id')} FROM ${records} WHERE ${escape('case_id')} IN (${this.access.wholeCaseIds('?')})`,
    };
  }
}
