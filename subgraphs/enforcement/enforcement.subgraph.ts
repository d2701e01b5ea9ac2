import { InitialEnforcement1764000000000 } from '../../migrations/enforcement/1764000000000-initial-enforcement';
import { CaseShare1764100000000 } from '../../migrations/enforcement/1764100000000-case-share';
import { CaseLifecycle1764400000000 } from '../../migrations/enforcement/1764400000000-case-lifecycle';
import { PersonalInformationEncryption1765000000000 } from '../../migrations/enforcement/1765000000000-personal-information-encryption';
import { FreeTextEncryptionEnforcement1765010000000 } from '../../migrations/enforcement/1765010000000-free-text-encryption';
import type { PlatformConfig } from '../../platform/config/config';
import { InboxEvent } from '../../platform/outbox/inbox-event.entity';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../../platform/subgraph-server';
import { ENFORCEMENT_CONFIG, type EnforcementConfig } from './enforcement.config';
import type { EnforcementServices } from './enforcement.context';
import { createEnforcementServices, ENFORCEMENT_ENTITIES } from './enforcement.services';
import { createOverloadServices, OVERLOAD_ENTITIES, OVERLOAD_MIGRATIONS } from './overload/overload.module';
import { seedOverloadRecords } from './overload/overload.seed';
import { safetyAlertEventHandlers } from './safety-alert/safety-alert-cases.handlers';
import { vehicleRegistryEventHandlers } from './vehicle-registry/vehicle-registry.handlers';
import { buildEnforcementSchema } from './enforcement.schema';
import { seedEnforcement } from './enforcement.seed';

/**
 * 行政执法: enforcement cases through the whole procedure (filing approval to closing), their evidence,
 * and their exchange with other regions (shares, transfers, assistance requests); weigh-station overload
 * records and the draft cases they open. Subscribes to licensing's `vehicle.registered` and safety's
 * `safety-alert.escalated` (a monitoring alert handed over as a draft case).
 */
export const enforcementSubgraph: SubgraphDefinition<EnforcementServices, EnforcementConfig> = {
  name: 'enforcement',
  config: ENFORCEMENT_CONFIG,
  entities: [...ENFORCEMENT_ENTITIES, OutboxMessage, InboxEvent, ...OVERLOAD_ENTITIES],
  migrations: [
    InitialEnforcement1764000000000,
    CaseShare1764100000000,
    CaseLifecycle1764400000000,
    ...OVERLOAD_MIGRATIONS,
    PersonalInformationEncryption1765000000000,
    FreeTextEncryptionEnforcement1765010000000,
  ],
  buildSchema: buildEnforcementSchema,
  createServices: ({ dataSource, outbox, files }, settings) => {
    const services = createEnforcementServices(dataSource, outbox, files, settings);
    return { ...services, ...createOverloadServices(dataSource, services.cases, settings.overload, outbox) };
  },
  eventHandlers: (services) => ({
    ...vehicleRegistryEventHandlers(services),
    ...safetyAlertEventHandlers(services),
  }),
  seedDemoData: async (services, dependencies) => {
    await seedEnforcement(services, dependencies);
    await seedOverloadRecords(services, dependencies);
  },
};

export const buildSchema = buildEnforcementSchema;
export const start = (config: PlatformConfig, settings: EnforcementConfig) =>
  startSubgraph(enforcementSubgraph, config, settings);
