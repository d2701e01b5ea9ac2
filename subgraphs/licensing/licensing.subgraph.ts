import { InboxEvent } from '../kit/outbox/inbox-event.entity';
import { OutboxMessage } from '../kit/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../kit/subgraph-server';
import type { AppConfig } from '../kit/config/config';
import { InitialLicensing1764000000000 } from '../../migrations/licensing/1764000000000-initial-licensing';
import { PlatformReport1764300000000 } from '../../migrations/licensing/1764300000000-platform-report';
import { PermitCertificate1764200000000 } from '../../migrations/licensing/1764200000000-permit-certificate';
import { CertificateKeyRing } from './certificate/certificate-key-ring';
import { seedCertificates } from './certificate/certificate.seed';
import { CertificateService } from './certificate/certificate.service';
import { PermitCertificate } from './certificate/permit-certificate.entity';
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
  entities: [Enterprise, Vehicle, PermitApplication, Permit, OutboxMessage, InboxEvent, PermitCertificate, PlatformReport],
  migrations: [InitialLicensing1764000000000, PermitCertificate1764200000000, PlatformReport1764300000000],
  buildSchema: buildLicensingSchema,
  createServices: ({ dataSource, outbox, config, logger }) => {
    const generated: string[] = [];
    const keys = CertificateKeyRing.load({
      directory: config.licensing.certificateKeyDirectory,
      production: config.environment === 'production',
      onGenerated: (key) => generated.push(key.keyId),
    });
    if (generated.length > 0) logger.warn('generated development certificate signing keys', { directory: config.licensing.certificateKeyDirectory, keys: generated.length });
    const certificates = new CertificateService(dataSource, keys);
    const platforms = createNationalPlatformLinks(dataSource, config, logger);
    return {
      enterprises: new EnterpriseService(dataSource),
      vehicles: new VehicleService(dataSource, outbox),
      permits: new PermitService(dataSource, outbox, platforms, certificates),
      platforms,
      certificates,
    };
  },
  seedDemoData: async (services, dependencies) => {
    await seedLicensing(services, dependencies);
    await seedCertificates(services, dependencies);
  },
  startBackgroundWork: (services) => services.platforms.startReportRelay(),
};

export const buildSchema = buildLicensingSchema;
export const start = (config: AppConfig) => startSubgraph(licensingSubgraph, config);
