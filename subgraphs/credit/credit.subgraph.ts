import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import type { PlatformConfig } from '../../platform/config/config';
import { InitialCredit1764000000000 } from '../../migrations/credit/1764000000000-initial-credit';
import { PersonalInformationKeysCredit1765000000000 } from '../../migrations/credit/1765000000000-personal-information-keys';
import { FreeTextEncryptionCredit1765010000000 } from '../../migrations/credit/1765010000000-free-text-encryption';
import { CreditProfileService } from './credit-profile/credit-profile.service';
import type { CreditServices } from './credit.context';
import { CreditRecord } from './credit-record/credit-record.entity';
import { CreditRecordService } from './credit-record/credit-record.service';
import { buildCreditSchema } from './credit.schema';
import { seedCredit } from './credit.seed';

/** 信用: credit records and the score and rating derived from them. */
export const creditSubgraph: SubgraphDefinition<CreditServices> = {
  name: 'credit',
  entities: [CreditRecord, OutboxMessage, InboxEvent],
  migrations: [
    InitialCredit1764000000000,
    PersonalInformationKeysCredit1765000000000,
    FreeTextEncryptionCredit1765010000000,
  ],
  buildSchema: buildCreditSchema,
  createServices: ({ dataSource }) => {
    const profiles = new CreditProfileService(dataSource);
    return { profiles, records: new CreditRecordService(dataSource, profiles) };
  },
  eventHandlers: (services) => ({
    'case.decided': async (manager, envelope) => {
      await services.records.recordCaseDecision(manager, envelope.payload);
    },
  }),
  seedDemoData: seedCredit,
};

export const buildSchema = buildCreditSchema;
export const start = (config: PlatformConfig) => startSubgraph(creditSubgraph, config);
