import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { PeriodGranularity } from '../indicator/period';
import type { StatisticsServices } from '../statistics.context';
import { WarningThresholdRecord } from './warning-threshold.entity';
import { ThresholdComparison, ThresholdReach, type SetWarningThresholdInput } from './warning-threshold.types';
import type { SubgraphDependencies } from '../../../platform/subgraph-server';

/**
 * Demo thresholds (预警阈值). The demo cases are filed in the month the single window starts: 11 in Jiangsu,
 * 8 of them in Nanjing, 3 in Suzhou; `indicatorWarnings(regionCode: "320000", period: <this month>)` shows
 * Jiangsu and Nanjing past the first threshold, not Suzhou.
 */
export const DEMO_THRESHOLDS: readonly SetWarningThresholdInput[] = [
  {
    indicator: 'CASES_OPENED',
    regionCode: '320000',
    comparison: ThresholdComparison.VALUE_ABOVE,
    threshold: 5,
    granularity: PeriodGranularity.MONTH,
    reach: ThresholdReach.REGION_AND_BELOW,
    enabled: true,
  },
  {
    indicator: 'FINES_FEN',
    regionCode: '000000',
    comparison: ThresholdComparison.PERIOD_ON_PERIOD_UP_PERCENT,
    threshold: 50,
    granularity: PeriodGranularity.MONTH,
    reach: ThresholdReach.REGION_AND_BELOW,
    enabled: true,
  },
];

/** Sets each demo threshold once; one an analyst has changed since is left as it is. */
export async function seedWarningThresholds(
  services: Pick<StatisticsServices, 'warningThresholds'>,
  { dataSource, logger }: Pick<SubgraphDependencies, 'dataSource' | 'logger'>,
): Promise<void> {
  const repository = dataSource.getRepository(WarningThresholdRecord);
  for (const demo of DEMO_THRESHOLDS) {
    const { indicator, regionCode, comparison, granularity } = demo;
    if (await repository.existsBy({ indicator, regionCode, comparison, granularity })) continue;
    await services.warningThresholds.set(SYSTEM_SCOPE, demo, 'demo-seed');
    logger.info('demo warning threshold set', { indicator, regionCode, comparison });
  }
}
