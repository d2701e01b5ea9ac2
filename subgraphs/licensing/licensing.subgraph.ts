import { InboxEvent } from '../kit/outbox/inbox-event.entity';
import { OutboxMessage } from '../kit/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../kit/subgraph-server';
import type { AppConfig } from '../kit/config/config';
import { InitialLicensing1764000000000 } from '../../migrations/licensing/1764000000000-initial-licensing';
import { PermitWorkflow1764200000000 } from '../../migrations/licensing/1764200000000-permit-workflow';
import { PermitMaterial } from './attachment/permit-material.entity';
import { PermitMaterialService } from './attachment/permit-material.service';
import { loadWorkingCalendar } from './calendar/working-calendar';
import { Enterprise } from './enterprise/enterprise.entity';
import { EnterpriseService } from './enterprise/enterprise.service';
import type { LicensingServices } from './licensing.context';
import { buildLicensingSchema } from './licensing.schema';
import { seedLicensing } from './licensing.seed';
import { ApplicationTransition } from './permit/application-transition.entity';
import { startExternalVerificationRechecks } from './permit/external-verification.worker';
import { PermitApplication } from './permit/permit-application.entity';
import { PermitSanctionService } from './permit/permit-sanction.service';
import { PermitStatusChange } from './permit/permit-status-change.entity';
import { Permit } from './permit/permit.entity';
import { PermitService } from './permit/permit.service';
import { RouteSegment } from './permit/route-segment.entity';
import { UNCONFIGURED_PLATFORMS } from './permit/unconfigured-platforms';
import { Vehicle } from './vehicle/vehicle.entity';
import { VehicleService } from './vehicle/vehicle.service';

/** 行政许可: the enterprise and vehicle registry, permit applications and permits. */
export const licensingSubgraph: SubgraphDefinition<LicensingServices> = {
  name: 'licensing',
  entities: [Enterprise, Vehicle, PermitApplication, Permit, OutboxMessage, InboxEvent, ApplicationTransition, RouteSegment, PermitMaterial, PermitStatusChange],
  migrations: [InitialLicensing1764000000000, PermitWorkflow1764200000000],
  buildSchema: buildLicensingSchema,
  createServices: ({ dataSource, outbox, files, config, logger }) => ({
    enterprises: new EnterpriseService(dataSource),
    vehicles: new VehicleService(dataSource, outbox),
    permits: new PermitService(dataSource, outbox, {
      calendar: loadWorkingCalendar(config.licensing.workingCalendarFile),
      // TODO(licensing-platforms, licensing-certificates): the real adapters and certificate issuer go here when merged.
      platforms: UNCONFIGURED_PLATFORMS,
      certificates: null,
      logger,
    }),
    permitSanctions: new PermitSanctionService(dataSource, logger),
    materials: new PermitMaterialService(dataSource, files),
  }),
  eventHandlers: (services) => ({
    'case.decided': (manager, envelope) => services.permitSanctions.applyCaseDecision(manager, envelope),
  }),
  seedDemoData: seedLicensing,
  startBackgroundWork: (services, { config, logger }) => startExternalVerificationRechecks(services.permits, config.platforms.recheckIntervalMs, logger),
};

export const buildSchema = buildLicensingSchema;
export const start = (config: AppConfig) => startSubgraph(licensingSubgraph, config);
