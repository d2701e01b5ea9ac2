import { ApplicantCreditListing1765500000000 } from '../../migrations/licensing/1765500000000-applicant-credit-listing';
import { VehicleCategoryAndHazardClasses1766000000000 } from '../../migrations/licensing/1766000000000-vehicle-category-and-hazard-classes';
import { ApplicationOverdueAnnounced1766600000000 } from '../../migrations/licensing/1766600000000-application-overdue-announced';
import { ApplicantCreditListing } from './joint-discipline/applicant-credit-listing.entity';
import { JointDisciplineService } from './joint-discipline/joint-discipline.service';
import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { internalAgent } from '../../platform/http/internal-tls';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import type { PlatformConfig } from '../../platform/config/config';
import { InitialLicensing1764000000000 } from '../../migrations/licensing/1764000000000-initial-licensing';
import { PlatformReport1764300000000 } from '../../migrations/licensing/1764300000000-platform-report';
import { PermitCertificate1764200000000 } from '../../migrations/licensing/1764200000000-permit-certificate';
import { PermitWorkflow1764400000000 } from '../../migrations/licensing/1764400000000-permit-workflow';
import { PersonalInformationEncryption1765000000000 } from '../../migrations/licensing/1765000000000-personal-information-encryption';
import { FreeTextEncryptionLicensing1765010000000 } from '../../migrations/licensing/1765010000000-free-text-encryption';
import { PermitMaterial } from './attachment/permit-material.entity';
import { PermitMaterialService } from './attachment/permit-material.service';
import { loadWorkingCalendar } from '../../platform/time/working-calendar';
import type { CertificateIssuer } from './certificate/certificate-issuer';
import { CertificateKeyRing } from './certificate/certificate-key-ring';
import { seedCertificates } from './certificate/certificate.seed';
import { CertificateService } from './certificate/certificate.service';
import { PermitCertificate } from './certificate/permit-certificate.entity';
import { Enterprise } from './enterprise/enterprise.entity';
import { EnterpriseService } from './enterprise/enterprise.service';
import { LICENSING_CONFIG, type LicensingConfig } from './licensing.config';
import type { LicensingServices } from './licensing.context';
import { buildLicensingSchema } from './licensing.schema';
import { seedLicensing } from './licensing.seed';
import { startOverdueSweeps } from './permit/application-overdue.sweep';
import { ApplicationTransition } from './permit/application-transition.entity';
import { startExternalVerificationRechecks } from './permit/external-verification.worker';
import { PermitApplication } from './permit/permit-application.entity';
import { PermitSanctionService } from './permit/permit-sanction.service';
import { PermitStatusChange } from './permit/permit-status-change.entity';
import { Permit } from './permit/permit.entity';
import { PermitService } from './permit/permit.service';
import { RouteSegment } from './permit/route-segment.entity';
import { createNationalPlatformLinks } from './platforms/national-platform-links';
import type { NationalPlatforms } from './platforms/national-platforms';
import { PlatformReport } from './platforms/platform-report.entity';
import { VehicleCertificateChange } from './vehicle/vehicle-certificate-change.entity';
import { Vehicle } from './vehicle/vehicle.entity';
import { VehicleService } from './vehicle/vehicle.service';

/** What the permit workflow reaches outside the process; specs hand in stand-ins (licensing.fixture.ts). */
export interface LicensingExternals {
  platforms: NationalPlatforms;
  certificates: CertificateIssuer;
  clock: () => Date;
}

/** 行政许可: the enterprise and vehicle registry, permit applications and permits. */
export const licensingSubgraph: SubgraphDefinition<LicensingServices, LicensingConfig, LicensingExternals> = {
  name: 'licensing',
  config: LICENSING_CONFIG,
  entities: [
    Enterprise,
    Vehicle,
    VehicleCertificateChange,
    PermitApplication,
    Permit,
    OutboxMessage,
    InboxEvent,
    PermitCertificate,
    PlatformReport,
    ApplicationTransition,
    RouteSegment,
    PermitMaterial,
    PermitStatusChange,
    ApplicantCreditListing,
  ],
  migrations: [
    InitialLicensing1764000000000,
    PermitCertificate1764200000000,
    PlatformReport1764300000000,
    PermitWorkflow1764400000000,
    PersonalInformationEncryption1765000000000,
    FreeTextEncryptionLicensing1765010000000,
    ApplicantCreditListing1765500000000,
    VehicleCategoryAndHazardClasses1766000000000,
    ApplicationOverdueAnnounced1766600000000,
  ],
  buildSchema: buildLicensingSchema,
  createServices: ({ dataSource, outbox, files, config, logger }, settings, externals = {}) => {
    const generated: string[] = [];
    const keys = CertificateKeyRing.load({
      directory: settings.certificateKeyDirectory,
      production: config.environment === 'production',
      onGenerated: (key) => generated.push(key.keyId),
    });
    if (generated.length > 0)
      logger.warn('generated development certificate signing keys', {
        directory: settings.certificateKeyDirectory,
        keys: generated.length,
      });
    const certificates = new CertificateService(dataSource, keys);
    const platforms = createNationalPlatformLinks(
      dataSource,
      settings.platforms,
      config.events,
      logger,
      config.tls.internal ? internalAgent(config.tls.internal, { keepAlive: true }) : undefined,
    );
    const jointDiscipline = new JointDisciplineService(dataSource, settings.seriousDishonestyRules);
    return {
      enterprises: new EnterpriseService(dataSource, outbox),
      vehicles: new VehicleService(dataSource, outbox),
      jointDiscipline,
      permits: new PermitService(dataSource, outbox, {
        jointDiscipline,
        calendar: loadWorkingCalendar(config.workingCalendarFile),
        platforms: externals.platforms ?? platforms,
        certificates: externals.certificates ?? certificates,
        logger,
        ...(externals.clock ? { clock: externals.clock } : {}),
      }),
      permitSanctions: new PermitSanctionService(dataSource, logger, outbox),
      materials: new PermitMaterialService(dataSource, files),
      platforms,
      certificates,
    };
  },
  eventHandlers: (services) => ({
    'case.decided': (manager, envelope) => services.permitSanctions.applyCaseDecision(manager, envelope),
    'credit.list-changed': (manager, envelope) => services.jointDiscipline.apply(manager, envelope.payload),
  }),
  seedDemoData: async (services, dependencies) => {
    await seedLicensing(services, dependencies);
    await seedCertificates(services, dependencies);
  },
  startBackgroundWork: (services, { logger }, settings) => {
    const stopReportRelay = services.platforms.startReportRelay();
    const stopRechecks = startExternalVerificationRechecks(
      services.permits.verification,
      settings.platforms.recheckIntervalMs,
      logger,
    );
    const stopOverdueSweeps = startOverdueSweeps(services.permits.overdue, settings.overdueSweepIntervalMs, logger);
    return async () => {
      await stopOverdueSweeps();
      await stopRechecks();
      await stopReportRelay();
    };
  },
};

export const buildSchema = buildLicensingSchema;
export const start = (config: PlatformConfig, settings: LicensingConfig) =>
  startSubgraph(licensingSubgraph, config, settings);
