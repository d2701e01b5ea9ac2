import type { DataSource } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertInteger, assertText } from '../../../platform/codes/assert-input';
import { maskFreeText } from '../../../platform/codes/personal-information';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput } from '../../../platform/errors/domain-error';
import { conflict } from '../enforcement.errors';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaToday } from '../../../platform/time/china-time';
import { CaseAccess, given, now } from '../enforcement-case/case-access';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { addDays } from '../enforcement-case/decision-deadline';
import type { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { assertExpectedVersion, optionalComment } from '../enforcement-case/enforcement-case.service';
import type { CaseActionInput } from '../enforcement-case/inputs/case-action.input';
import { PenaltyKind } from '../enforcement-case/penalty-kind';
import { overloadExcessPercent } from '../overload/overload-excess';
import type { EnforcementSettings } from '../enforcement.settings';
import type { DecideCaseInput } from './inputs/decide-case.input';
import type { ProposeCasePenaltyInput } from './inputs/propose-case-penalty.input';
import type { RecordCaseExecutionInput } from './inputs/record-case-execution.input';
import type { RecordCaseHearingInput } from './inputs/record-case-hearing.input';
import type { RecordPartyStatementInput } from './inputs/record-party-statement.input';
import type { ReviewCasePenaltyInput } from './inputs/review-case-penalty.input';
import { isMajorPenalty, MAX_FINE_FEN, validatePenalty, withinNotifiedPenalty, type Penalty } from './penalty-rules';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

function describePenalty(penalty: Penalty): string {
  if (penalty.penalty === PenaltyKind.FINE) return `FINE ${penalty.fineFen} fen`;
  if (penalty.permitNumber) return `${penalty.penalty} of permit ${penalty.permitNumber}`;
  return penalty.penalty;
}

function proposalOf(current: EnforcementCase): Penalty | null {
  return current.proposedPenalty === null
    ? null
    : {
        penalty: current.proposedPenalty,
        fineFen: current.proposedFineFen,
        permitNumber: current.proposedPermitNumber,
      };
}

/**
 * From the end of the investigation to the closing's prerequisite: the proposed penalty (处罚建议),
 * legal review of major ones (法制审核), the notice with the party's rights (告知), the party's statement
 * (陈述申辩) and hearing (听证), the decision (处罚决定, published as `case.decided`) and its execution (执行).
 */
export class PenaltyProcedureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly access: CaseAccess,
    private readonly settings: EnforcementSettings,
  ) {}

  /** Proposes a penalty; a major one goes to legal review first, any other is ready for the notice. */
  async propose(scope: RegionScope, input: ProposeCasePenaltyInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const proposal = validatePenalty(input);
    if (proposal.penalty === PenaltyKind.NO_PENALTY)
      throw invalidInput('penalty', 'NO_PENALTY is decided directly (decideCase), not proposed');
    const summary = assertText('summary', input.summary, 1000);
    const major = isMajorPenalty(proposal, this.settings);
    const target = major ? CaseStatus.LEGAL_REVIEW : CaseStatus.PENALTY_PROPOSED;
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(
        manager,
        scope,
        input,
        target,
        {
          proposedPenalty: proposal.penalty,
          proposedFineFen: proposal.fineFen,
          proposedPermitNumber: proposal.permitNumber,
          proposalSummary: summary,
          proposedBy: actor,
          proposedAt: now(),
          legalReviewRequired: major,
          // A new proposal is reviewed anew.
          legalReviewApproved: null,
          legalReviewedBy: null,
          legalReviewedAt: null,
          legalReviewOpinion: null,
        },
        {
          action: CaseStepAction.PENALTY_PROPOSED,
          actor,
          comment: `${describePenalty(proposal)}${major ? ' (major: legal review required)' : ''}: ${summary}`,
        },
      ),
    );
  }

  /** Legal review (法制审核): approval lets the party be notified; a return sends the case back to investigation. */
  async review(scope: RegionScope, input: ReviewCasePenaltyInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    if (typeof input.approved !== 'boolean') throw invalidInput('approved', 'must be true or false');
    const opinion = assertText('opinion', input.opinion, 1000);
    const target = input.approved ? CaseStatus.PENALTY_PROPOSED : CaseStatus.INVESTIGATING;
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(
        manager,
        scope,
        input,
        target,
        {
          legalReviewApproved: input.approved,
          legalReviewedBy: actor,
          legalReviewedAt: now(),
          legalReviewOpinion: opinion,
        },
        {
          action: input.approved ? CaseStepAction.LEGAL_REVIEW_PASSED : CaseStepAction.LEGAL_REVIEW_RETURNED,
          actor,
          comment: opinion,
        },
      ),
    );
  }

  /**
   * Notifies the party of the proposed penalty and its rights (告知): to state and defend itself, and
   * for a major penalty to ask for a hearing, within the configured days.
   */
  async notify(scope: RegionScope, input: CaseActionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    const notifiedAt = now();
    const responseDueDate = addDays(chinaToday(notifiedAt), this.settings.responseDays);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber);
      this.access.assertVersion(current, input);
      this.access.assertStep(current, CaseStepAction.PARTY_NOTIFIED, CaseStatus.NOTIFIED);
      const proposal = proposalOf(current);
      if (!proposal) throw conflict('NO_PROPOSAL', `Case ${current.caseNumber} has no proposed penalty to notify`);
      const hearingAvailable = isMajorPenalty(proposal, this.settings);
      const rights = hearingAvailable ? 'statement, defence and hearing' : 'statement and defence';
      return this.access.update(
        manager,
        scope,
        current,
        CaseStatus.NOTIFIED,
        {
          notifiedBy: actor,
          notifiedAt,
          responseDueDate,
          hearingAvailable,
          partyStatement: null,
          statementRecordedBy: null,
          statementRecordedAt: null,
          hearingWaived: null,
        },
        {
          action: CaseStepAction.PARTY_NOTIFIED,
          actor,
          comment: `${describePenalty(proposal)} notified; ${rights} until ${responseDueDate}${comment ? `: ${comment}` : ''}`,
        },
      );
    });
  }

  /** Records the party's statement and defence (陈述申辩), and whether it gave up a hearing. */
  async recordStatement(scope: RegionScope, input: RecordPartyStatementInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const statement = assertText('statement', input.statement, 2000);
    const waivesHearing = input.waivesHearing === true;
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber);
      this.access.assertVersion(current, input);
      this.access.assertStep(current, CaseStepAction.STATEMENT_RECORDED, current.status);
      if (current.statementRecordedAt !== null)
        throw conflict('STATEMENT_RECORDED', `The party's statement on case ${current.caseNumber} is already recorded`);
      return this.access.touch(
        manager,
        scope,
        current,
        {
          partyStatement: statement,
          statementRecordedBy: actor,
          statementRecordedAt: now(),
          hearingWaived: waivesHearing,
        },
        {
          action: CaseStepAction.STATEMENT_RECORDED,
          actor,
          comment: waivesHearing ? 'statement recorded; the party gives up a hearing' : 'statement recorded',
        },
      );
    });
  }

  /** The party asks for a hearing (听证申请): only for a major penalty, by the response due date, unless it gave the hearing up. */
  async requestHearing(scope: RegionScope, input: CaseActionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.HEARING,
        { hearingRequestedBy: actor, hearingRequestedAt: now() },
        { action: CaseStepAction.HEARING_REQUESTED, actor, comment },
        (current) => {
          if (!current.hearingAvailable)
            throw conflict(
              'NO_HEARING_RIGHT',
              `The penalty proposed on case ${current.caseNumber} gives no right to a hearing`,
            );
          if (current.hearingWaived)
            throw conflict('HEARING_WAIVED', `The party gave up a hearing on case ${current.caseNumber}`);
          if (current.responseDueDate !== null && chinaToday() > current.responseDueDate) {
            throw conflict(
              'HEARING_REQUEST_LATE',
              `A hearing on case ${current.caseNumber} had to be asked for by ${current.responseDueDate}`,
            );
          }
        },
      ),
    );
  }

  /** Records the hearing (听证笔录); the case may then be decided. */
  async recordHearing(scope: RegionScope, input: RecordCaseHearingInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const record = assertText('record', input.record, 2000);
    if (!(input.heldAt instanceof Date) || Number.isNaN(input.heldAt.getTime()))
      throw invalidInput('heldAt', 'must be a date and time');
    if (input.heldAt.getTime() > Date.now() + 60_000) throw invalidInput('heldAt', 'must not be in the future');
    const heldAt = wholeSeconds(input.heldAt);
    return inTransaction(this.dataSource, (manager) =>
      this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.HEARD,
        { hearingHeldAt: heldAt, hearingRecord: record, hearingRecordedBy: actor },
        { action: CaseStepAction.HEARING_HELD, actor, comment: `hearing held ${heldAt.toISOString()}` },
        (current) => {
          if (current.hearingRequestedAt !== null && heldAt < current.hearingRequestedAt)
            throw invalidInput('heldAt', 'must not precede the hearing request');
        },
      ),
    );
  }

  /**
   * The decision (行政处罚决定), published to credit, statistics and licensing as `case.decided` in the
   * same transaction. A penalty follows the notice: once the party stated its case and gave up a hearing
   * (or had no right to one), once the response period is over, or after the hearing; and it stays within
   * the penalty notified. A major penalty needs a passed legal review. No penalty may be decided at once.
   */
  async decide(scope: RegionScope, input: DecideCaseInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const decision = validatePenalty(input);
    const decisionSummary = assertText('decisionSummary', input.decisionSummary, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const decidedAt = now();
      const decided = await this.access.transition(
        manager,
        scope,
        input,
        CaseStatus.DECIDED,
        { ...decision, decisionSummary, decidedBy: actor, decidedAt },
        { action: CaseStepAction.DECIDED, actor, comment: decisionSummary },
        (current) => this.assertDecidable(current, decision),
      );
      await this.outbox.publish(manager, 'case.decided', {
        caseNumber: decided.caseNumber,
        regionCode: decided.regionCode,
        creditCode: decided.creditCode,
        plateNumber: decided.plateNumber,
        cause: maskFreeText(decided.cause),
        penalty: decision.penalty,
        fineFen: decision.fineFen,
        permitNumber: decision.permitNumber,
        // Events carry no personal information (domain-event.ts): a number typed into the cause or summary goes masked.
        summary: maskFreeText(decisionSummary),
        decidedAt: decidedAt.toISOString(),
        // Credit counts repeated serious overloads toward the serious-dishonesty list.
        overloadExcessPercent: await overloadExcessPercent(manager, decided.id),
      });
      return decided;
    });
  }

  /** Records how the decision was carried out (执行): a fine's payment in full, with its receipt. */
  async recordExecution(scope: RegionScope, input: RecordCaseExecutionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const note = input.note ? assertText('note', input.note, 1000) : null;
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber);
      this.access.assertVersion(current, input);
      this.access.assertStep(current, CaseStepAction.EXECUTED, CaseStatus.EXECUTED);
      if (current.penalty === PenaltyKind.NO_PENALTY)
        throw conflict('NOTHING_TO_EXECUTE', `Case ${current.caseNumber} imposes no penalty; close it`);
      let paidFen: number | null = null;
      let paymentReference: string | null = null;
      if (current.penalty === PenaltyKind.FINE) {
        if (!given(input.paidFen)) throw invalidInput('paidFen', 'is required for a FINE');
        paidFen = assertInteger('paidFen', input.paidFen, 1, MAX_FINE_FEN);
        if (paidFen !== current.fineFen) throw invalidInput('paidFen', `must equal the fine of ${current.fineFen} fen`);
        if (!given(input.paymentReference)) throw invalidInput('paymentReference', 'is required for a FINE');
        paymentReference = assertText('paymentReference', input.paymentReference, 64);
      } else {
        if (given(input.paidFen)) throw invalidInput('paidFen', 'applies only to a FINE');
        if (given(input.paymentReference)) throw invalidInput('paymentReference', 'applies only to a FINE');
      }
      const what =
        paidFen !== null ? `${paidFen} fen paid, receipt ${paymentReference}` : `${current.penalty} carried out`;
      return this.access.update(
        manager,
        scope,
        current,
        CaseStatus.EXECUTED,
        { executedBy: actor, executedAt: now(), paidFen, paymentReference, executionNote: note },
        { action: CaseStepAction.EXECUTED, actor, comment: note ? `${what}: ${note}` : what },
      );
    });
  }

  private assertDecidable(current: EnforcementCase, decision: Penalty): void {
    if (decision.penalty === PenaltyKind.NO_PENALTY) return;
    if (current.status === CaseStatus.INVESTIGATING) {
      throw conflict(
        'NOTICE_REQUIRED',
        `Case ${current.caseNumber}: a penalty is decided only after the party was notified of it (proposeCasePenalty, notifyCasePenalty)`,
      );
    }
    if (current.status === CaseStatus.NOTIFIED) {
      const periodOver = current.responseDueDate !== null && chinaToday() > current.responseDueDate;
      const partyDone =
        current.statementRecordedAt !== null && (current.hearingWaived === true || current.hearingAvailable === false);
      if (!periodOver && !partyDone) {
        throw conflict(
          'RESPONSE_PERIOD_OPEN',
          `The party may state its case${current.hearingAvailable ? ' or ask for a hearing' : ''} on case ${current.caseNumber} until ${current.responseDueDate}`,
        );
      }
    }
    const notified = proposalOf(current);
    if (!notified || !withinNotifiedPenalty(decision, notified)) {
      throw conflict(
        'HEAVIER_THAN_NOTIFIED',
        `Case ${current.caseNumber}: the decision must stay within the penalty notified (${notified ? describePenalty(notified) : 'none'})`,
      );
    }
    if (isMajorPenalty(decision, this.settings) && current.legalReviewApproved !== true) {
      throw conflict(
        'LEGAL_REVIEW_REQUIRED',
        `Case ${current.caseNumber}: a major penalty needs a passed legal review`,
      );
    }
  }
}
