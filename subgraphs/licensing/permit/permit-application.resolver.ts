import { JointDisciplineView } from '../joint-discipline/joint-discipline.views';
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { ConnectionType, PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { Enterprise } from '../enterprise/enterprise.entity';
import {
  applicationHistoryLoader,
  enterpriseLoader,
  routeSegmentsLoader,
  scopeOf,
  type LicensingContext,
  applicantListingLoader,
} from '../licensing.context';
import { ApplicationStatus } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import { PermitApplication } from './permit-application.entity';
import {
  DeadlineExtension,
  MaterialRequirement,
  PermitKindDefinition,
  ReturnNotice,
  ReviewOpinion,
} from './permit-application.views';
import { materialOf, PERMIT_KINDS } from './permit-kind';
import { RouteSegment } from './route-segment.entity';

// Reading applications: the lookups, lists and work queues, the kind table, and the fields of an
// application. The steps that change one are in application-procedure.resolver.ts,
// deadline-extension.resolver.ts and route-segment-approval.resolver.ts.

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
    return context.services.permits.queries.findApplication(scopeOf(context), applicationNumber);
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
    return context.services.permits.queries.listApplications(
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
    return context.services.permits.queries.listPending(
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
    return context.services.permits.queries.listOverdue(
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
    return context.services.permits.queries.listDueSoon(
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

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The applying enterprise.' })
  async applicant(
    @Root() application: PermitApplication,
    @Ctx() context: LicensingContext,
  ): Promise<Enterprise | null> {
    return enterpriseLoader(context).load(application.creditCode);
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => JointDisciplineView, {
    description:
      'Joint discipline (联合惩戒): the applicant’s serious-dishonesty listings as licensing last heard from credit, and the kind’s rule for approving.',
  })
  async jointDiscipline(
    @Root() application: PermitApplication,
    @Ctx() context: LicensingContext,
  ): Promise<JointDisciplineView> {
    const listings = await applicantListingLoader(context).load(application.creditCode);
    return {
      applicantListed: listings.length > 0,
      rule: context.services.jointDiscipline.ruleFor(application.kind),
      listings,
    };
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
    return context.services.permits.queries.workingDaysLeft(application);
  }
}
