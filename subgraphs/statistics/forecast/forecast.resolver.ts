import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { regionScopeOf } from '../../../platform/auth/region-scope';
import type { StatisticsContext } from '../statistics.context';
import { IndicatorForecast, IndicatorForecastArgs } from './indicator-forecast.types';

@Resolver()
export class ForecastResolver {
  @Authorized(Permission.STATISTICS_READ)
  @Query(() => IndicatorForecast, {
    description:
      'An indicator forecast for the next months of a region (预测): the method chosen by the length of the history ' +
      '(Holt-Winters from 24 months), with its rolling-origin backtest error (MAE, MAPE) beside it.',
  })
  async indicatorForecast(
    @Args() args: IndicatorForecastArgs,
    @Ctx() context: StatisticsContext,
  ): Promise<IndicatorForecast> {
    return context.services.forecasts.forecast(regionScopeOf(context.identity), args);
  }
}
