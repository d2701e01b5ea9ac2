import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { ConnectionType, PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { Enterprise } from '../enterprise/enterprise.entity';
import {
  actingAs,
  applicationHistoryLoader,
  enterpriseLoader,
  permitStatusHistoryLoader,
  routeSegmentsLoader,
  scopeOf,
  type LicensingContext,
} from '../licensing.context';
import { ApplicationStatus } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import {
  ApplicationActionInput,
  ApprovePermitApplicationInput,
  DecideDeadlineExtensionInput,
  PermitApplicationPayload,
  RejectPermitApplicationInput,
  RequestDeadlineExtensionInput,
  ResubmitPermitApplicationInput,
  ReturnPermitApplicationInput,
  ReviewPermitApplicationInput,
  RouteSegmentDecisionInput,
  SubmitPermitApplicationInput,
  WithdrawPermitApplicationInput,
} from './inputs/permit-application.inputs';
import {
  PermitPayload,
  RestorePermitInput,
  RevokePermitInput,
  SuspendPermitInput,
} from './inputs/permit-status.inputs';
import { PermitApplication } from './permit-application.entity';
import {
  DeadlineExtension,
  MaterialRequirement,
  PermitKindDefinition,
  ReturnNotice,
  ReviewOpinion,
} from './permit-application.views';
import { materialOf, PERMIT_KINDS } from './permit-kind';
import { PermitStatusChange } from './permit-status-change.entity';
import { Permit } from './permit.entity';
import { RouteSegment } from './route-segment.entity';

@ObjectType({ description: 'A page of permit applications.' })
export class PermitApplicationConnection extends ConnectionType(
  PermitApplication,
  'PermitApplication',
  'permit application',
) {}

const REGION_ARGUMENT = {
  nullable: true,
  description: 'GB/T 2260 code of the handling authority; a province includes its cities and counties.',
} as const;
const OFFICER_ARGUMENT = {
  nullable: true,
  description: 'Only applications this officer handles (the username that accepted or returned them).',
} as const;

/** The kind table as the graph shows it. */
export function permitKindDefinitions(): PermitKindDefinition[] {
  return Object.values(PERMIT_KINDS).map((definition) => ({
    kind: definition.kind,
    legalBasis: definition.legalBasis,
    requiredMaterials: definition.materials.map((material) => ({ ...material })),
    submitRoles: [...definition.roles.submit],
    acceptRoles: [...definition.roles.accept],
    reviewRoles: [...definition.roles.review],
    decideRoles: [...definition.roles.decide],
    decisionWorkingDays: definition.decisionWorkingDays,
    extensionWorkingDays: definition.extensionWorkingDays,
    issueWorkingDays: definition.issueWorkingDays,
    reviewRequired: definition.reviewRequired,
    parallelApprovalByRoute: definition.parallelApprovalByRoute,
    investmentProjectRequired: definition.investmentProjectRequired,
    validityYears: definition.validityYears,
  }));
}

@Resolver(() => PermitApplication)
export class PermitApplicationResolver {
  @Authorized(Permission.PERMIT_READ)
  @Query(() => PermitApplication, {
    nullable: true,
    description: 'One application by number; null when there is none or the caller may not see it.',
  })
  async permitApplication(
    @Arg('applicationNumber', { description: 'Application number (申请编号).' }) applicationNumber: string,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplication | null> {
    return context.services.permits.findApplication(scopeOf(context), applicationNumber);
  }

  @Authorized(Permission.PERMIT_READ)
  @Query(() => PermitApplicationConnection, {
    description:
      'Applications the caller may see (handled in their region, or routed through their province), newest first, by region, status and officer.',
  })
  async permitApplications(
    @Arg('regionCode', () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg('status', () => ApplicationStatus, { nullable: true, description: 'Only applications in this status.' })
    status: ApplicationStatus | null,
    @Arg('officer', () => String, OFFICER_ARGUMENT) officer: string | null,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationConnection> {
    return context.services.permits.listApplications(
      scopeOf(context),
      { regionCode: regionCode ?? null, status: status ?? null, officer: officer ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.PERMIT_READ)
  @Query(() => PermitApplicationConnection, {
    description:
      'Applications still waiting for the office or the applicant (submitted, returned, accepted, reviewed or awaiting a national platform), newest first.',
  })
  async pendingPermitApplications(
    @Arg('regionCode', () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg('officer', () => String, OFFICER_ARGUMENT) officer: string | null,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationConnection> {
    return context.services.permits.listPending(
      scopeOf(context),
      { regionCode: regionCode ?? null, officer: officer ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.PERMIT_READ)
  @Query(() => PermitApplicationConnection, {
    description: 'Accepted applications not yet decided whose decision due date has passed (China time), newest first.',
  })
  async overduePermitApplications(
    @Arg('regionCode', () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg('officer', () => String, OFFICER_ARGUMENT) officer: string | null,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationConnection> {
    return context.services.permits.listOverdue(
      scopeOf(context),
      { regionCode: regionCode ?? null, officer: officer ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.PERMIT_READ)
  @Query(() => PermitApplicationConnection, {
    description:
      'Accepted applications not yet decided that fall due today or within the given number of working days, newest first.',
  })
  async dueSoonPermitApplications(
    @Arg('regionCode', () => String, REGION_ARGUMENT) regionCode: string | null,
    @Arg('withinWorkingDays', () => Int, {
      description: 'How many working days ahead to look (0-30; 0 is today only).',
    })
    withinWorkingDays: number,
    @Arg('officer', () => String, OFFICER_ARGUMENT) officer: string | null,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationConnection> {
    return context.services.permits.listDueSoon(
      scopeOf(context),
      { regionCode: regionCode ?? null, officer: officer ?? null },
      withinWorkingDays,
      pageRequest(page),
    );
  }

  @Authorized(Permission.PERMIT_READ)
  @Query(() => [PermitKindDefinition], {
    description: 'Every kind of permit handled online, with its required materials, roles and statutory deadlines.',
  })
  permitKinds(): PermitKindDefinition[] {
    return permitKindDefinitions();
  }

  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => PermitApplicationPayload, { description: 'Submits a permit application online for an enterprise.' })
  async submitPermitApplication(
    @Arg('input', { description: 'The application.' }) input: SubmitPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.submit(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_ACCEPT)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Accepts (受理) a submitted application; the decision deadline starts.',
  })
  async acceptPermitApplication(
    @Arg('input', { description: 'The application and the version acted on.' }) input: ApplicationActionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.accept(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_ACCEPT)
  @Mutation(() => PermitApplicationPayload, {
    description:
      'Returns a submitted application with one notice listing everything missing (一次性告知); once per application.',
  })
  async returnPermitApplication(
    @Arg('input', { description: 'The application, the missing materials and the note.' })
    input: ReturnPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.returnForCorrection(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Resubmits a returned application once the materials its notice named are attached (补正).',
  })
  async resubmitPermitApplication(
    @Arg('input', { description: 'The application and the version acted on.' }) input: ResubmitPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.resubmit(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Records the review opinion (审查意见) on an accepted application.',
  })
  async reviewPermitApplication(
    @Arg('input', { description: 'The application, the recommendation and the opinion.' })
    input: ReviewPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.review(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description:
      'Approves an application and issues the permit and its electronic certificate. A highway construction permit first needs its tender award on record; while the trading platform is unreachable the approval waits (AWAITING_EXTERNAL_VERIFICATION) and `permit` is null.',
  })
  async approvePermitApplication(
    @Arg('input', { description: 'The application, version and conditions.' }) input: ApprovePermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return context.services.permits.approve(scopeOf(context), input, actingAs(context));
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, { description: 'Refuses an application, with reasons.' })
  async rejectPermitApplication(
    @Arg('input', { description: 'The application, version and reasons.' }) input: RejectPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.reject(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Withdraws an application for the applicant before it is decided (撤回申请).',
  })
  async withdrawPermitApplication(
    @Arg('input', { description: 'The application and the reason.' }) input: WithdrawPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.withdraw(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_ACCEPT)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Asks, once and before it passes, to extend the decision deadline (延长审查期限); a reviewer decides.',
  })
  async requestDeadlineExtension(
    @Arg('input', { description: 'The application and the reason.' }) input: RequestDeadlineExtensionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.requestExtension(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description: "Approves the requested extension: the decision deadline moves by the kind's extension working days.",
  })
  async approveDeadlineExtension(
    @Arg('input', { description: 'The application and an optional comment.' }) input: DecideDeadlineExtensionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.approveExtension(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, { description: 'Refuses the requested extension; the deadline stands.' })
  async refuseDeadlineExtension(
    @Arg('input', { description: 'The application and the reason (required).' }) input: DecideDeadlineExtensionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.refuseExtension(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description:
      "Approves the caller's province's segment of a cross-province oversize transport (并联许可); the last approval issues the permit.",
  })
  async approveRouteSegment(
    @Arg('input', { description: 'The application, the province and any conditions.' })
    input: RouteSegmentDecisionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return context.services.permits.approveSegment(scopeOf(context), input, actingAs(context));
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description: "Refuses the caller's province's segment, which refuses the application.",
  })
  async refuseRouteSegment(
    @Arg('input', { description: 'The application, the province and the reasons.' }) input: RouteSegmentDecisionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.refuseSegment(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The applying enterprise.' })
  async applicant(
    @Root() application: PermitApplication,
    @Ctx() context: LicensingContext,
  ): Promise<Enterprise | null> {
    return enterpriseLoader(context).load(application.creditCode);
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => [ApplicationTransition], {
    description: 'Every recorded step, oldest first: who did what, when, from which status to which, with the comment.',
  })
  async history(
    @Root() application: PermitApplication,
    @Ctx() context: LicensingContext,
  ): Promise<ApplicationTransition[]> {
    return applicationHistoryLoader(context).load(application.id);
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => [RouteSegment], {
    description:
      'For a cross-province oversize transport, each province on the route and its decision, in route order; empty otherwise.',
  })
  async routeSegments(
    @Root() application: PermitApplication,
    @Ctx() context: LicensingContext,
  ): Promise<RouteSegment[]> {
    return routeSegmentsLoader(context).load(application.id);
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => [MaterialRequirement], { description: 'The materials the permit kind requires.' })
  requiredMaterials(@Root() application: PermitApplication): MaterialRequirement[] {
    return PERMIT_KINDS[application.kind].materials.map((material) => ({ ...material }));
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => ReturnNotice, {
    nullable: true,
    description: 'The one notice of everything missing (一次性告知), when the application was returned.',
  })
  returnNotice(@Root() application: PermitApplication): ReturnNotice | null {
    if (application.returnedAt === null || application.returnedBy === null) return null;
    const codes = (application.returnedMaterialCodes ?? '').split(',').filter((code) => code !== '');
    return {
      missingMaterials: codes.map((code) => ({ code, name: materialOf(application.kind, code)?.name ?? code })),
      note: application.returnNote ?? '',
      returnedBy: application.returnedBy,
      returnedAt: application.returnedAt,
    };
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => ReviewOpinion, { nullable: true, description: 'The review opinion, once recorded.' })
  review(@Root() application: PermitApplication): ReviewOpinion | null {
    if (application.reviewedAt === null || application.reviewRecommendation === null) return null;
    return {
      recommendation: application.reviewRecommendation,
      opinion: application.reviewOpinion ?? '',
      reviewedBy: application.reviewedBy ?? '',
      reviewedAt: application.reviewedAt,
    };
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => DeadlineExtension, {
    nullable: true,
    description: 'The extension of the decision deadline, once requested.',
  })
  deadlineExtension(@Root() application: PermitApplication): DeadlineExtension | null {
    if (application.extensionStatus === null || application.extensionRequestedAt === null) return null;
    return {
      status: application.extensionStatus,
      reason: application.extensionReason ?? '',
      workingDays: PERMIT_KINDS[application.kind].extensionWorkingDays,
      requestedBy: application.extensionRequestedBy ?? '',
      requestedAt: application.extensionRequestedAt,
      decidedBy: application.extensionDecidedBy,
      decidedAt: application.extensionDecidedAt,
      comment: application.extensionComment,
    };
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Working days left to the decision due date (0 on the due day, negative when overdue); null when no deadline runs.',
  })
  workingDaysLeft(@Root() application: PermitApplication, @Ctx() context: LicensingContext): number | null {
    return context.services.permits.workingDaysLeft(application);
  }
}

@Resolver(() => Permit)
export class PermitResolver {
  @Authorized(Permission.PERMIT_READ)
  @Query(() => Permit, { nullable: true, description: 'One permit by number.' })
  async permit(
    @Arg('number', { description: 'Permit number.' }) number: string,
    @Ctx() context: LicensingContext,
  ): Promise<Permit | null> {
    return context.services.permits.findPermit(scopeOf(context), number);
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitPayload, { description: "Suspends (暂扣) a valid permit issued in the caller's region." })
  async suspendPermit(
    @Arg('input', { description: 'The permit and the reasons.' }) input: SuspendPermitInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitPayload> {
    return { permit: await context.services.permitSanctions.suspend(scopeOf(context), input, actingAs(context)) };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitPayload, { description: 'Restores a suspended permit to force.' })
  async restorePermit(
    @Arg('input', { description: 'The permit and the reasons.' }) input: RestorePermitInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitPayload> {
    return { permit: await context.services.permitSanctions.restore(scopeOf(context), input, actingAs(context)) };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitPayload, { description: 'Revokes (吊销) a valid or suspended permit; final.' })
  async revokePermit(
    @Arg('input', { description: 'The permit and the reasons.' }) input: RevokePermitInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitPayload> {
    return { permit: await context.services.permitSanctions.revoke(scopeOf(context), input, actingAs(context)) };
  }

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise holding the permit.' })
  async holder(@Root() permit: Permit, @Ctx() context: LicensingContext): Promise<Enterprise | null> {
    return enterpriseLoader(context).load(permit.creditCode);
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => [PermitStatusChange], {
    description: 'Suspensions, restorations and revocations of the permit, oldest first.',
  })
  async statusHistory(@Root() permit: Permit, @Ctx() context: LicensingContext): Promise<PermitStatusChange[]> {
    return permitStatusHistoryLoader(context).load(permit.id);
  }
}
