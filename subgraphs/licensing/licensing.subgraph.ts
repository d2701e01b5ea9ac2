import { InboxEvent } from '../kit/outbox/inbox-event.entity';
import { OutboxMessage } from '../kit/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../kit/subgraph-server';
import type { AppConfig } from '../kit/config/config';
import { InitialLicensing1764000000000 } from '../../migrations/licensing/1764000000000-initial-licensing';
import { PlatformReport1764300000000 } from '../../migrations/licensing/1764300000000-platform-report';
import { Enterprise } from './enterprise/enterprise.entity';
import { EnterpriseService } from './enterprise/enterprise.service';
import type { LicensingServices } from './licensing.context';
import { buildLicensingSchema } from './licensing.schema';
import { seedLicensing } from './licensing.seed';
import { PermitApplication } from './permit/permit-application.entity';
import { Permit } from './permit/permit.entity';
import { PermitService } from './permit/permit.service';
import { createNationalPlatformLinks } from './platforms/national-platform-links';
import { PlatformReport } from './platforms/platform-report.entity';
import { Vehicle } from './vehicle/vehicle.entity';
import { VehicleService } from './vehicle/vehicle.service';

/** 行政许可: the enterprise and vehicle registry, permit applications and permits. */
export const licensingSubgraph: SubgraphDefinition<LicensingServices> = {
  name: 'licensing',
  entities: [Enterprise, Vehicle, PermitApplication, Permit, OutboxMessage, InboxEvent, PlatformReport],
  migrations: [InitialLicensing1764000000000, PlatformReport1764300000000],
  buildSchema: buildLicensingSchema,
  createServices: ({ dataSource, outbox, config, logger }) => {
    const platforms = createNationalPlatformLinks(dataSource, config, logger);
    return {
      enterprises: new EnterpriseService(dataSource),
      vehicles: new VehicleService(dataSource, outbox),
      permits: new PermitService(dataSource, outbox, platforms),
      platforms,
    };
  },
  seedDemoData: seedLicensing,
  startBackgroundWork: (services) => services.platforms.startReportRelay(),
};

export const buildSchema = buildLicensingSchema;
export const start = (config: AppConfig) => startSubgraph(licensingSubgraph, config);
