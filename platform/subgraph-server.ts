import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { DataSource, MixedList } from 'typeorm';
import { AccessTokenVerifier, bearerToken } from './auth/access-token.verifier';
import type { Identity } from './auth/identity';
import { decodeForwardedPurpose, FORWARDED_PURPOSE_HEADER, type Purpose } from './auth/purpose';
import { SUBGRAPH_NAMES, type PlatformConfig, type SubgraphName } from './config/config';
import type { ConfigSection } from './config/config-section';
import { openDataSource, type EntityClass, type MigrationClass } from './database/data-source.factory';
import { DomainError, formatClientError } from './errors/domain-error';
import { RequestLoaders } from './graphql/request-loaders';
import { GATEWAY_SECRET_HEADER } from './http/gateway-secret';
import { graphqlHandler, headerValue, sendJson, startHttpServer, type RouteHandler } from './http/http-server';
import { internalAgent, mutualTlsServerOptions } from './http/internal-tls';
import { createLogger, describeError, type Logger } from './observability/logger';
import { Counters } from './observability/metrics';
import { withinRequest } from './observability/request-scope';
import { eventInboxHandler, type EventHandlers } from './outbox/event-inbox';
import { EventOutbox } from './outbox/event-outbox';
import { loadMasterKey } from './crypto/master-key';
import { personalInformationKeys } from './crypto/personal-information-keys';
import { startPersonalInformationUpkeep } from './crypto/personal-information-upkeep';
import { EVENT_HISTORY_PATH, eventHistoryHandler } from './outbox/event-history';
import { EVENTS_PATH, HttpEventTransport } from './outbox/http-event.transport';
import { LocalDirectoryFileStore, type FileStore } from './storage/file-store';

export interface SubgraphContext<TServices> {
  identity: Identity | null;
  /** The purpose the caller declared at the gateway (forwarded with the gateway's secret), if any. */
  purpose: Purpose | null;
  services: TServices;
  loaders: RequestLoaders;
}

export interface SubgraphDependencies {
  dataSource: DataSource;
  outbox: EventOutbox;
  /** Attachments and evidence, each read back checked against its SM3 digest. */
  files: FileStore;
  /** The platform's settings; the department's own come as `settings`. */
  config: PlatformConfig;
  logger: Logger;
}

/**
 * A route of the subgraph's own beside /graphql (a file export), served to the gateway only: the same
 * gateway secret and bearer token as a GraphQL request, refused with the same coded JSON errors.
 */
export type SubgraphRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  caller: Pick<SubgraphContext<unknown>, 'identity' | 'purpose'>,
) => Promise<void>;

/** A department's settings as an argument: optional for departments without any. */
export type SettingsArgument<TSettings> = undefined extends TSettings ? [settings?: TSettings] : [settings: TSettings];

/**
 * What a subgraph supplies; the platform does the serving, migrating, event plumbing and identity.
 * `TSettings` are the department's own settings (its `<department>.config.ts`), if it has any.
 * `TExternals` are what its services reach outside the process (national platforms, a signer, the
 * clock): built for real unless a testbed hands in stand-ins (platform/testing/subgraph-testbed.ts).
 */
export interface SubgraphDefinition<TServices, TSettings = undefined, TExternals = never> {
  name: SubgraphName;
  /** The department's own settings, validated with the platform's when its process starts. */
  config?: ConfigSection<TSettings>;
  entities: MixedList<EntityClass>;
  migrations: MixedList<MigrationClass>;
  buildSchema(): Promise<GraphQLSchema>;
  createServices(dependencies: SubgraphDependencies, settings: TSettings, externals?: Partial<TExternals>): TServices;
  eventHandlers?(services: TServices): EventHandlers;
  seedDemoData?(services: TServices, dependencies: SubgraphDependencies): Promise<void>;
  /** Routes beside /graphql, by exact path (see SubgraphRoute). */
  httpRoutes?(services: TServices): Readonly<Record<string, SubgraphRoute>>;
  /** Background work (re-checks, relays to outside platforms) started with the server; returns its stop. */
  startBackgroundWork?(
    services: TServices,
    dependencies: SubgraphDependencies,
    ...settings: SettingsArgument<TSettings>
  ): () => Promise<void>;
}

export interface RunningSubgraph<TServices> {
  name: SubgraphName;
  url: string;
  port: number;
  dataSource: DataSource;
  outbox: EventOutbox;
  services: TServices;
  counters: Counters;
  close(): Promise<void>;
}

function secretsEqual(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const left = Buffer.from(expected);
  const right = Buffer.from(given);
  return left.length === right.length && timingSafeEqual(left, right);
}

