import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { regionScopeOf } from '../../../platform/auth/region-scope';
import type { StatisticsContext } from '../statistics.context';
import { IndicatorWarning, IndicatorWarningsArgs } from './indicator-warning.types';
import {
  RemoveWarningThresholdInput,
  RemoveWarningThresholdPayload,
  SetWarningThresholdInput,
  SetWarningThresholdPayload,
  WarningThreshold,
} from './warning-threshold.types';

@Resolver()
export class WarningResolver {
  @Authorized(Permission.STATISTICS_READ)
  @Query(() => [IndicatorWarning], {
    description:
      'Early warnings (预警): every figure past an enabled threshold in a region, the regions directly under it and ' +
      'the regions under it with thresholds of their own, with the figure, the threshold and the region.',
  })
  async indicatorWarnings(
    @Args() args: IndicatorWarningsArgs,
    @Ctx() context: StatisticsContext,
  ): Promise<IndicatorWarning[]> {
    return context.services.warnings.warnings(regionScopeOf(context.identity), args.regionCode, args.period);
  }

  @Authorized(Permission.STATISTICS_READ)
  @Query(() => [WarningThreshold], {
    description:
      'The early-warning thresholds (预警阈值) watching a region: set at it, at a region above it that reaches below, or at a region under it.',
  })
  async warningThresholds(
    @Arg('regionCode', {
      description: 'GB/T 2260 code of a region within your own region; 000000 is the whole country.',
    })
    regionCode: string,
    @Ctx() context: StatisticsContext,
  ): Promise<WarningThreshold[]> {
    return context.services.warningThresholds.list(regionScopeOf(context.identity), regionCode);
  }

  @Authorized(Permission.STATISTICS_CONFIGURE)
  @Mutation(() => SetWarningThresholdPayload, {
    description:
      'Sets an early-warning threshold (设置预警阈值) for a region within your own, or changes the one of the same indicator, region, comparison and granularity.',
  })
  async setWarningThreshold(
    @Arg('input', () => SetWarningThresholdInput, { description: 'The threshold.' }) input: SetWarningThresholdInput,
    @Ctx() context: StatisticsContext,
  ): Promise<SetWarningThresholdPayload> {
    const identity = context.identity!;
    const threshold = await context.services.warningThresholds.set(regionScopeOf(identity), input, identity.username);
    return { threshold };
  }

  @Authorized(Permission.STATISTICS_CONFIGURE)
  @Mutation(() => RemoveWarningThresholdPayload, {
    description: 'Removes an early-warning threshold (删除预警阈值) of a region within your own.',
  })
  async removeWarningThreshold(
    @Arg('input', () => RemoveWarningThresholdInput, { description: 'The threshold to remove.' })
    input: RemoveWarningThresholdInput,
    @Ctx() context: StatisticsContext,
  ): Promise<RemoveWarningThresholdPayload> {
    const threshold = await context.services.warningThresholds.remove(regionScopeOf(context.identity), input);
    return { id: threshold.id, threshold };
  }
}
