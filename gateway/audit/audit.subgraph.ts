import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AccessTokenVerifier } from '../../platform/auth/access-token.verifier';
import { buildSdlSubgraphSchema } from '../../platform/graphql/sdl-subgraph';
import type { Logger } from '../../platform/observability/logger';
import { startHostedSubgraph, type HostedSubgraph } from '../hosted-subgraph';
import { AUDIT_RESOLVERS, type AuditContext } from './audit.resolver';
import { AUDIT_TYPE_DEFS } from './audit.schema';
import { AUDIT_TEXT_FIELDS } from './audit.text-fields';
import { maskTextFields } from '../../platform/graphql/text-fields';
/** The audit subgraph's name in the supergraph; the gateway process serves it at this path. */
export const AUDIT_SUBGRAPH = 'audit';
export const AUDIT_PATH = '/internal/audit/graphql';

/** The audit subgraph's schema (a promise, as every subgraph's `buildSchema` gives). */
export function buildAuditSchema(): Promise<GraphQLSchema> {
  return Promise.resolve(maskTextFields(buildSdlSubgraphSchema(AUDIT_TYPE_DEFS, AUDIT_RESOLVERS), AUDIT_TEXT_FIELDS));
}

/**
 * The audit trail as a subgraph served inside the gateway process, over the gateway's own schema.
 * Like every subgraph it answers only the gateway and verifies the caller's token itself.
 */
export async function startAuditSubgraph(options: {
  dataSource: () => DataSource;
  verifier: AccessTokenVerifier;
  production: boolean;
  logger: Logger;
  caughtUp?: () => Promise<unknown>;
}): Promise<HostedSubgraph> {
  return startHostedSubgraph<AuditContext>({
    schema: await buildAuditSchema(),
    verifier: options.verifier,
    production: options.production,
    logger: options.logger,
    context: (identity) => ({ identity, dataSource: options.dataSource, caughtUp: options.caughtUp }),
  });
}
