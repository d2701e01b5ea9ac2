import { InitialStatistics1764000000000 } from '../../migrations/statistics/1764000000000-initial-statistics';
import { PersonalInformationKeysStatistics1765000000000 } from '../../migrations/statistics/1765000000000-personal-information-keys';
import { IndicatorCounts1766500000000 } from '../../migrations/statistics/1766500000000-indicator-counts';
import type { PlatformConfig } from '../../platform/config/config';
import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import { ActivityService } from './activity/activity.service';
import { EnterpriseYearActivity } from './activity/enterprise-year-activity.entity';
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
import type { StatisticsServices } from './statistics.context';
import { buildStatisticsSchema } from './statistics.schema';

/**
 * 统计: indicators for decision support, fed only by the other departments' events. It seeds nothing:
 * the demo counts arrive as events from the other subgraphs' seeds.
 */
export const statisticsSubgraph: SubgraphDefinition<StatisticsServices> = {
  name: 'statistics',
  entities: [IndicatorCount, EnterpriseYearActivity, OutboxMessage, InboxEvent],
  migrations: [
    InitialStatistics1764000000000,
    PersonalInformationKeysStatistics1765000000000,
    IndicatorCounts1766500000000,
  ],
  buildSchema: buildStatisticsSchema,
  createServices: ({ dataSource, logger }) => {
    const reader = new IndicatorCountsReader(dataSource);
    return {
      indicators: new IndicatorService(reader),
      indicatorQueries: new IndicatorQueryService(reader),
      exports: new IndicatorExportService(new IndicatorQueryService(reader), new IndicatorDetailReader(dataSource)),
      activity: new ActivityService(dataSource),
      counting: new EventCountingService(logger),
    };
  },
  eventHandlers: statisticsEventHandlers,
  httpRoutes: (services) => {
    const progress = new ExportProgress();
    return {
      [STATISTICS_EXPORT_PATH]: indicatorExportRoute(services.exports, progress),
      [STATISTICS_EXPORT_PROGRESS_PATH]: exportProgressRoute(progress),
    };
  },
};

export const buildSchema = buildStatisticsSchema;
export const start = (config: PlatformConfig) => startSubgraph(statisticsSubgraph, config);
