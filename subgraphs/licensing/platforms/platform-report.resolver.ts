import { Arg, Args, Authorized, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { ConnectionType, PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { scopeOf, type LicensingContext } from '../licensing.context';
import { PermitApplication } from '../permit/permit-application.entity';
import { PlatformReport, PlatformReportState } from './platform-report.entity';

@ObjectType({ description: 'A page of decision reports to the investment project approval platform.' })
export class PlatformReportConnection extends ConnectionType(PlatformReport, 'PlatformReport', 'decision report') {}

// Licensing staff who handle and decide applications follow the reports; other readers of permits do not.
const LICENSING_STAFF = [Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE] as const;

function platformReportLoader(context: LicensingContext) {
  return context.loaders.get('platformReport', () => context.services.platforms.reports.createLoader(scopeOf(context)));
}

@Resolver(() => PlatformReport)
export class PlatformReportResolver {
  @Authorized(...LICENSING_STAFF)
  @Query(() => PlatformReportConnection, {
    description:
      'Decision reports to the national investment project approval platform (办理结果回传) of authorities in your region, newest first.',
  })
  async platformReports(
    @Arg('state', () => PlatformReportState, { nullable: true, description: 'Only reports in this delivery state.' })
    state: PlatformReportState | null,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<PlatformReportConnection> {
    return context.services.platforms.reports.list(scopeOf(context), state ?? null, pageRequest(page));
  }
}

@Resolver(() => PermitApplication)
export class PermitApplicationPlatformReportResolver {
  @Authorized(...LICENSING_STAFF)
  @FieldResolver(() => PlatformReport, {
    nullable: true,
    description:
      'The report of the decision to the investment project approval platform, for applications that name a project; null before the decision.',
  })
  async platformReport(
    @Root() application: PermitApplication,
    @Ctx() context: LicensingContext,
  ): Promise<PlatformReport | null> {
    return platformReportLoader(context).load(application.applicationNumber);
  }
}
