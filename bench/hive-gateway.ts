import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import {
  benchGatewayPort,
  FORWARDED_PURPOSE_HEADER,
  forwardedPurpose,
  GATEWAY_SECRET_HEADER,
  PURPOSE_HEADER,
  PURPOSE_REASON_HEADER,
  subgraphRoutes,
} from './forwarded-headers';

// The Hive Gateway of `npm run bench:gateways`: its runtime on the committed supergraph, served by
// node:http, forwarding to each subgraph what ours forwards: the gateway secret as a static header of
// the subgraph's transport entry, the caller's authorization and purpose through propagateHeaders.
// HIVE_DEDUPLICATE_INFLIGHT=true keeps Hive's default (identical subgraph requests in flight at once,
// headers included, are sent once); anything else turns it off. Inbound (whole-request) deduplication
// stays at its default, off.

const deduplicateInflightRequests = process.env.HIVE_DEDUPLICATE_INFLIGHT === 'true';

/** The part of @graphql-hive/gateway's API used here. */
interface HiveGateway {
  createGatewayRuntime: (config: {
    supergraph: string;
    logging: 'warn';
    transportEntries: Record<string, { location?: string; headers?: [string, string][]; options?: object }>;
    propagateHeaders: {
      fromClientToSubgraphs(payload: { request: Request; subgraphName: string }): Record<string, string>;
    };
  }) => RequestListener & { dispose(): Promise<void> | void };
}

// Loaded without its type declarations: they augment graphql's GraphQLErrorExtensions (graphql-yoga's
// `http.headers` as a plain record), which would break the type checks of our own gateway in the same
// compilation. A name TypeScript cannot resolve keeps them out.
const HIVE_PACKAGE: string = '@graphql-hive/gateway';
const { createGatewayRuntime } = createRequire(__filename)(HIVE_PACKAGE) as HiveGateway;

function main(): void {
  const routes = subgraphRoutes();
  const runtime = createGatewayRuntime({
    supergraph: readFileSync('schema/supergraph.graphql', 'utf8'),
    logging: 'warn',
    transportEntries: {
      ...Object.fromEntries(
        routes.map((route) => [
          route.name,
          { location: route.url, headers: [[GATEWAY_SECRET_HEADER, route.gatewaySecret]] as [string, string][] },
        ]),
      ),
      '*.http': { options: { deduplicateInflightRequests } },
    },
    propagateHeaders: {
      fromClientToSubgraphs({ request }) {
        const headers: Record<string, string> = {};
        const authorization = request.headers.get('authorization');
        if (authorization) headers.authorization = authorization;
        const purpose = forwardedPurpose(
          request.headers.get(PURPOSE_HEADER),
          request.headers.get(PURPOSE_REASON_HEADER),
        );
        if (purpose) headers[FORWARDED_PURPOSE_HEADER] = purpose;
        return headers;
      },
    },
  });
  // The runtime is a request listener for node:http.
  const server = createServer(runtime);
  server.listen(benchGatewayPort(), '127.0.0.1', () =>
    console.log(`hive gateway on ${benchGatewayPort()}, inflight deduplication ${deduplicateInflightRequests}`),
  );
  const shutdown = () => {
    server.close();
    void Promise.resolve(runtime.dispose()).finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main();
