import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import type { PlatformConfig } from '../../platform/config/config';
import { loadWorkingCalendar } from '../../platform/time/working-calendar';
import { InitialCredit1764000000000 } from '../../migrations/credit/1764000000000-initial-credit';
import { PersonalInformationKeysCredit1765000000000 } from '../../migrations/credit/1765000000000-personal-information-keys';
import { FreeTextEncryptionCredit1765010000000 } from '../../migrations/credit/1765010000000-free-text-encryption';
import { CreditDisclosure1765100000000 } from '../../migrations/credit/1765100000000-credit-disclosure';
import { NationalCreditPlatform1765200000000 } from '../../migrations/credit/1765200000000-national-credit-platform';
import { DisclosureVersions1765300000000 } from '../../migrations/credit/1765300000000-disclosure-versions';
import { CreditRepair1765310000000 } from '../../migrations/credit/1765310000000-credit-repair';
import { CreditLists1765400000000 } from '../../migrations/credit/1765400000000-credit-lists';
import { DisclosureSearch1765600000000 } from '../../migrations/credit/1765600000000-disclosure-search';
import { DisclosureOverdueReported1766610200000 } from '../../migrations/credit/1766610200000-disclosure-overdue-reported';
import { CREDIT_LIST_ENTITIES, createCreditLists } from './credit-list/credit-list.module';
import { startListExpiry } from './credit-list/list-expiry.worker';
import { CreditProfileService } from './credit-profile/credit-profile.service';
import { CREDIT_CONFIG, type CreditConfig } from './credit.config';
import type { CreditServices } from './credit.context';
import { CreditRecord } from './credit-record/credit-record.entity';
import { CreditRecordService } from './credit-record/credit-record.service';
import { CreditDisclosure } from './disclosure/credit-disclosure.entity';
import { CreditDisclosureService } from './disclosure/credit-disclosure.service';
import { CreditSubjectName } from './disclosure/credit-subject-name.entity';
import { CreditDisclosureRevision } from './disclosure/credit-disclosure-revision.entity';
import { DisclosureCorrectionService } from './disclosure/disclosure-correction.service';
import { DisclosureRevisions } from './disclosure/disclosure-revisions';
import { CreditRepairApplication } from './repair/credit-repair-application.entity';
import { CreditRepairAttachment } from './repair/credit-repair-attachment.entity';
import type { CreditRepairListener } from './repair/credit-repair-listener';
import { CreditRepairService } from './repair/credit-repair.service';
import { startDisclosurePublication } from './disclosure/publication.worker';
import { buildCreditSchema } from './credit.schema';
import { seedCredit } from './credit.seed';
import { CreditPlatformDelivery } from './national-platform/credit-platform-delivery.entity';
import { createNationalCreditLinks } from './national-platform/national-credit-links';
import type { NationalCreditPlatform } from './national-platform/national-credit-platform';
import { NationalStandingCache } from './national-platform/national-standing.entity';

/** What credit reaches outside the process; specs hand in a clock and a national credit platform. */
export interface CreditExternals {
  clock: () => Date;
  nationalPlatform: NationalCreditPlatform;
}

/** 信用: credit records, the score and rating derived from them, and the public disclosures (双公示). */
export const creditSubgraph: SubgraphDefinition<CreditServices, CreditConfig, CreditExternals> = {
  name: 'credit',
  config: CREDIT_CONFIG,
  entities: [
    CreditRecord,
    CreditDisclosure,
    CreditSubjectName,
    CreditDisclosureRevision,
    CreditRepairApplication,
    CreditRepairAttachment,
    ...CREDIT_LIST_ENTITIES,
    OutboxMessage,
    InboxEvent,
    CreditPlatformDelivery,
    NationalStandingCache,
  ],
  migrations: [
    InitialCredit1764000000000,
    PersonalInformationKeysCredit1765000000000,
    FreeTextEncryptionCredit1765010000000,
    CreditDisclosure1765100000000,
    NationalCreditPlatform1765200000000,
    DisclosureVersions1765300000000,
    CreditRepair1765310000000,
    CreditLists1765400000000,
    DisclosureSearch1765600000000,
    DisclosureOverdueReported1766610200000,
  ],
  buildSchema: buildCreditSchema,
  createServices: ({ dataSource, config, files, logger, outbox }, settings, externals = {}) => {
    const clock = externals.clock ?? (() => new Date());
    const profiles = new CreditProfileService(dataSource);
    const nationalPlatform = createNationalCreditLinks(
      dataSource,
      settings.nationalPlatform,
      config.events,
      logger,
      externals.clock,
      externals.nationalPlatform,
    );
    // Every version of a disclosure, list entry and repair goes to the national platform's outbox.
    const changes = nationalPlatform.changes;
    const revisions = new DisclosureRevisions(changes, clock);
    const creditLists = createCreditLists({ dataSource, outbox, changes, settings: settings.lists, clock });
    // An approved repair takes the enterprise off every list the repaired decision put it on.
    const listsFollowRepairs: CreditRepairListener = {
      repaired: async (manager, disclosure, actor) => {
        await creditLists.lists.removeForRepairedDecision(manager, disclosure.documentNumber, actor);
      },
    };
    return {
      ...creditLists,
      profiles,
      records: new CreditRecordService(dataSource, profiles),
      disclosures: new CreditDisclosureService(
        dataSource,
        loadWorkingCalendar(config.workingCalendarFile),
        settings,
        revisions,
        logger,
        outbox,
        clock,
      ),
      corrections: new DisclosureCorrectionService(dataSource, revisions, settings.publicity),
      repairs: new CreditRepairService(dataSource, files, revisions, changes, listsFollowRepairs, outbox, clock),
      nationalPlatform,
    };
  },
  eventHandlers: (services) => ({
    'case.decided': async (manager, envelope) => {
      await services.records.recordCaseDecision(manager, envelope.payload);
      await services.disclosures.recordCaseDecided(manager, envelope.payload);
      await services.automaticListing.caseDecided(manager, envelope.payload);
    },
    'permit.issued': async (manager, envelope) => {
      await services.disclosures.recordPermitIssued(manager, envelope.payload);
    },
    'permit.status-changed': async (manager, envelope) => {
      await services.disclosures.recordPermitStatusChanged(manager, envelope.payload);
      await services.automaticListing.permitStatusChanged(manager, envelope.payload);
    },
    'enterprise.registered': async (manager, envelope) => {
      await services.disclosures.rememberName(manager, envelope.payload.creditCode, envelope.payload.name);
    },
  }),
  seedDemoData: seedCredit,
  startBackgroundWork: (services, { logger }, settings) => {
    const stopPublication = startDisclosurePublication(services.disclosures, settings.publicationIntervalMs, logger);
    const stopListExpiry = startListExpiry(services.lists, settings.lists.expiryIntervalMs, logger);
    const stopRelay = services.nationalPlatform.startRelay();
    return async () => {
      // The jobs that record pushes first: what they record while stopping is pushed by the next start.
      await Promise.all([stopPublication(), stopListExpiry()]);
      await stopRelay();
    };
  },
};

export const buildSchema = buildCreditSchema;
export const start = (config: PlatformConfig, settings: CreditConfig) =>
  startSubgraph(creditSubgraph, config, settings);
