import type { SubgraphContext } from '../../platform/subgraph-server';
import type { ActivityService } from './activity/activity.service';
import type { EventCountingService } from './counting/event-counting.service';
import type { IndicatorExportService } from './export/indicator-export.service';
import type { IndicatorQueryService } from './indicator/indicator-query.service';
import type { IndicatorService } from './indicator/indicator.service';
import type { OpenDataService } from './open-data/open-data.service';
import type { IndicatorForecastService } from './forecast/indicator-forecast.service';
import type { IndicatorWarningService } from './warning/indicator-warning.service';
import type { WarningThresholdService } from './warning/warning-threshold.service';

export interface StatisticsServices {
  indicators: IndicatorService;
  indicatorQueries: IndicatorQueryService;
  /** CSV and XLSX files of indicator queries (served on /exports/statistics, not GraphQL). */
  exports: IndicatorExportService;
  activity: ActivityService;
  counting: EventCountingService;
  openData: OpenDataService;
  warningThresholds: WarningThresholdService;
  warnings: IndicatorWarningService;
  forecasts: IndicatorForecastService;
}

export type StatisticsContext = SubgraphContext<StatisticsServices>;

/** One loader per year asked about in a request, so every enterprise's summary of that year is one statement. */
export function activitySummaryLoader(context: StatisticsContext, year: number) {
  return context.loaders.get(`activitySummary:${year}`, () => context.services.activity.createYearLoader(year));
}
