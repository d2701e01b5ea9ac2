import type { AccessRules } from '../../platform/auth/access-rules';
import { Permission } from '../../platform/auth/permission.policy';

/** Who may see each statistics type (checked by scripts/access-rules.spec.ts). */
export const STATISTICS_ACCESS: AccessRules = {
  ActivitySummary: [Permission.STATISTICS_READ],
  IndicatorSeries: [Permission.STATISTICS_READ],
  IndicatorPoint: [Permission.STATISTICS_READ],
  RegionOverview: [Permission.STATISTICS_READ],
  RegionTotals: [Permission.STATISTICS_READ],
  IndicatorDefinition: [Permission.STATISTICS_READ],
  IndicatorDimension: [Permission.STATISTICS_READ],
  IndicatorTrend: [Permission.STATISTICS_READ],
  IndicatorTrendPoint: [Permission.STATISTICS_READ],
  IndicatorBreakdown: [Permission.STATISTICS_READ],
  IndicatorBreakdownRow: [Permission.STATISTICS_READ],
  // 数据开放: public, and to the figures of the open data list only (subgraphs/statistics/open-data).
  OpenIndicatorSeries: [Permission.PUBLIC_OPEN_DATA],
  OpenIndicatorValue: [Permission.PUBLIC_OPEN_DATA],
  // Early warning and forecasts (预警 / 预测): read by analysts; thresholds set with statistics:configure.
  WarningThreshold: [Permission.STATISTICS_READ, Permission.STATISTICS_CONFIGURE],
  SetWarningThresholdPayload: [Permission.STATISTICS_CONFIGURE],
  RemoveWarningThresholdPayload: [Permission.STATISTICS_CONFIGURE],
  IndicatorWarning: [Permission.STATISTICS_READ],
  IndicatorForecast: [Permission.STATISTICS_READ],
  ForecastPoint: [Permission.STATISTICS_READ],
  Enterprise: 'ENTITY_KEY',
};