function requestError(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

export async function startSubgraph<TServices, TSettings, TExternals>(
  definition: SubgraphDefinition<TServices, TSettings, TExternals>,
  config: PlatformConfig,
  ...settings: SettingsArgument<TSettings>
): Promise<RunningSubgraph<TServices>> {
  const subgraph = config.subgraphs[definition.name];
  const logger = createLogger(definition.name, config.logLevel);
  const counters = new Counters();
  const masterKey = loadMasterKey({
    file: config.personalInformation.masterKeyFile,
    production: config.environment === 'production',
  });
  const dataSource = await openDataSource({
    settings: subgraph.database,
    dataDir: config.dataDir,
    entities: definition.entities,
    migrations: definition.migrations,
    counters,
    logger,
    masterKey,
  });
  // Every department has its data key, whether or not its tables hold personal information yet.
  await personalInformationKeys.load(dataSource, definition.name, masterKey);
  const subscriberUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, config.subgraphs[name].url])) as Record<
    SubgraphName,
    string
  >;
  const outbox = new EventOutbox(
    dataSource,
    // Each delivery is its own short request: a keep-alive pool spares the mTLS handshake per event.
    new HttpEventTransport(
      subscriberUrls,
      config.events.secret,
      internalAgent(config.tls.internal, { keepAlive: true }),
    ),
    { source: definition.name, pollIntervalMs: config.events.pollIntervalMs, maxBackoffMs: config.events.maxBackoffMs },
    logger,
  );
  const files = new LocalDirectoryFileStore(config.fileStoreDirectory, definition.name);
  const dependencies: SubgraphDependencies = { dataSource, outbox, files, config, logger };
  const services = definition.createServices(dependencies, settings[0] as TSettings);
  if (config.seedDemoData && definition.seedDemoData) await definition.seedDemoData(services, dependencies);

  const verifier = new AccessTokenVerifier(config.oidc);
  const apollo = new ApolloServer<SubgraphContext<TServices>>({
    schema: await definition.buildSchema(),
    introspection: config.environment !== 'production',
    includeStacktraceInErrorResponses: false,
    // Traces would hand resolver timings to whoever can reach the subgraph; we do not report to Apollo Studio.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: formatClientError((message, error) => logger.error(message, describeError(error))),
  });
  await apollo.start();

  const context = async (request: IncomingMessage): Promise<SubgraphContext<TServices>> => {
    counters.increment('graphql_requests_total');
    if (!secretsEqual(subgraph.gatewaySecret, headerValue(request, GATEWAY_SECRET_HEADER))) {
      throw requestError('This service only answers the single-window gateway', 'UNAUTHENTICATED', 401);
    }
    const token = bearerToken(headerValue(request, 'authorization'));
    let identity: Identity | null = null;
    if (token) {
      try {
        identity = await verifier.verify(token);
      } catch (error) {
        if (error instanceof DomainError) throw requestError(error.message, String(error.extensions.code), 401);
        throw error;
      }
    }
    const purpose = decodeForwardedPurpose(headerValue(request, FORWARDED_PURPOSE_HEADER));
    return { identity, purpose, services, loaders: new RequestLoaders() };
  };

  const graphqlRoute = graphqlHandler(apollo, context);
  const routes: Record<string, RouteHandler> = {
    '/graphql': (request, response) => withinRequest(() => graphqlRoute(request, response)),
    // Synchronous answers, inside a promise so that a throw still reaches the router's catch.
    '/health': (_request, response) =>
      new Promise<void>((resolve) => {
        sendJson(response, 200, { status: 'alive', subgraph: definition.name });
        resolve();
      }),
    '/ready': async (_request, response) => {
      try {
        await dataSource.query('SELECT 1');
        sendJson(response, 200, { status: 'ready', subgraph: definition.name });
      } catch {
        sendJson(response, 503, { status: 'database unreachable', subgraph: definition.name });
      }
    },
    '/metrics': (_request, response) =>
      new Promise<void>((resolve) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        response.end(counters.toPrometheus({ subgraph: definition.name }));
        resolve();
      }),
    ...Object.fromEntries(
      Object.entries(definition.httpRoutes?.(services) ?? {}).map(([path, route]): [string, RouteHandler] => [
        path,
        (request, response) =>
          withinRequest(async () => {
            let caller: SubgraphContext<TServices>;
            try {
              caller = await context(request);
            } catch (error) {
              if (!(error instanceof GraphQLError)) throw error;
              const { http: refusal, ...extensions } = error.extensions as { http?: { status?: number } };
              sendJson(response, refusal?.status ?? 401, { errors: [{ message: error.message, extensions }] });
              return;
            }
            await route(request, response, caller);
          }),
      ]),
    ),
    [EVENTS_PATH]: eventInboxHandler({
      dataSource,
      secret: config.events.secret,
      handlers: definition.eventHandlers?.(services) ?? {},
      logger,
    }),
    // The events this department published, for a subscriber rebuilding from them (statistics:replay).
    [EVENT_HISTORY_PATH]: eventHistoryHandler({ dataSource, secret: config.events.secret }),
  };
  const http = await startHttpServer({
    host: subgraph.host,
    port: subgraph.port,
    routes,
    onError: (error) => logger.error('request failed', describeError(error)),
    // Internal mTLS: no TLS session, hence no request, without a client certificate the department's CA signed.
    tls: config.tls.internal ? mutualTlsServerOptions(config.tls.internal) : undefined,
  });
  outbox.start();
  const stopPersonalInformationUpkeep = startPersonalInformationUpkeep({
    dataSource,
    department: definition.name,
    masterKey,
    refreshMs: config.personalInformation.keyRefreshMs,
    logger,
  });
  const stopBackgroundWork = definition.startBackgroundWork?.(services, dependencies, ...settings);
  const scheme = config.tls.internal ? 'https' : 'http';
  logger.info('subgraph ready', {
    url: `${scheme}://${subgraph.host}:${http.port}/graphql`,
    database: subgraph.database.kind,
    mutualTls: config.tls.internal !== null,
  });
  return {
    name: definition.name,
    url: `${scheme}://${subgraph.host}:${http.port}`,
    port: http.port,
    dataSource,
    outbox,
    services,
    counters,
    close: async () => {
      await stopBackgroundWork?.();
      await stopPersonalInformationUpkeep();
      await outbox.stop();
      await http.close();
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}
