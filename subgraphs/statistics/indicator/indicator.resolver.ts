import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { regionScopeOf } from '../../../platform/auth/region-scope';
import type { StatisticsContext } from '../statistics.context';
import { RegionIndicatorArgs, RegionOverviewArgs } from './inputs/region-indicator.args';
import { IndicatorSeries, RegionOverview } from './region-indicator.types';

@Resolver()
export class IndicatorResolver {
  @Authorized(Permission.STATISTICS_READ)
  @Query(() => IndicatorSeries, {
    description:
      'One indicator month by month (月度统计) over a region and the regions under it, zero months included.',
  })
  async regionIndicator(
    @Args() args: RegionIndicatorArgs,
    @Ctx() context: StatisticsContext,
  ): Promise<IndicatorSeries> {
    return context.services.indicators.series(
      regionScopeOf(context.identity),
      args.indicator,
      args.regionCode,
      args.fromMonth,
      args.toMonth,
    );
  }

  @Authorized(Permission.STATISTICS_READ)
  @Query(() => RegionOverview, {
    description:
      "Every indicator's total for a year over a region and the regions under it, with a breakdown one level down (年度统计概览).",
  })
  async regionOverview(@Args() args: RegionOverviewArgs, @Ctx() context: StatisticsContext): Promise<RegionOverview> {
    return context.services.indicators.overview(regionScopeOf(context.identity), args.regionCode, args.year);
  }
}
