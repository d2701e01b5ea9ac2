import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  benchGatewayPort,
  FORWARDED_PURPOSE_HEADER,
  forwardedPurpose,
  GATEWAY_SECRET_HEADER,
  PURPOSE_HEADER,
  PURPOSE_REASON_HEADER,
  subgraphRoutes,
} from './forwarded-headers';

// The "stock" gateway of `npm run bench:gateways`: @apollo/gateway and @apollo/server with their defaults
// on the committed supergraph, forwarding to each subgraph what ours forwards and nothing else. No audit
// trail, no operation limits, no token check at the gateway (the subgraphs still verify every token).

interface StockContext {
  authorization?: string;
  purpose?: string;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<StockContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string | undefined,
  ) {
    super({ url });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<StockContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    if (this.gatewaySecret) headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    const context = options.context as StockContext;
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.purpose) headers.set(FORWARDED_PURPOSE_HEADER, context.purpose);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function main(): Promise<void> {
  const routes = new Map(subgraphRoutes().map((route) => [route.name as string, route]));
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync('schema/supergraph.graphql', 'utf8'),
    // The audit subgraph (served by ours) keeps the supergraph's address; the benchmark never queries it.
    buildService: ({ name, url }) => {
      const route = routes.get(name);
      return new ForwardingDataSource(route?.url ?? url ?? '', route?.gatewaySecret);
    },
  });
  const server = new ApolloServer<StockContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: benchGatewayPort() },
    context: ({ req }) =>
      Promise.resolve({
        authorization: headerValue(req.headers.authorization),
        purpose: forwardedPurpose(
          headerValue(req.headers[PURPOSE_HEADER]),
          headerValue(req.headers[PURPOSE_REASON_HEADER]),
        ),
      }),
  });
  console.log(`stock gateway at ${url}`);
  const shutdown = () => void server.stop().finally(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(`stock gateway failed to start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
