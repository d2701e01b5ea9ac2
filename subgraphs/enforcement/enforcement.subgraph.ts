import { InitialEnforcement1764000000000 } from '../../migrations/enforcement/1764000000000-initial-enforcement';
import { CaseShare1764100000000 } from '../../migrations/enforcement/1764100000000-case-share';
import type { AppConfig } from '../kit/config/config';
import { InboxEvent } from '../kit/outbox/inbox-event.entity';
import { OutboxMessage } from '../kit/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../kit/subgraph-server';
import { CaseNumberSequence } from './enforcement-case/case-number-sequence.entity';
import { CaseShare } from './enforcement-case/case-share.entity';
import { CaseStep } from './enforcement-case/case-step.entity';
import { EnforcementCase } from './enforcement-case/enforcement-case.entity';
import { EnforcementCaseService } from './enforcement-case/enforcement-case.service';
import type { EnforcementServices } from './enforcement.context';
import { createOverloadServices, OVERLOAD_ENTITIES, OVERLOAD_MIGRATIONS, overloadSettingsOf } from './overload/overload.module';
import { seedOverloadRecords } from './overload/overload.seed';
import { vehicleRegistryEventHandlers } from './vehicle-registry/vehicle-registry.handlers';
import { buildEnforcementSchema } from './enforcement.schema';
import { seedEnforcement } from './enforcement.seed';

/**
 * 行政执法: enforcement cases, filed, investigated, decided and closed, and shared with other regions for reading;
 * weigh-station overload records and the draft cases they open. Subscribes to licensing's `vehicle.registered`.
 */
export const enforcementSubgraph: SubgraphDefinition<EnforcementServices> = {
  name: 'enforcement',
  entities: [EnforcementCase, CaseStep, CaseShare, CaseNumberSequence, OutboxMessage, InboxEvent, ...OVERLOAD_ENTITIES],
  migrations: [InitialEnforcement1764000000000, CaseShare1764100000000, ...OVERLOAD_MIGRATIONS],
  buildSchema: buildEnforcementSchema,
  createServices: ({ dataSource, outbox, config }) => ({
    cases: new EnforcementCaseService(dataSource, outbox),
    ...createOverloadServices(dataSource, outbox, overloadSettingsOf(config)),
  }),
  eventHandlers: (services) => ({
    ...vehicleRegistryEventHandlers(services),
  }),
  seedDemoData: async (services, dependencies) => {
    await seedEnforcement(services, dependencies);
    await seedOverloadRecords(services, dependencies);
  },
};

export const buildSchema = buildEnforcementSchema;
export const start = (config: AppConfig) => startSubgraph(enforcementSubgraph, config);
