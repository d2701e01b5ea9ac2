import DataLoader from 'dataloader';
import { In, IsNull, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertResidentId,
  assertText,
} from '../../../platform/codes/assert-input';
import { regionScopePrefix, regionWithin } from '../../../platform/codes/region-code';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../enforcement.errors';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaToday, chinaYear } from '../../../platform/time/china-time';
import { DEFAULT_ENFORCEMENT_SETTINGS, type EnforcementSettings } from '../enforcement.settings';
import { byCase, CaseAccess, given, now } from './case-access';
import { CaseNumbers } from './case-numbers';
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

const SHARE_REASON_MIN_LENGTH = 4;
const SHARE_REASON_MAX_LENGTH = 500;
/** The longest single extension of the decision due date a supervisor may grant. */
export const MAX_EXTENSION_DAYS = 90;

/** A filing checked by whoever submits it, ready to be numbered and written (`submitFilings`). */
export interface NewFiling {
  regionCode: string;
  cause: string;
  creditCode: string | null;
  plateNumber: string | null;
  partyName: string | null;
  partyIdNumber: string | null;
  /** Kept on the FILING_SUBMITTED step, e.g. the weigh-station record a draft case was opened from. */
  comment: string | null;
}

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
  if (trimmed.length < SHARE_REASON_MIN_LENGTH)
    throw invalidInput('reason', `must be at least ${SHARE_REASON_MIN_LENGTH} characters`);
  return trimmed;
}

/**
 * The case itself: filing and its approval, investigation, dismissal, closing, the decision deadline,
 * sharing, and every read of cases (lookups, lists, child pages, steps, shares). The penalty procedure,
 * evidence and the exchange between regions are services of their own on the same `CaseAccess`.
 */
