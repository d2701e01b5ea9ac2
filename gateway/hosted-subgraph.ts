import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { AccessTokenVerifier, bearerToken } from '../platform/auth/access-token.verifier';
import type { Identity } from '../platform/auth/identity';
import { DomainError, formatClientError } from '../platform/errors/domain-error';
import { graphqlHandler, headerValue, type RouteHandler } from '../platform/http/http-server';
import { GATEWAY_SECRET_HEADER } from '../platform/http/gateway-secret';
import type { Logger } from '../platform/observability/logger';
import { withinRequest } from '../platform/observability/request-scope';

/** A subgraph the gateway process serves itself (the audit trail, the data exchange). */
export interface HostedSubgraph {
  /** What the gateway presents when it calls this subgraph; new each start, never configured. */
  secret: string;
  route: RouteHandler;
  stop(): Promise<void>;
}

/**
 * Serves `schema` as a subgraph inside the gateway process. Like every subgraph it answers only the
 * gateway (a secret made at start) and verifies the caller's token itself; `context` adds what the
 * subgraph's resolvers need to the verified identity (null without a token).
 */
export async function startHostedSubgraph<TContext extends object>(options: {
  schema: GraphQLSchema;
  verifier: AccessTokenVerifier;
  production: boolean;
  logger: Logger;
  context: (identity: Identity | null, request: IncomingMessage) => TContext;
}): Promise<HostedSubgraph> {
  const secret = randomBytes(32).toString('hex');
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: formatClientError((message, error) =>
      options.logger.error(message, { error: error instanceof Error ? error.message : String(error) }),
    ),
  });
  await apollo.start();
  const context = async (request: IncomingMessage): Promise<TContext> => {
    const given = Buffer.from(headerValue(request, GATEWAY_SECRET_HEADER) ?? '');
    const expected = Buffer.from(secret);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new GraphQLError('This service only answers the single-window gateway', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    const token = bearerToken(headerValue(request, 'authorization'));
    try {
      return options.context(token ? await options.verifier.verify(token) : null, request);
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
