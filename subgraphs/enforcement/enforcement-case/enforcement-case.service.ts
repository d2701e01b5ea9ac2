import { In, type DataSource, type EntityManager } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertResidentId,
  assertText,
} from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import { conflict } from '../enforcement.errors';
import type { Connection, PageRequest } from '../../../platform/graphql/connection';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaToday, chinaYear } from '../../../platform/time/china-time';
import { DEFAULT_ENFORCEMENT_SETTINGS, type EnforcementSettings } from '../enforcement.settings';
import { CaseAccess, given, now } from './case-access';
import { CaseNumbers } from './case-numbers';
import { CaseQueryService, type CaseFilter } from './case-queries.service';
import { CaseSharingService } from './case-sharing.service';
import { CaseStatus } from './case-status';
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

export type { CaseFilter } from './case-queries.service';

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

export function assertExpectedVersion(input: CaseReferenceInput): void {
  if (given(input.expectedVersion) && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    throw invalidInput('expectedVersion', 'must be a positive integer');
  }
}

export function optionalComment(comment: string | null | undefined): string | null {
  return comment ? assertText('comment', comment, 1000) : null;
}

/**
 * The case itself: filing and its approval (立案), investigation, dismissal, closing and the decision
 * deadline. Reads of cases are `queries` (case-queries.service.ts) and sharing with other regions is
 * `sharing` (case-sharing.service.ts); the penalty procedure, evidence and the exchange between regions
 * are services of their own on the same `CaseAccess`.
 */
export class EnforcementCaseService {
  readonly access: CaseAccess;
  /** Allocates case numbers, for the filings here and the draft cases of weigh-station records. */
  readonly numbers: CaseNumbers;
  readonly queries: CaseQueryService;
  readonly sharing: CaseSharingService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly settings: EnforcementSettings = DEFAULT_ENFORCEMENT_SETTINGS,
  ) {
    this.access = new CaseAccess(dataSource);
    this.numbers = new CaseNumbers(dataSource);
    this.queries = new CaseQueryService(dataSource, this.access);
    this.sharing = new CaseSharingService(dataSource, this.access);
  }

  // Reading (case-queries.service.ts) and sharing (case-sharing.service.ts), as one API for the seed and specs.

  createStepsLoader(scope: RegionScope) {
    return this.queries.createStepsLoader(scope);
  }

  createSharesLoader(scope: RegionScope) {
    return this.queries.createSharesLoader(scope);
  }

  createEnterpriseCasesLoader(scope: RegionScope, page: PageRequest) {
    return this.queries.createEnterpriseCasesLoader(scope, page);
  }

  createVehicleCasesLoader(scope: RegionScope, page: PageRequest) {
    return this.queries.createVehicleCasesLoader(scope, page);
  }

  find(scope: RegionScope, caseNumber: string): Promise<EnforcementCase | null> {
    return this.queries.find(scope, caseNumber);
  }

  list(scope: RegionScope, filter: CaseFilter, page: PageRequest): Promise<Connection<EnforcementCase>> {
    return this.queries.list(scope, filter, page);
  }

  listOverdue(
    scope: RegionScope,
    regionCode: string | null,
    page: PageRequest,
    today = chinaToday(),
  ): Promise<Connection<EnforcementCase>> {
    return this.queries.listOverdue(scope, regionCode, page, today);
  }

  share(scope: RegionScope, input: ShareCaseInput, actor: string): Promise<EnforcementCase> {
    return this.sharing.share(scope, input, actor);
  }

  revokeShare(scope: RegionScope, input: RevokeCaseShareInput, actor: string): Promise<EnforcementCase> {
    return this.sharing.revokeShare(scope, input, actor);
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
      return this.access.load(manager, scope, filed.caseNumber);
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
      ofRegion.forEach((filing, index) => numbers.set(filing, reserved[index]));
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
        caseId: filed[index].id,
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
}
