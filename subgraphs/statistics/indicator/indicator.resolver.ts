import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { regionScopeOf } from '../../../platform/auth/region-scope';
import type { StatisticsContext } from '../statistics.context';
import { IndicatorBreakdownArgs, IndicatorRangeArgs } from './inputs/indicator-range.args';
import { RegionIndicatorArgs, RegionOverviewArgs } from './inputs/region-indicator.args';
import { IndicatorBreakdown, IndicatorTrend } from './indicator-trend.types';
import { IndicatorSeries, RegionOverview } from './region-indicator.types';

@Resolver()
export class IndicatorResolver {
  @Authorized(Permission.STATISTICS_READ)
  @Query(() => IndicatorTrend, {
    description:
      'Any indicator period by period (by month, quarter or year) over a region and the regions under it, ' +
      'with the change from the period before (环比) and from the same period a year before (同比).',
  })
  async indicatorSeries(@Args() args: IndicatorRangeArgs, @Ctx() context: StatisticsContext): Promise<IndicatorTrend> {
    return context.services.indicatorQueries.trend(regionScopeOf(context.identity), args);
  }

  @Authorized(Permission.STATISTICS_READ)
  @Query(() => IndicatorBreakdown, {
    description:
      'Any indicator over a range of periods split one level down (by region or by its dimension), ranked (排名).',
  })
  async indicatorBreakdown(
    @Args() args: IndicatorBreakdownArgs,
    @Ctx() context: StatisticsContext,
  ): Promise<IndicatorBreakdown> {
    return context.services.indicatorQueries.breakdown(regionScopeOf(context.identity), args);
  }

  @Authorized(Permission.STATISTICS_READ)
  @Query(() => IndicatorSeries, {
    description:
      'One counted indicator month by month (月度统计) over a region and the regions under it, zero months included. ' +
      'indicatorSeries does the same for every indicator, by quarter and year too.',
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
      "The first five indicators' totals for a year over a region and the regions under it, with a breakdown one level down (年度统计概览).",
  })
  async regionOverview(@Args() args: RegionOverviewArgs, @Ctx() context: StatisticsContext): Promise<RegionOverview> {
    return context.services.indicators.overview(regionScopeOf(context.identity), args.regionCode, args.year);
  }
}
