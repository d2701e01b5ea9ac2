import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AccessTokenVerifier, bearerToken } from '../subgraphs/kit/auth/access-token.verifier';
import { SUBGRAPH_NAMES, type AppConfig, type SubgraphName } from '../subgraphs/kit/config/config';
import { DomainError } from '../subgraphs/kit/errors/domain-error';
import { graphqlHandler, headerValue, sendJson, startHttpServer } from '../subgraphs/kit/http/http-server';
import { createLogger, describeError } from '../subgraphs/kit/observability/logger';
import type { GatewayContext } from './gateway.context';
import { formatGatewayError } from './gateway.errors';
import { SubgraphDataSource } from './subgraph.data-source';

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

function unauthenticated(message: string, status = 401): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status } } });
}

async function subgraphReachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The single window's entry: one federated graph over the five subgraphs, on the composed supergraph. */
export async function startGateway(config: AppConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.logLevel);
  const supergraphSdl = readFileSync(config.gateway.supergraphFile, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const settings = config.subgraphs[name as SubgraphName];
      if (!settings) throw new Error(`Supergraph names unknown subgraph ${name}`);
      return new SubgraphDataSource(`${settings.url}/graphql`, settings.gatewaySecret, config.gateway.subgraphTimeoutMs);
    },
  });
  const verifier = new AccessTokenVerifier(config.oidc);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.environment !== 'production',
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: formatGatewayError((message, error) => logger.warn(message, describeError(error))),
  });
  await apollo.start();

  const context = async (request: IncomingMessage): Promise<GatewayContext> => {
    const requestId = randomUUID();
    const header = headerValue(request, 'authorization');
    const token = bearerToken(header);
    if (!token) {
      throw unauthenticated(header ? 'Authorization header must be "Bearer <access token>"' : 'Sign in: send an access token as "Authorization: Bearer <token>"');
    }
    try {
      return { identity: await verifier.verify(token), token, requestId };
    } catch (error) {
      if (error instanceof DomainError) {
        const code = String(error.extensions.code);
        throw code === 'UNAUTHENTICATED' ? unauthenticated(error.message) : new GraphQLError(error.message, { extensions: { code, http: { status: 503 } } });
      }
      throw error;
    }
  };

  const subgraphUrls = SUBGRAPH_NAMES.map((name) => [name, config.subgraphs[name].url] as const);
  const http = await startHttpServer({
    host: config.gateway.host,
    port: config.gateway.port,
    onError: (error) => logger.error('request failed', describeError(error)),
    routes: {
      '/graphql': graphqlHandler(apollo, context),
      '/health': async (_request, response) => sendJson(response, 200, { status: 'alive' }),
      '/ready': async (_request, response) => {
        const reachable = await Promise.all(subgraphUrls.map(async ([name, url]) => [name, await subgraphReachable(url)] as const));
        const subgraphs = Object.fromEntries(reachable.map(([name, up]) => [name, up ? 'up' : 'down']));
        const ready = reachable.every(([, up]) => up);
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'degraded', supergraph: 'loaded', subgraphs });
      },
    },
  });
  const url = `${config.gateway.publicUrl}/graphql`;
  logger.info('gateway ready', { url });
  return {
    url,
    port: http.port,
    close: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
