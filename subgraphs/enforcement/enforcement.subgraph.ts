import { InitialEnforcement1764000000000 } from '../../migrations/enforcement/1764000000000-initial-enforcement';
import { CaseShare1764100000000 } from '../../migrations/enforcement/1764100000000-case-share';
import { CaseLifecycle1764400000000 } from '../../migrations/enforcement/1764400000000-case-lifecycle';
import type { AppConfig } from '../kit/config/config';
import { InboxEvent } from '../kit/outbox/inbox-event.entity';
import { OutboxMessage } from '../kit/outbox/outbox-message.entity';
import { startSubgraph, type SubgraphDefinition } from '../kit/subgraph-server';
import type { EnforcementServices } from './enforcement.context';
import { createEnforcementServices, ENFORCEMENT_ENTITIES } from './enforcement.services';
import { buildEnforcementSchema } from './enforcement.schema';
import { seedEnforcement } from './enforcement.seed';

/**
 * 行政执法: enforcement cases through the whole procedure (filing approval to closing), their evidence,
 * and their exchange with other regions (shares, transfers, assistance requests). Subscribes to no events yet.
 */
export const enforcementSubgraph: SubgraphDefinition<EnforcementServices> = {
  name: 'enforcement',
  entities: [...ENFORCEMENT_ENTITIES, OutboxMessage, InboxEvent],
  migrations: [InitialEnforcement1764000000000, CaseShare1764100000000, CaseLifecycle1764400000000],
  buildSchema: buildEnforcementSchema,
  createServices: ({ dataSource, outbox, files, config }) => createEnforcementServices(dataSource, outbox, files, config.enforcement),
  seedDemoData: seedEnforcement,
};

export const buildSchema = buildEnforcementSchema;
export const start = (config: AppConfig) => startSubgraph(enforcementSubgraph, config);
