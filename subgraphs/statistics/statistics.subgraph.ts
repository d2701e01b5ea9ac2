import { InitialStatistics1764000000000 } from '../../migrations/statistics/1764000000000-initial-statistics';
import { PersonalInformationKeysStatistics1765000000000 } from '../../migrations/statistics/1765000000000-personal-information-keys';
import { IndicatorCounts1766500000000 } from '../../migrations/statistics/1766500000000-indicator-counts';
import { IndicatorCountRebuilt1766640000000 } from '../../migrations/statistics/1766640000000-indicator-count-rebuilt';
import { WarningThresholds1766630000000 } from '../../migrations/statistics/1766630000000-warning-thresholds';
import type { PlatformConfig } from '../../platform/config/config';
import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import { ActivityService } from './activity/activity.service';
import { EnterpriseYearActivity } from './activity/enterprise-year-activity.entity';
import { IndicatorCountRebuilt } from './replay/indicator-count-rebuilt.entity';
import { statisticsEventHandlers } from './counting/event-counting.handlers';
import { EventCountingService } from './counting/event-counting.service';
import { IndicatorDetailReader } from './export/indicator-detail.reader';
import { ExportProgress } from './export/export-progress';
import { exportProgressRoute, indicatorExportRoute } from './export/indicator-export.route';
import { STATISTICS_EXPORT_PATH, STATISTICS_EXPORT_PROGRESS_PATH } from './export/indicator-export.request';
import { IndicatorExportService } from './export/indicator-export.service';
import { IndicatorService } from './indicator/indicator.service';
import { IndicatorCount } from './indicator/indicator-count.entity';
import { IndicatorCountsReader } from './indicator/indicator-counts.reader';
import { IndicatorQueryService } from './indicator/indicator-query.service';
import { OpenDataService } from './open-data/open-data.service';
import { STATISTICS_CONFIG, type StatisticsConfig } from './statistics.config';
import type { StatisticsServices } from './statistics.context';
import { IndicatorForecastService } from './forecast/indicator-forecast.service';
import { IndicatorWarningService } from './warning/indicator-warning.service';
import { WarningThresholdRecord } from './warning/warning-threshold.entity';
import { WarningThresholdService } from './warning/warning-threshold.service';
import { seedWarningThresholds } from './warning/warning-thresholds.seed';
import { buildStatisticsSchema } from './statistics.schema';

/**
 * 统计: indicators for decision support, fed only by the other departments' events. Its demo counts arrive
 * as events from the other subgraphs' seeds; it seeds only demo early-warning thresholds.
 */
export const statisticsSubgraph: SubgraphDefinition<StatisticsServices, StatisticsConfig> = {
  name: 'statistics',
  config: STATISTICS_CONFIG,
  entities: [
    IndicatorCount,
    EnterpriseYearActivity,
    OutboxMessage,
    InboxEvent,
    IndicatorCountRebuilt,
    WarningThresholdRecord,
  ],
  migrations: [
    InitialStatistics1764000000000,
    PersonalInformationKeysStatistics1765000000000,
    IndicatorCounts1766500000000,
    WarningThresholds1766630000000,
    IndicatorCountRebuilt1766640000000,
  ],
  buildSchema: buildStatisticsSchema,
  createServices: ({ dataSource, logger }, settings) => {
    const reader = new IndicatorCountsReader(dataSource);
    const warningThresholds = new WarningThresholdService(dataSource);
    return {
      indicators: new IndicatorService(reader),
      indicatorQueries: new IndicatorQueryService(reader),
      exports: new IndicatorExportService(new IndicatorQueryService(reader), new IndicatorDetailReader(dataSource)),
      activity: new ActivityService(dataSource),
      counting: new EventCountingService(logger),
      openData: new OpenDataService(reader, settings.openData),
      warningThresholds,
      warnings: new IndicatorWarningService(reader, warningThresholds),
      forecasts: new IndicatorForecastService(reader),
    };
  },
  eventHandlers: statisticsEventHandlers,
  // Counts arrive as the other departments' events; only demo early-warning thresholds are seeded.
  seedDemoData: seedWarningThresholds,
  httpRoutes: (services) => {
    const progress = new ExportProgress();
    return {
      [STATISTICS_EXPORT_PATH]: indicatorExportRoute(services.exports, progress),
      [STATISTICS_EXPORT_PROGRESS_PATH]: exportProgressRoute(progress),
    };
  },
};

export const buildSchema = buildStatisticsSchema;
export const start = (config: PlatformConfig, settings: StatisticsConfig) =>
  startSubgraph(statisticsSubgraph, config, settings);
