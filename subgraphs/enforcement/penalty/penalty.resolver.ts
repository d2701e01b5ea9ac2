import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { CasePayload } from '../enforcement-case/case.payload';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { CaseActionInput } from '../enforcement-case/inputs/case-action.input';
import { actorOf, scopeOf, type EnforcementContext } from '../enforcement.context';
import { DecideCaseInput } from './inputs/decide-case.input';
import { ProposeCasePenaltyInput } from './inputs/propose-case-penalty.input';
import { RecordCaseExecutionInput } from './inputs/record-case-execution.input';
import { RecordCaseHearingInput } from './inputs/record-case-hearing.input';
import { RecordPartyStatementInput } from './inputs/record-party-statement.input';
import { ReviewCasePenaltyInput } from './inputs/review-case-penalty.input';
import { CaseExecution, CaseHearing, LegalReview, PenaltyNotice, PenaltyProposal } from './penalty-procedure.types';

/** The penalty procedure on a case: proposal, legal review, notice, statement, hearing, decision, execution. */
@Resolver(() => EnforcementCase)
export class PenaltyResolver {
  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => CasePayload, {
    description:
      'Proposes the penalty at the end of the investigation (处罚建议): a major one goes to legal review (LEGAL_REVIEW), any other is ready for the notice (PENALTY_PROPOSED).',
  })
  async proposeCasePenalty(
    @Arg('input', { description: 'The case and the penalty proposed.' }) input: ProposeCasePenaltyInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.propose(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description:
      'Records the legal review (法制审核) of a major proposed penalty: approved, or returned for further investigation.',
  })
  async reviewCasePenalty(
    @Arg('input', { description: 'The case, the outcome and the opinion.' }) input: ReviewCasePenaltyInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.review(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => CasePayload, {
    description:
      'Records that the party was notified of the proposed penalty and its rights (告知): statement and defence, and a hearing for a major penalty, until the response due date.',
  })
  async notifyCasePenalty(
    @Arg('input', { description: 'The case, at the version seen.' }) input: CaseActionInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.notify(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => CasePayload, {
    description: 'Records the party’s statement and defence (陈述申辩) and whether it gave up a hearing.',
  })
  async recordPartyStatement(
    @Arg('input', { description: 'The case and the statement.' }) input: RecordPartyStatementInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.recordStatement(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => CasePayload, {
    description:
      'Records the party’s request for a hearing (听证申请), made by the response due date on a major penalty.',
  })
  async requestCaseHearing(
    @Arg('input', { description: 'The case, at the version seen.' }) input: CaseActionInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.requestHearing(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, { description: 'Records the hearing held (听证笔录); the case may then be decided.' })
  async recordCaseHearing(
    @Arg('input', { description: 'The case and the hearing record.' }) input: RecordCaseHearingInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.recordHearing(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description:
      'Records the penalty decision (行政处罚决定) and tells credit, statistics and licensing (`case.decided`). A penalty follows the notice and the party’s statement or hearing and stays within the penalty notified; NO_PENALTY may follow the investigation.',
  })
  async decideCase(
    @Arg('input', { description: 'The case and the decision on it.' }) input: DecideCaseInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.decide(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => CasePayload, {
    description: 'Records how the decision was carried out (执行): a fine’s payment in full with its receipt.',
  })
  async recordCaseExecution(
    @Arg('input', { description: 'The case and the execution.' }) input: RecordCaseExecutionInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.penalties.recordExecution(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => PenaltyProposal, {
    nullable: true,
    description: 'The penalty proposed (处罚建议); null until one is.',
  })
  proposal(@Root() enforcementCase: EnforcementCase): PenaltyProposal | null {
    if (
      enforcementCase.proposedPenalty === null ||
      enforcementCase.proposedBy === null ||
      enforcementCase.proposedAt === null
    )
      return null;
    return {
      penalty: enforcementCase.proposedPenalty,
      fineFen: enforcementCase.proposedFineFen,
      permitNumber: enforcementCase.proposedPermitNumber,
      summary: enforcementCase.proposalSummary ?? '',
      major: enforcementCase.legalReviewRequired === true,
      proposedBy: enforcementCase.proposedBy,
      proposedAt: enforcementCase.proposedAt,
    };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => LegalReview, {
    nullable: true,
    description: 'The legal review (法制审核) of the proposal; null when the proposal needs none.',
  })
  legalReview(@Root() enforcementCase: EnforcementCase): LegalReview | null {
    if (enforcementCase.legalReviewRequired !== true) return null;
    return {
      approved: enforcementCase.legalReviewApproved,
      reviewedBy: enforcementCase.legalReviewedBy,
      reviewedAt: enforcementCase.legalReviewedAt,
      opinion: enforcementCase.legalReviewOpinion,
    };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => PenaltyNotice, {
    nullable: true,
    description: 'The notice to the party (告知) and its statement; null until the party is notified.',
  })
  notice(@Root() enforcementCase: EnforcementCase): PenaltyNotice | null {
    if (
      enforcementCase.notifiedBy === null ||
      enforcementCase.notifiedAt === null ||
      enforcementCase.responseDueDate === null
    )
      return null;
    return {
      notifiedBy: enforcementCase.notifiedBy,
      notifiedAt: enforcementCase.notifiedAt,
      responseDueDate: enforcementCase.responseDueDate,
      hearingAvailable: enforcementCase.hearingAvailable === true,
      statement: enforcementCase.partyStatement,
      statementRecordedBy: enforcementCase.statementRecordedBy,
      statementRecordedAt: enforcementCase.statementRecordedAt,
      hearingWaived: enforcementCase.hearingWaived,
    };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => CaseHearing, {
    nullable: true,
    description: 'The hearing (听证); null unless the party asked for one.',
  })
  hearing(@Root() enforcementCase: EnforcementCase): CaseHearing | null {
    if (enforcementCase.hearingRequestedBy === null || enforcementCase.hearingRequestedAt === null) return null;
    return {
      requestedBy: enforcementCase.hearingRequestedBy,
      requestedAt: enforcementCase.hearingRequestedAt,
      heldAt: enforcementCase.hearingHeldAt,
      record: enforcementCase.hearingRecord,
      recordedBy: enforcementCase.hearingRecordedBy,
    };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => CaseExecution, {
    nullable: true,
    description: 'How the decision was carried out (执行); null until recorded.',
  })
  execution(@Root() enforcementCase: EnforcementCase): CaseExecution | null {
    if (enforcementCase.executedBy === null || enforcementCase.executedAt === null) return null;
    return {
      executedBy: enforcementCase.executedBy,
      executedAt: enforcementCase.executedAt,
      paidFen: enforcementCase.paidFen,
      paymentReference: enforcementCase.paymentReference,
      note: enforcementCase.executionNote,
    };
  }
}
