import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { scopeOf, type SafetyContext } from '../safety.context';
import { SafetyDeliveryState, SafetyPlatformDelivery, SafetyReportKind } from './safety-platform-delivery.entity';
import { NationalSafetyDeliveryConnection, NationalSafetyDeliverySummary } from './safety-delivery.types';

// Safety officers follow the reports of their regions: they answer for what reaches the national platform.
@Resolver(() => SafetyPlatformDelivery)
export class SafetyDeliveryResolver {
  @Authorized(Permission.SAFETY_REPORT_READ)
  @Query(() => NationalSafetyDeliveryConnection, {
    description:
      'Reports to the national safety supervision platform (国家安全生产监管平台), newest first: those of regions within your scope.',
  })
  async nationalSafetyDeliveries(
    @Arg('state', () => SafetyDeliveryState, { nullable: true, description: 'Only reports in this state.' })
    state: SafetyDeliveryState | null,
    @Arg('reportType', () => SafetyReportKind, { nullable: true, description: 'Only reports of this kind.' })
    reportType: SafetyReportKind | null,
    @Args() page: PageArgs,
    @Ctx() context: SafetyContext,
  ): Promise<NationalSafetyDeliveryConnection> {
    return context.services.nationalPlatform.deliveries.list(
      scopeOf(context),
      state ?? null,
      reportType ?? null,
      pageRequest(page),
    );
  }

  @Authorized(Permission.SAFETY_REPORT_READ)
  @Query(() => NationalSafetyDeliverySummary, {
    description:
      'How the reports to the national safety platform stand within your regions: counts per state, oldest pending age, last success.',
  })
  async nationalSafetyDeliverySummary(@Ctx() context: SafetyContext): Promise<NationalSafetyDeliverySummary> {
    return context.services.nationalPlatform.deliveries.summary(scopeOf(context));
  }
}
