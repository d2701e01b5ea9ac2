import { InitialSafety1764000000000 } from '../../migrations/safety/1764000000000-initial-safety';
import { PersonalInformationKeysSafety1765000000000 } from '../../migrations/safety/1765000000000-personal-information-keys';
import { FreeTextEncryptionSafety1765010000000 } from '../../migrations/safety/1765010000000-free-text-encryption';
import { SafetyRegistry1766000000000 } from '../../migrations/safety/1766000000000-safety-registry';
import { WaybillPartiesAndRoute1766010000000 } from '../../migrations/safety/1766010000000-waybill-parties-and-route';
import { HazardsAndAccidents1766200000000 } from '../../migrations/safety/1766200000000-hazards-and-accidents';
import { VehicleMonitoring1766100000000 } from '../../migrations/safety/1766100000000-vehicle-monitoring';
import { MonitoringDaySettlement1766610000000 } from '../../migrations/safety/1766610000000-monitoring-day-settlement';
import { HazardOverduePublished1766610100000 } from '../../migrations/safety/1766610100000-hazard-overdue-published';
import type { PlatformConfig } from '../../platform/config/config';
import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import { loadWorkingCalendar } from '../../platform/time/working-calendar';
import { Accident, AccidentReportVersion } from './accident/accident.entity';
import { AccidentService } from './accident/accident.service';
import { HazardEvidence } from './hazard/hazard-evidence.entity';
import { HazardQueries } from './hazard/hazard.queries';
import { HazardService } from './hazard/hazard.service';
import { HiddenHazard } from './hazard/hidden-hazard.entity';
import { SafetyInspection } from './hazard/safety-inspection.entity';
import { MonitoringReadService } from './monitoring/monitoring-read.service';
import { startMonitoringJobs } from './monitoring/monitoring.jobs';
import { startOverdueSweep } from './hazard/hazard-overdue.job';
import { seedMonitoring, startDemoSender } from './monitoring/monitoring.seed';
import { SafetyAlert } from './monitoring/safety-alert.entity';
import { SafetyAlertService } from './monitoring/safety-alert.service';
import { VehicleLatestPosition, VehicleOnlineDay, VehiclePosition } from './monitoring/vehicle-position.entity';
import { MonitoringDaySettlement } from './monitoring/monitoring-day-settlement.entity';
import { VehiclePositionService } from './monitoring/vehicle-position.service';
import { SAFETY_CONFIG, type SafetyConfig } from './safety.config';
import type { SafetyServices } from './safety.context';
import { buildSafetySchema } from './safety.schema';
import { seedSafety } from './safety.seed';
import { SafetyPlatformDelivery } from './national-platform/safety-platform-delivery.entity';
import { createNationalSafetyLinks } from './national-platform/national-safety-links';
import type { NationalSafetyPlatform } from './national-platform/national-safety-platform';
import { safetyRegistryEventHandlers } from './registry/safety-registry.handlers';
import { SafetyRegistryService } from './registry/safety-registry.service';
import { CarrierPermit } from './registry/carrier-permit.entity';
import { SafetyVehicle } from './registry/safety-vehicle.entity';
import { WaybillRouteProvince } from './waybill/waybill-route-province.entity';
import { WaybillSequence } from './waybill/waybill-sequence.entity';
import { Waybill } from './waybill/waybill.entity';
import { WaybillService } from './waybill/waybill.service';

/** What safety reaches outside the process; specs hand in a clock and a national safety platform. */
export interface SafetyExternals {
  clock: () => Date;
  nationalPlatform: NationalSafetyPlatform;
}

/**
 * 安全生产监管: hazardous-goods road transport electronic waybills checked against licensing's vehicles and
 * permits (kept from licensing's events), inspections and hidden hazards (隐患排查治理), accident reports
 * (事故快报), and what of them is reported to the national safety supervision platform.
 */
export const safetySubgraph: SubgraphDefinition<SafetyServices, SafetyConfig, SafetyExternals> = {
  name: 'safety',
  config: SAFETY_CONFIG,
  entities: [
    Waybill,
    WaybillSequence,
    WaybillRouteProvince,
    SafetyVehicle,
    CarrierPermit,
    SafetyPlatformDelivery,
    SafetyInspection,
    HiddenHazard,
    HazardEvidence,
    Accident,
    AccidentReportVersion,
    VehiclePosition,
    VehicleLatestPosition,
    VehicleOnlineDay,
    MonitoringDaySettlement,
    SafetyAlert,
    OutboxMessage,
    InboxEvent,
  ],
  migrations: [
    InitialSafety1764000000000,
    PersonalInformationKeysSafety1765000000000,
    FreeTextEncryptionSafety1765010000000,
    SafetyRegistry1766000000000,
    WaybillPartiesAndRoute1766010000000,
    VehicleMonitoring1766100000000,
    HazardsAndAccidents1766200000000,
    MonitoringDaySettlement1766610000000,
    HazardOverduePublished1766610100000,
  ],
  buildSchema: buildSafetySchema,
  createServices: ({ dataSource, outbox, files, config, logger }, settings, externals = {}) => {
    const nationalPlatform = createNationalSafetyLinks(
      dataSource,
      settings.nationalPlatform,
      config.events.pollIntervalMs,
      logger,
      externals.clock,
      externals.nationalPlatform,
    );
    const reports = nationalPlatform.reports;
    const waybills = new WaybillService(dataSource, outbox, reports);
    const calendar = loadWorkingCalendar(config.workingCalendarFile);
    return {
      waybills,
      reports,
      registry: new SafetyRegistryService(),
      nationalPlatform,
      hazards: new HazardService(dataSource, files, reports, calendar, settings.hazards, outbox),
      hazardQueries: new HazardQueries(dataSource),
      accidents: new AccidentService(dataSource, reports, (scope, numbers) => waybills.findMany(scope, numbers)),
      positions: new VehiclePositionService(dataSource, settings.monitoring, outbox),
      alerts: new SafetyAlertService(dataSource, outbox),
      monitoring: new MonitoringReadService(dataSource),
    };
  },
  eventHandlers: (services) => ({ ...safetyRegistryEventHandlers(services) }),
  seedDemoData: async (services, dependencies) => {
    await seedSafety(services, dependencies);
    await seedMonitoring(dependencies.dataSource, services.positions, dependencies.logger);
  },
  startBackgroundWork: (services, { dataSource, logger, config, outbox }, settings) => {
    const stopRelay = services.nationalPlatform.startRelay();
    const stopJobs = startMonitoringJobs(dataSource, outbox, settings.monitoring, logger);
    const stopSweep = startOverdueSweep(dataSource, outbox, logger);
    const { demoPositionsSeconds } = settings.monitoring;
    const stopSender =
      config.seedDemoData && demoPositionsSeconds > 0
        ? startDemoSender(services.positions, demoPositionsSeconds, logger)
        : () => Promise.resolve();
    return async () => {
      await Promise.all([stopRelay(), stopJobs(), stopSweep(), stopSender()]);
    };
  },
};

export const buildSchema = buildSafetySchema;
export const start = (config: PlatformConfig, settings: SafetyConfig) =>
  startSubgraph(safetySubgraph, config, settings);
