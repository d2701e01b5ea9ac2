import { InitialSafety1764000000000 } from '../../migrations/safety/1764000000000-initial-safety';
import { PersonalInformationKeysSafety1765000000000 } from '../../migrations/safety/1765000000000-personal-information-keys';
import { FreeTextEncryptionSafety1765010000000 } from '../../migrations/safety/1765010000000-free-text-encryption';
import { SafetyRegistry1766000000000 } from '../../migrations/safety/1766000000000-safety-registry';
import { VehicleMonitoring1766100000000 } from '../../migrations/safety/1766100000000-vehicle-monitoring';
import type { PlatformConfig } from '../../platform/config/config';
import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import { MonitoringReadService } from './monitoring/monitoring-read.service';
import { startMonitoringJobs } from './monitoring/monitoring.jobs';
import { seedMonitoring, startDemoSender } from './monitoring/monitoring.seed';
import { SafetyAlert } from './monitoring/safety-alert.entity';
import { SafetyAlertService } from './monitoring/safety-alert.service';
import { VehicleLatestPosition, VehicleOnlineDay, VehiclePosition } from './monitoring/vehicle-position.entity';
import { VehiclePositionService } from './monitoring/vehicle-position.service';
import { SAFETY_CONFIG, type SafetyConfig } from './safety.config';
import type { SafetyServices } from './safety.context';
import { buildSafetySchema } from './safety.schema';
import { seedSafety } from './safety.seed';
import { SafetyPlatformDelivery } from './national-platform/safety-platform-delivery.entity';
import { SafetyPlatformOutbox } from './national-platform/safety-platform.outbox';
import { CarrierPermit } from './registry/carrier-permit.entity';
import { SafetyVehicle } from './registry/safety-vehicle.entity';
import { WaybillSequence } from './waybill/waybill-sequence.entity';
import { Waybill } from './waybill/waybill.entity';
import { WaybillService } from './waybill/waybill.service';

/**
 * 安全生产监管: hazardous-goods road transport electronic waybills and key-vehicle networked monitoring
 * (重点营运车辆联网联控: positions, alerts, online rates). Subscribes to no events yet.
 */
export const safetySubgraph: SubgraphDefinition<SafetyServices, SafetyConfig> = {
  name: 'safety',
  config: SAFETY_CONFIG,
  entities: [
    Waybill,
    WaybillSequence,
    SafetyVehicle,
    CarrierPermit,
    SafetyPlatformDelivery,
    VehiclePosition,
    VehicleLatestPosition,
    VehicleOnlineDay,
    SafetyAlert,
    OutboxMessage,
    InboxEvent,
  ],
  migrations: [
    InitialSafety1764000000000,
    PersonalInformationKeysSafety1765000000000,
    FreeTextEncryptionSafety1765010000000,
    SafetyRegistry1766000000000,
    VehicleMonitoring1766100000000,
  ],
  buildSchema: buildSafetySchema,
  createServices: ({ dataSource, outbox }, settings) => ({
    waybills: new WaybillService(dataSource, outbox),
    reports: new SafetyPlatformOutbox(),
    positions: new VehiclePositionService(dataSource, settings.monitoring),
    alerts: new SafetyAlertService(dataSource, outbox),
    monitoring: new MonitoringReadService(dataSource),
  }),
  seedDemoData: async (services, dependencies) => {
    await seedSafety(services, dependencies);
    await seedMonitoring(dependencies.dataSource, services.positions, dependencies.logger);
  },
  startBackgroundWork: (services, { dataSource, logger, config }, settings) => {
    const stopJobs = startMonitoringJobs(dataSource, settings.monitoring, logger);
    const { demoPositionsSeconds } = settings.monitoring;
    const stopSender =
      config.seedDemoData && demoPositionsSeconds > 0
        ? startDemoSender(services.positions, demoPositionsSeconds, logger)
        : () => Promise.resolve();
    return async () => {
      await Promise.all([stopJobs(), stopSender()]);
    };
  },
};

export const buildSchema = buildSafetySchema;
export const start = (config: PlatformConfig, settings: SafetyConfig) =>
  startSubgraph(safetySubgraph, config, settings);