export class EnforcementCaseService {
  readonly access: CaseAccess;
  /** Allocates case numbers, for the filings here and the draft cases of weigh-station records. */
  readonly numbers: CaseNumbers;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly settings: EnforcementSettings = DEFAULT_ENFORCEMENT_SETTINGS,
  ) {
    this.access = new CaseAccess(dataSource);
    this.numbers = new CaseNumbers(dataSource);
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
        query.andWhere('(enforcementCase.regionCode LIKE :sharePrefix OR share.regionCode LIKE :sharePrefix)', {
          sharePrefix: `${scope.prefix}%`,
        });
      }
      return byCase(caseIds, await query.getMany());
    });
  }

  /** Cases of many enterprises, one page each, in two statements; only cases the caller may see. */
  createEnterpriseCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'credit_code',
      page,
      scope: this.access.childPagesScope(scope),
    });
  }

  /** Cases of many vehicles, one page each, in two statements; only cases the caller may see. */
  createVehicleCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'plate_number',
      page,
      scope: this.access.childPagesScope(scope),
    });
  }

  /** A case the caller may see (handled in their scope, or actively shared with it); otherwise it does not exist. */
  async find(scope: RegionScope, caseNumber: string): Promise<EnforcementCase | null> {
    return this.access
      .visibleCases(this.dataSource.manager, scope)
      .andWhere('enforcementCase.caseNumber = :caseNumber', { caseNumber })
      .getOne();
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
  async listOverdue(
    scope: RegionScope,
    regionCode: string | null,
    page: PageRequest,
    today = chinaToday(),
  ): Promise<Connection<EnforcementCase>> {
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
      throw invalidInput(
        'creditCode',
        'or plateNumber or partyName with partyIdNumber is required: a case is against an enterprise, a vehicle or a person',
      );
    }
    if (!inScope(scope, input.regionCode)) throw forbidden(`You may file cases only within region ${scope.region}`);
    const filedAt = now();
    await this.numbers.prepare([input.regionCode], chinaYear(filedAt));
    return inTransaction(this.dataSource, async (manager) => {
      const [filed] = await this.submitFilings(
        manager,
        [
          {
            regionCode: input.regionCode,
            cause,
            creditCode: input.creditCode ?? null,
            plateNumber: input.plateNumber ?? null,
            partyName,
            partyIdNumber: partyName === null ? null : (input.partyIdNumber ?? null),
            comment: null,
          },
        ],
        actor,
        filedAt,
      );
      return this.access.load(manager, scope, filed!.caseNumber);
    });
  }

  /**
   * Writes checked filings in the caller's transaction, whoever submits them (an officer's `fileCase`, a
   * weigh-station batch's draft cases): each gets its number from `numbers` (whose serial rows the caller
   * prepared), waits FILING_PENDING for a supervisor's approval with a provisional decision due date, and
   * has its FILING_SUBMITTED step. One statement per kind of row whatever the count, so a batch stays cheap.
   * Returns the new cases' ids and numbers in the order of `filings`.
   */
  async submitFilings(
    manager: EntityManager,
    filings: readonly NewFiling[],
    actor: string,
    filedAt: Date,
  ): Promise<Array<{ id: number; caseNumber: string }>> {
    if (filings.length === 0) return [];
    const year = chinaYear(filedAt);
    const numbers = new Map<NewFiling, string>();
    // Regions in a fixed order, so two submissions that number in the same regions lock their rows alike.
    for (const regionCode of [...new Set(filings.map((filing) => filing.regionCode))].sort()) {
      const ofRegion = filings.filter((filing) => filing.regionCode === regionCode);
      const reserved = await this.numbers.reserve(manager, regionCode, year, ofRegion.length);
      ofRegion.forEach((filing, index) => numbers.set(filing, reserved[index]!));
    }
    // Provisional until the approval starts the period; a filing left pending turns up as overdue.
    const dueDate = decisionDueDate(filedAt, this.settings.decisionDays);
    await manager
      .createQueryBuilder()
      .insert()
      .into(EnforcementCase)
      .values(
        filings.map((filing) => ({
          caseNumber: numbers.get(filing)!,
          regionCode: filing.regionCode,
          status: CaseStatus.FILING_PENDING,
          cause: filing.cause,
          creditCode: filing.creditCode,
          plateNumber: filing.plateNumber,
          partyName: filing.partyName,
          partyIdNumber: filing.partyIdNumber,
          filedBy: actor,
          filedAt,
          decisionDueDate: dueDate,
          deadlineExtensionDays: 0,
        })),
      )
      .updateEntity(false)
      .execute();
    const written = await manager.find(EnforcementCase, {
      select: { id: true, caseNumber: true },
      where: { caseNumber: In([...numbers.values()]) },
    });
    const idOf = new Map(written.map((row) => [row.caseNumber, row.id]));
    const filed = filings.map((filing) => ({ id: idOf.get(numbers.get(filing)!)!, caseNumber: numbers.get(filing)! }));
    await this.access.recordSteps(
      manager,
      filings.map((filing, index) => ({
        caseId: filed[index]!.id,
        action: CaseStepAction.FILING_SUBMITTED,
        fromStatus: null,
        toStatus: CaseStatus.FILING_PENDING,
        actor,
        regionCode: filing.regionCode,
        occurredAt: filedAt,
        comment: filing.comment,
      })),
    );
    return filed;
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
        {
          filingApprovedBy: actor,
          filingApprovedAt: approvedAt,
          decisionDueDate: decisionDueDate(approvedAt, this.settings.decisionDays),
        },
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
      this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.INVESTIGATING,
        {},
        { action: CaseStepAction.INVESTIGATION_STARTED, actor, comment },
      ),
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
      this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.CLOSED,
        { closedAt: now() },
        { action: CaseStepAction.CLOSED, actor, comment },
        (current) => {
          if (current.status === CaseStatus.DECIDED && current.penalty !== PenaltyKind.NO_PENALTY) {
            throw conflict(
              'NOT_EXECUTED',
              `Case ${current.caseNumber} imposes ${current.penalty}: record its execution before closing it`,
            );
          }
        },
      ),
    );
  }

  async dismiss(scope: RegionScope, input: DismissCaseInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.DISMISSED,
        { closedAt: now(), dismissalReason: reason },
        { action: CaseStepAction.DISMISSED, actor, comment: reason },
      ),
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
        {
          action: CaseStepAction.DEADLINE_EXTENDED,
          actor,
          comment: `decision due date ${current.decisionDueDate} -> ${extended} (+${days} days): ${reason}`,
        },
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
        throw invalidInput(
          'regionCode',
          `lies within the handling region ${current.regionCode}, which sees the case already`,
        );
      }
      if (regionWithin(current.regionCode, input.regionCode)) {
        throw invalidInput(
          'regionCode',
          `covers the handling region ${current.regionCode}, so it sees the case already`,
        );
      }
      if (
        await manager.existsBy(CaseShare, {
          caseId: current.id,
          regionCode: input.regionCode,
          kind: CaseShareKind.READ,
          revokedAt: IsNull(),
        })
      ) {
        throw conflict('ALREADY_SHARED', `Case ${current.caseNumber} is already shared with ${input.regionCode}`);
      }
      const sharedAt = now();
      await manager.insert(CaseShare, {
        caseId: current.id,
        regionCode: input.regionCode,
        kind: CaseShareKind.READ,
        reason,
        sharedBy: actor,
        sharedAt,
        revokedBy: null,
        revokedAt: null,
      });
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
      const active = await manager.findOneBy(CaseShare, {
        caseId: current.id,
        regionCode: input.regionCode,
        kind: CaseShareKind.READ,
        revokedAt: IsNull(),
      });
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
  private async page(
    scope: RegionScope,
    page: PageRequest,
    filter: (query: SelectQueryBuilder<EnforcementCase>) => void,
  ): Promise<Connection<EnforcementCase>> {
    const manager = this.dataSource.manager;
    const newestIds = async (query: SelectQueryBuilder<EnforcementCase>): Promise<number[]> => {
      query
        .select('enforcementCase.id', 'id')
        .orderBy('enforcementCase.id', 'DESC')
        .limit(page.limit + 1);
      if (page.afterId !== null) query.andWhere('enforcementCase.id < :afterId', { afterId: page.afterId });
      return (await query.getRawMany<{ id: number | string }>()).map((row) => Number(row.id));
    };
    const part =
      (condition: string): (() => SelectQueryBuilder<EnforcementCase>) =>
      () => {
        const query = manager
          .createQueryBuilder(EnforcementCase, 'enforcementCase')
          .where(condition, { visibleIn: `${scope.prefix}%` });
        filter(query);
        return query;
      };
    if (scope.prefix === '') {
      const everyCase = part('1 = 1')();
      const newest = everyCase
        .clone()
        .orderBy('enforcementCase.id', 'DESC')
        .limit(page.limit + 1);
      if (page.afterId !== null) newest.andWhere('enforcementCase.id < :afterId', { afterId: page.afterId });
      const [found, totalCount] = await Promise.all([newest.getMany(), everyCase.getCount()]);
      return toConnection(found, totalCount, page);
    }
    const parts = [
      part('enforcementCase.regionCode LIKE :visibleIn'),
      part(
        `enforcementCase.id IN (${this.access.sharedCaseIds(':visibleIn')}) AND enforcementCase.regionCode NOT LIKE :visibleIn`,
      ),
    ];
    const [idLists, counts] = await Promise.all([
      Promise.all(parts.map((query) => newestIds(query()))),
      Promise.all(parts.map((query) => query().getCount())),
    ]);
    const ids = idLists
      .flat()
      .sort((left, right) => right - left)
      .slice(0, page.limit + 1);
    const rows = ids.length === 0 ? [] : await manager.findBy(EnforcementCase, { id: In(ids) });
    rows.sort((left, right) => right.id - left.id);
    return toConnection(
      rows,
      counts.reduce((sum, count) => sum + count, 0),
      page,
    );
  }
}
