import DataLoader from 'dataloader';
import { In, IsNull, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { inScope, type RegionScope } from '../../kit/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertResidentId,
  assertText,
} from '../../kit/codes/assert-input';
import { regionScopePrefix, regionWithin } from '../../kit/codes/region-code';
import { childPagesLoader } from '../../kit/database/child-pages.loader';
import { inTransaction } from '../../kit/database/data-source.factory';
import { conflict, forbidden, invalidInput, notFound } from '../../kit/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../kit/graphql/connection';
import type { EventOutbox } from '../../kit/outbox/event-outbox';
import { chinaToday, chinaYear } from '../../kit/time/china-time';
import { DEFAULT_ENFORCEMENT_SETTINGS, type EnforcementSettings } from '../enforcement.settings';
import { byCase, CaseAccess, given, now } from './case-access';
import { CaseNumberSequence } from './case-number-sequence.entity';
import { CaseShare } from './case-share.entity';
import { CaseShareKind } from './case-share-kind';
import { AWAITING_DECISION, CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { CaseStepAction } from './case-step-action';
import { addDays, decisionDueDate } from './decision-deadline';
import { EnforcementCase } from './enforcement-case.entity';
import type { CaseActionInput, CaseReferenceInput } from './inputs/case-action.input';
import type { DismissCaseInput } from './inputs/dismiss-case.input';
import type { ExtendCaseDeadlineInput } from './inputs/extend-case-deadline.input';
import type { FileCaseInput } from './inputs/file-case.input';
import type { RejectCaseFilingInput } from './inputs/reject-case-filing.input';
import type { RevokeCaseShareInput } from './inputs/revoke-case-share.input';
import type { ShareCaseInput } from './inputs/share-case.input';
import { PenaltyKind } from './penalty-kind';

const LAST_SERIAL = 999_999;
const SHARE_REASON_MIN_LENGTH = 4;
const SHARE_REASON_MAX_LENGTH = 500;
/** The longest single extension of the decision due date a supervisor may grant. */
export const MAX_EXTENSION_DAYS = 90;

export interface CaseFilter {
  regionCode: string | null;
  status: CaseStatus | null;
}

export function assertExpectedVersion(input: CaseReferenceInput): void {
  if (given(input.expectedVersion) && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    throw invalidInput('expectedVersion', 'must be a positive integer');
  }
}

export function optionalComment(comment: string | null | undefined): string | null {
  return comment ? assertText('comment', comment, 1000) : null;
}

function shareReason(reason: string): string {
  const trimmed = assertText('reason', reason, SHARE_REASON_MAX_LENGTH);
  if (trimmed.length < SHARE_REASON_MIN_LENGTH) throw invalidInput('reason', `must be at least ${SHARE_REASON_MIN_LENGTH} characters`);
  return trimmed;
}

/**
 * The case itself: filing and its approval, investigation, dismissal, closing, the decision deadline,
 * sharing, and every read of cases (lookups, lists, child pages, steps, shares). The penalty procedure,
 * evidence and the exchange between regions are services of their own on the same `CaseAccess`.
 */
export class EnforcementCaseService {
  readonly access: CaseAccess;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly settings: EnforcementSettings = DEFAULT_ENFORCEMENT_SETTINGS,
  ) {
    this.access = new CaseAccess(dataSource);
  }

  /** Steps of many cases, oldest first, in one statement per request; only the steps the caller may see. */
  createStepsLoader(scope: RegionScope): DataLoader<number, CaseStep[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseStep, 'step')
        .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = step.caseId')
        .where('step.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .orderBy('step.id', 'ASC');
      this.access.whereVisible(query, scope);
      this.access.whereChildVisible(query, scope, 'step.regionCode');
      return byCase(caseIds, await query.getMany());
    });
  }

  /**
   * Active shares of many cases, oldest first, in one statement per request: every share to a caller
   * whose scope holds the handling region, and to one who sees the case only through a share, just the
   * shares with regions in their own scope (other regions' cooperation is not theirs to see).
   */
  createSharesLoader(scope: RegionScope): DataLoader<number, CaseShare[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseShare, 'share')
        .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = share.caseId')
        .where('share.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .andWhere('share.revokedAt IS NULL')
        .orderBy('share.id', 'ASC');
      if (scope.prefix !== '') {
        query.andWhere('(enforcementCase.regionCode LIKE :sharePrefix OR share.regionCode LIKE :sharePrefix)', { sharePrefix: `${scope.prefix}%` });
      }
      return byCase(caseIds, await query.getMany());
    });
  }

  /** Cases of many enterprises, one page each, in two statements; only cases the caller may see. */
  createEnterpriseCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({ dataSource: this.dataSource, entity: EnforcementCase, parentColumn: 'credit_code', page, scope: this.access.childPagesScope(scope) });
  }

  /** Cases of many vehicles, one page each, in two statements; only cases the caller may see. */
  createVehicleCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({ dataSource: this.dataSource, entity: EnforcementCase, parentColumn: 'plate_number', page, scope: this.access.childPagesScope(scope) });
  }

  /** A case the caller may see (handled in their scope, or actively shared with it); otherwise it does not exist. */
  async find(scope: RegionScope, caseNumber: string): Promise<EnforcementCase | null> {
    return this.access.visibleCases(this.dataSource.manager, scope).andWhere('enforcementCase.caseNumber = :caseNumber', { caseNumber }).getOne();
  }

  /** Cases the caller may see, optionally only those handled in a region (and the regions under it) and in a status. */
  async list(scope: RegionScope, filter: CaseFilter, page: PageRequest): Promise<Connection<EnforcementCase>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    return this.page(scope, page, (query) => {
      this.whereHandledIn(query, filter.regionCode);
      if (filter.status !== null) query.andWhere('enforcementCase.status = :status', { status: filter.status });
    });
  }

  /** Cases still awaiting a decision whose decision due date (extensions included) has passed (China time), newest first. */
  async listOverdue(scope: RegionScope, regionCode: string | null, page: PageRequest, today = chinaToday()): Promise<Connection<EnforcementCase>> {
    if (regionCode !== null) assertRegionCode('regionCode', regionCode);
    return this.page(scope, page, (query) => {
      this.whereHandledIn(query, regionCode);
      query
        .andWhere('enforcementCase.status IN (:...awaiting)', { awaiting: [...AWAITING_DECISION] })
        .andWhere('enforcementCase.decisionDueDate < :today', { today });
    });
  }

  /**
   * Submits a filing (立案申请): the case gets its number and waits, FILING_PENDING, for a supervisor's
   * approval. Other departments hear of it only once it is approved (`case.filed`).
   */
  async file(scope: RegionScope, input: FileCaseInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    const cause = assertText('cause', input.cause, 2000);
    if (given(input.creditCode)) assertCreditCode('creditCode', input.creditCode);
    if (given(input.plateNumber)) assertPlateNumber('plateNumber', input.plateNumber);
    let partyName: string | null = null;
    if (given(input.partyName) || given(input.partyIdNumber)) {
      if (!given(input.partyName)) throw invalidInput('partyName', 'is required with partyIdNumber');
      if (!given(input.partyIdNumber)) throw invalidInput('partyIdNumber', 'is required with partyName');
      partyName = assertText('partyName', input.partyName, 50);
      assertResidentId('partyIdNumber', input.partyIdNumber);
    }
    if (!given(input.creditCode) && !given(input.plateNumber) && partyName === null) {
      throw invalidInput('creditCode', 'or plateNumber or partyName with partyIdNumber is required: a case is against an enterprise, a vehicle or a person');
    }
    if (!inScope(scope, input.regionCode)) throw forbidden(`You may file cases only within region ${scope.region}`);
    const filedAt = now();
    const year = chinaYear(filedAt);
    await this.ensureSerialRow(input.regionCode, year);
    return inTransaction(this.dataSource, async (manager) => {
      const caseNumber = await this.nextCaseNumber(manager, input.regionCode, year);
      const filed = await manager.save(
        manager.create(EnforcementCase, {
          caseNumber,
          regionCode: input.regionCode,
          status: CaseStatus.FILING_PENDING,
          cause,
          creditCode: input.creditCode ?? null,
          plateNumber: input.plateNumber ?? null,
          partyName,
          partyIdNumber: partyName === null ? null : (input.partyIdNumber ?? null),
          filedBy: actor,
          filedAt,
          // Provisional until the approval starts the period; a filing left pending turns up as overdue.
          decisionDueDate: decisionDueDate(filedAt, this.settings.decisionDays),
          deadlineExtensionDays: 0,
        }),
      );
      await this.access.recordStep(manager, {
        caseId: filed.id,
        action: CaseStepAction.FILING_SUBMITTED,
        fromStatus: null,
        toStatus: CaseStatus.FILING_PENDING,
        actor,
        regionCode: filed.regionCode,
        occurredAt: filedAt,
        comment: null,
      });
      return this.access.load(manager, scope, caseNumber);
    });
  }

  /**
   * Approves a filing (立案审批): the case is opened (FILED), the decision period runs from today, and
   * statistics hears of it (`case.filed`, dated by the approval).
   */
  async approveFiling(scope: RegionScope, input: CaseActionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    return inTransaction(this.dataSource, async (manager) => {
      const approvedAt = now();
      const approved = await this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.FILED,
        { filingApprovedBy: actor, filingApprovedAt: approvedAt, decisionDueDate: decisionDueDate(approvedAt, this.settings.decisionDays) },
        { action: CaseStepAction.FILING_APPROVED, actor, comment },
      );
      // No personal information in events: the party's name and ID number stay here.
      await this.outbox.publish(manager, 'case.filed', {
        caseNumber: approved.caseNumber,
        regionCode: approved.regionCode,
        creditCode: approved.creditCode,
        plateNumber: approved.plateNumber,
        filedAt: approvedAt.toISOString(),
      });
      return approved;
    });
  }

  /** Refuses to open a case (不予立案), with reasons; final. */
  async rejectFiling(scope: RegionScope, input: RejectCaseFilingInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.NOT_FILED,
        { filingApprovedBy: actor, filingApprovedAt: now(), filingRejectionReason: reason, closedAt: now() },
        { action: CaseStepAction.FILING_REJECTED, actor, comment: reason },
      ),
    );
  }

  async startInvestigation(scope: RegionScope, input: CaseActionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(manager, scope, input, CaseStatus.INVESTIGATING, {}, { action: CaseStepAction.INVESTIGATION_STARTED, actor, comment }),
    );
  }

  /**
   * Closes a case (结案): once the decision was carried out (EXECUTED), or straight after a decision of
   * no penalty, which has nothing to carry out.
   */
  async close(scope: RegionScope, input: CaseActionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(manager, scope, input, CaseStatus.CLOSED, { closedAt: now() }, { action: CaseStepAction.CLOSED, actor, comment }, (current) => {
        if (current.status === CaseStatus.DECIDED && current.penalty !== PenaltyKind.NO_PENALTY) {
          throw conflict('NOT_EXECUTED', `Case ${current.caseNumber} imposes ${current.penalty}: record its execution before closing it`);
        }
      }),
    );
  }

  async dismiss(scope: RegionScope, input: DismissCaseInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(manager, scope, input, CaseStatus.DISMISSED, { closedAt: now(), dismissalReason: reason }, { action: CaseStepAction.DISMISSED, actor, comment: reason }),
    );
  }

  /** Extends the decision due date (延长办案期限), approved by a supervisor, while the case awaits its decision. */
  async extendDeadline(scope: RegionScope, input: ExtendCaseDeadlineInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const days = assertInteger('days', input.days, 1, MAX_EXTENSION_DAYS);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber);
      this.access.assertVersion(current, input);
      this.access.assertStep(current, CaseStepAction.DEADLINE_EXTENDED, current.status);
      const extended = addDays(current.decisionDueDate, days);
      return this.access.touch(
        manager,
        scope,
        current,
        { decisionDueDate: extended, deadlineExtensionDays: current.deadlineExtensionDays + days },
        { action: CaseStepAction.DEADLINE_EXTENDED, actor, comment: `decision due date ${current.decisionDueDate} -> ${extended} (+${days} days): ${reason}` },
      );
    });
  }

  /**
   * Shares a case with another region for reading. Only the handling region decides it; the case row is
   * locked first, so of two identical shares at once the second sees the first and is refused.
   */
  async share(scope: RegionScope, input: ShareCaseInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    const reason = shareReason(input.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      if (regionWithin(input.regionCode, current.regionCode)) {
        throw invalidInput('regionCode', `lies within the handling region ${current.regionCode}, which sees the case already`);
      }
      if (regionWithin(current.regionCode, input.regionCode)) {
        throw invalidInput('regionCode', `covers the handling region ${current.regionCode}, so it sees the case already`);
      }
      if (await manager.existsBy(CaseShare, { caseId: current.id, regionCode: input.regionCode, kind: CaseShareKind.READ, revokedAt: IsNull() })) {
        throw conflict('ALREADY_SHARED', `Case ${current.caseNumber} is already shared with ${input.regionCode}`);
      }
      const sharedAt = now();
      await manager.insert(CaseShare, { caseId: current.id, regionCode: input.regionCode, kind: CaseShareKind.READ, reason, sharedBy: actor, sharedAt, revokedBy: null, revokedAt: null });
      await this.access.recordStep(manager, {
        caseId: current.id,
        action: CaseStepAction.SHARED,
        fromStatus: current.status,
        toStatus: current.status,
        actor,
        regionCode: current.regionCode,
        occurredAt: sharedAt,
        comment: `shared with ${input.regionCode}: ${reason}`,
      });
      return current;
    });
  }

  /** Ends the active read share of a case with a region; decided, like the share, by the handling region. Transfer shares are the transfer's. */
  async revokeShare(scope: RegionScope, input: RevokeCaseShareInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      const active = await manager.findOneBy(CaseShare, { caseId: current.id, regionCode: input.regionCode, kind: CaseShareKind.READ, revokedAt: IsNull() });
      if (!active) throw notFound('Active share of case', `${current.caseNumber} with ${input.regionCode}`);
      const revokedAt = now();
      await manager.update(CaseShare, { id: active.id }, { revokedAt, revokedBy: actor });
      await this.access.recordStep(manager, {
        caseId: current.id,
        action: CaseStepAction.SHARE_REVOKED,
        fromStatus: current.status,
        toStatus: current.status,
        actor,
        regionCode: current.regionCode,
        occurredAt: revokedAt,
        comment: `share with ${input.regionCode} revoked`,
      });
      return current;
    });
  }

  /**
   * A list's region filter keeps its meaning, the handling region (with the regions under it); the
   * caller's scope is applied apart, so a case shared with the caller and handled there is listed too.
   */
  private whereHandledIn(query: SelectQueryBuilder<EnforcementCase>, regionCode: string | null): void {
    if (regionCode === null) return;
    query.andWhere('enforcementCase.regionCode LIKE :handledIn', { handledIn: `${regionScopePrefix(regionCode)}%` });
  }

  /**
   * One page of the cases the caller may see that pass `filter`, newest first, with their total. For a
   * regional caller the visible cases are two disjoint sets read apart, each on its own index: those
   * handled in the scope (`region_code LIKE`), and those shared with it and handled elsewhere (the share
   * table's region index). One query with `region LIKE ... OR id IN (shares)` can use neither and scans
   * every case to count them (about 45 ms at 100k cases on MariaDB; see bench/case-list.bench.ts).
   */
  private async page(scope: RegionScope, page: PageRequest, filter: (query: SelectQueryBuilder<EnforcementCase>) => void): Promise<Connection<EnforcementCase>> {
    const manager = this.dataSource.manager;
    const newestIds = async (query: SelectQueryBuilder<EnforcementCase>): Promise<number[]> => {
      query.select('enforcementCase.id', 'id').orderBy('enforcementCase.id', 'DESC').limit(page.limit + 1);
      if (page.afterId !== null) query.andWhere('enforcementCase.id < :afterId', { afterId: page.afterId });
      return (await query.getRawMany<{ id: number | string }>()).map((row) => Number(row.id));
    };
    const part = (condition: string): (() => SelectQueryBuilder<EnforcementCase>) => () => {
      const query = manager.createQueryBuilder(EnforcementCase, 'enforcementCase').where(condition, { visibleIn: `${scope.prefix}%` });
      filter(query);
      return query;
    };
    if (scope.prefix === '') {
      const everyCase = part('1 = 1')();
      const newest = everyCase.clone().orderBy('enforcementCase.id', 'DESC').limit(page.limit + 1);
      if (page.afterId !== null) newest.andWhere('enforcementCase.id < :afterId', { afterId: page.afterId });
      const [found, totalCount] = await Promise.all([newest.getMany(), everyCase.getCount()]);
      return toConnection(found, totalCount, page);
    }
    const parts = [
      part('enforcementCase.regionCode LIKE :visibleIn'),
      part(`enforcementCase.id IN (${this.access.sharedCaseIds(':visibleIn')}) AND enforcementCase.regionCode NOT LIKE :visibleIn`),
    ];
    const [idLists, counts] = await Promise.all([Promise.all(parts.map((query) => newestIds(query()))), Promise.all(parts.map((query) => query().getCount()))]);
    const ids = idLists
      .flat()
      .sort((left, right) => right - left)
      .slice(0, page.limit + 1);
    const rows = ids.length === 0 ? [] : await manager.findBy(EnforcementCase, { id: In(ids) });
    rows.sort((left, right) => right.id - left.id);
    return toConnection(rows, counts.reduce((sum, count) => sum + count, 0), page);
  }

  /**
   * Makes sure the (region, year) serial row exists, in a transaction of its own before the filing's:
   * the filing then only UPDATEs an existing row, so concurrent filings queue on that row's lock instead
   * of deadlocking on the gap an absent row leaves (InnoDB). An unused row holds serial 0 and costs nothing.
   */
  private async ensureSerialRow(regionCode: string, year: number): Promise<void> {
    const repository = this.dataSource.getRepository(CaseNumberSequence);
    if (await repository.existsBy({ regionCode, year })) return;
    try {
      await inTransaction(this.dataSource, (manager) => manager.insert(CaseNumberSequence, { regionCode, year, lastSerial: 0 }));
    } catch (error) {
      // A filing in the same region created it first.
      if (!(await repository.existsBy({ regionCode, year }))) throw error;
    }
  }

  /**
   * `<region><year><serial>`: the serial comes from the (region, year) row, advanced in the filing
   * transaction, so numbers run without gaps per region and year and a rolled-back filing uses none.
   */
  private async nextCaseNumber(manager: EntityManager, regionCode: string, year: number): Promise<string> {
    const advanced = await manager
      .createQueryBuilder()
      .update(CaseNumberSequence)
      .set({ lastSerial: () => 'last_serial + 1' })
      .where({ regionCode, year })
      .execute();
    if (advanced.affected !== 1) throw new Error(`No case serial row for ${regionCode}/${year}`);
    const { lastSerial } = await manager.findOneByOrFail(CaseNumberSequence, { regionCode, year });
    if (lastSerial > LAST_SERIAL) throw conflict('CASE_NUMBERS_EXHAUSTED', `Region ${regionCode} has used every case number of ${year}`);
    return `${regionCode}${year}${String(lastSerial).padStart(6, '0')}`;
  }
}
