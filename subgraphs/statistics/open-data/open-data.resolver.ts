import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import type { StatisticsContext } from '../statistics.context';
import { OpenIndicatorSeries, OpenIndicatorsArgs } from './open-data.types';

@Resolver()
export class OpenDataResolver {
  // Public (数据开放): open without signing in, rate limited per address and audited like verifyCertificate.
  @Authorized(Permission.PUBLIC_OPEN_DATA)
  @Query(() => [OpenIndicatorSeries], {
    description:
      'Open data (数据开放): the indicators of the open data list for the country or a province, period by period, ' +
      'cells counting fewer than k shown as "<k". Open to the public without signing in; rate limited per address and audited.',
  })
  async openIndicators(
    @Args() args: OpenIndicatorsArgs,
    @Ctx() context: StatisticsContext,
  ): Promise<OpenIndicatorSeries[]> {
    return context.services.openData.series({
      indicators: args.indicators ?? null,
      regionCode: args.regionCode,
      granularity: args.granularity,
      from: args.from,
      to: args.to,
    });
  }
}
