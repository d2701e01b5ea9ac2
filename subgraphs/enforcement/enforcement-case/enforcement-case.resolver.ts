import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { mayReadPersonalInformation } from '../../../platform/auth/personal-information.policy';
import { forbidden } from '../../../platform/errors/domain-error';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { actorOf, caseSharesLoader, caseStepsLoader, scopeOf, type EnforcementContext } from '../enforcement.context';
import { Enterprise } from '../enterprise/enterprise.resolver';
import { Vehicle } from '../vehicle/vehicle.resolver';
import { CasePayload } from './case.payload';
import { CaseShare } from './case-share.entity';
import { CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { EnforcementCaseConnection } from './enforcement-case.connection';
import { EnforcementCase } from './enforcement-case.entity';
import { CaseActionInput } from './inputs/case-action.input';
import { DismissCaseInput } from './inputs/dismiss-case.input';
import { ExtendCaseDeadlineInput } from './inputs/extend-case-deadline.input';
import { FileCaseInput } from './inputs/file-case.input';
import { RejectCaseFilingInput } from './inputs/reject-case-filing.input';
import { RevokeCaseShareInput } from './inputs/revoke-case-share.input';
import { ShareCaseInput } from './inputs/share-case.input';

@Resolver(() => EnforcementCase)
export class EnforcementCaseResolver {
  @Authorized(Permission.CASE_READ)
  @Query(() => EnforcementCase, {
    nullable: true,
    description: 'One case by its case number; null when there is none or the caller may not see it.',
  })
  async enforcementCase(
    @Arg('caseNumber', { description: 'Case number (案件编号).' }) caseNumber: string,
    @Ctx() context: EnforcementContext,
  ): Promise<EnforcementCase | null> {
    return context.services.cases.queries.find(scopeOf(context), caseNumber);
  }

  @Authorized(Permission.CASE_READ)
  @Query(() => EnforcementCaseConnection, {
    description:
      'Cases the caller may see (handled in their region, shared with it, proposed for transfer to it or handed over by it), newest first, by handling region and status.',
  })
  async enforcementCases(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('status', () => CaseStatus, { nullable: true, description: 'Only cases in this status.' })
    status: CaseStatus | null,
    @Arg('partyIdNumber', () => String, {
      nullable: true,
      description:
        'Only cases against the person with this resident ID number (exact; looked up by its keyed blind index, HMAC-SM3). A pii-reader with a declared purpose only.',
    })
    partyIdNumber: string | null,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<EnforcementCaseConnection> {
    if ((partyIdNumber ?? null) !== null && !mayReadPersonalInformation(context))
      throw forbidden(
        '只有声明了用途的个人信息查阅人员可按身份证号查询。Searching by resident ID number needs pii-reader and a declared purpose',
      );
    return context.services.cases.queries.list(
      scopeOf(context),
      { regionCode: regionCode ?? null, status: status ?? null, partyIdNumber: partyIdNumber ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.CASE_READ)
  @Query(() => EnforcementCaseConnection, {
    description: 'Cases not yet decided whose decision due date (办案期限) has passed, China time, newest first.',
  })
  async overdueCases(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<EnforcementCaseConnection> {
    return context.services.cases.queries.listOverdue(scopeOf(context), regionCode ?? null, pageRequest(page));
  }

  @Authorized(Permission.CASE_FILE)
  @Mutation(() => CasePayload, {
    description:
      'Submits a case for filing (立案申请) against an enterprise, a vehicle and/or a person; it is numbered at once and opened when a supervisor approves it.',
  })
  async fileCase(
    @Arg('input', { description: 'The case to file.' }) input: FileCaseInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.file(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description: 'Approves a submitted filing (立案审批): the case is FILED and its decision period starts.',
  })
  async approveCaseFiling(
    @Arg('input', { description: 'The case, at the version seen.' }) input: CaseActionInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.approveFiling(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, { description: 'Refuses to open a submitted case (不予立案), with reasons; final.' })
  async rejectCaseFiling(
    @Arg('input', { description: 'The case and why it is not opened.' }) input: RejectCaseFilingInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.rejectFiling(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => CasePayload, { description: 'Starts the investigation (调查取证) of a filed case.' })
  async startCaseInvestigation(
    @Arg('input', { description: 'The case to investigate, at the version seen.' }) input: CaseActionInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.startInvestigation(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description: 'Closes (结案) a case whose decision was carried out, or one decided with no penalty.',
  })
  async closeCase(
    @Arg('input', { description: 'The case to close, at the version seen.' }) input: CaseActionInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.close(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description: 'Dismisses (撤销案件) an opened case that is not yet decided, with reasons.',
  })
  async dismissCase(
    @Arg('input', { description: 'The case to dismiss and why.' }) input: DismissCaseInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.dismiss(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description: 'Extends the decision due date of a case awaiting its decision (延长办案期限), with reasons.',
  })
  async extendCaseDeadline(
    @Arg('input', { description: 'The case, the days to add and why.' }) input: ExtendCaseDeadlineInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.extendDeadline(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description:
      'Shares a case with another region for reading (案件共享协查), e.g. where the vehicle is registered; only the handling region may.',
  })
  async shareCase(
    @Arg('input', { description: 'The case, the region to share it with and why.' }) input: ShareCaseInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.sharing.share(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CasePayload, {
    description: 'Revokes the active share of a case with a region; only the handling region may.',
  })
  async revokeCaseShare(
    @Arg('input', { description: 'The case and the region whose share ends.' }) input: RevokeCaseShareInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CasePayload> {
    return { case: await context.services.cases.sharing.revokeShare(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => [CaseShare], {
    description:
      'Regions other than the handling one that read the case, and why (a read share, a transfer under review, a region that handed it over); a region that sees the case only through a share sees only the shares within its own scope.',
  })
  async sharedWith(@Root() enforcementCase: EnforcementCase, @Ctx() context: EnforcementContext): Promise<CaseShare[]> {
    return caseSharesLoader(context).load(enforcementCase.id);
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Name of the person the case is against.',
  })
  partyName(@Root() enforcementCase: EnforcementCase): string | null {
    return enforcementCase.partyName;
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Resident ID number (公民身份号码) of the person the case is against.',
  })
  partyIdNumber(@Root() enforcementCase: EnforcementCase): string | null {
    return enforcementCase.partyIdNumber;
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => [CaseStep], {
    description:
      'The case’s timeline, oldest first: every step of the procedure and every exchange with other regions (shares, transfers, assistance). A region that handed the case over sees the steps taken in it.',
  })
  async steps(@Root() enforcementCase: EnforcementCase, @Ctx() context: EnforcementContext): Promise<CaseStep[]> {
    return caseStepsLoader(context).load(enforcementCase.id);
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => Enterprise, {
    nullable: true,
    description:
      'The enterprise the case is against, when it is against one (resolved by the registry). Null, without an error, when the caller may not read it (registered outside their region).',
  })
  enterprise(@Root() enforcementCase: EnforcementCase): Enterprise | null {
    return enforcementCase.creditCode === null ? null : { creditCode: enforcementCase.creditCode };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => Vehicle, {
    nullable: true,
    description:
      'The vehicle involved, when one is (resolved by the registry). Null, without an error, when the caller may not read it (registered outside their region).',
  })
  vehicle(@Root() enforcementCase: EnforcementCase): Vehicle | null {
    return enforcementCase.plateNumber === null ? null : { plateNumber: enforcementCase.plateNumber };
  }
}
