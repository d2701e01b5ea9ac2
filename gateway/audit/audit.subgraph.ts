import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { AccessTokenVerifier, bearerToken } from '../../platform/auth/access-token.verifier';
import { DomainError, formatClientError } from '../../platform/errors/domain-error';
import { buildSdlSubgraphSchema } from '../../platform/graphql/sdl-subgraph';
import { graphqlHandler, headerValue, type RouteHandler } from '../../platform/http/http-server';
import type { Logger } from '../../platform/observability/logger';
import { withinRequest } from '../../platform/observability/request-scope';
import { GATEWAY_SECRET_HEADER } from '../../platform/http/gateway-secret';
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

export interface AuditSubgraph {
  /** What the gateway presents when it calls this subgraph; new each start, never configured. */
  secret: string;
  route: RouteHandler;
  stop(): Promise<void>;
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
}): Promise<AuditSubgraph> {
  const secret = randomBytes(32).toString('hex');
  const apollo = new ApolloServer<AuditContext>({
    schema: await buildAuditSchema(),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: formatClientError((message, error) =>
      options.logger.error(message, { error: error instanceof Error ? error.message : String(error) }),
    ),
  });
  await apollo.start();
  const context = async (request: IncomingMessage): Promise<AuditContext> => {
    const given = Buffer.from(headerValue(request, GATEWAY_SECRET_HEADER) ?? '');
    const expected = Buffer.from(secret);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new GraphQLError('This service only answers the single-window gateway', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    const token = bearerToken(headerValue(request, 'authorization'));
    try {
      return {
        identity: token ? await options.verifier.verify(token) : null,
        dataSource: options.dataSource,
        caughtUp: options.caughtUp,
      };
    } catch (error) {
      if (error instanceof DomainError)
        throw new GraphQLError(error.message, { extensions: { code: error.extensions.code, http: { status: 401 } } });
      throw error;
    }
  };
  const route = graphqlHandler(apollo, context);
  return {
    secret,
    route: (request, response) => withinRequest(() => route(request, response)),
    stop: () => apollo.stop(),
  };
}
