import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Agent, IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AccessTokenVerifier, bearerToken } from '../platform/auth/access-token.verifier';
import { SUBGRAPH_NAMES, type PlatformConfig, type SubgraphName } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import {
  graphqlHandler,
  headerValue,
  sendJson,
  startHttpServer,
  type HttpRefusal,
  type RouteHandler,
  type RunningHttpServer,
} from '../platform/http/http-server';
import { sendRequest } from '../platform/http/internal-tls';
import { createLogger, describeError } from '../platform/observability/logger';
import type { GatewayConfig } from './gateway.config';
import { currentRequestId, withRequestId, type GatewayContext } from './gateway.context';
import { formatGatewayError } from './gateway.errors';
import { RequestScreen } from './protection/request-screen';
import { RateLimiter } from './protection/rate-limiter';
import { callerPolicyPlugin } from './protection/caller-policy';
import { PersistedQueryCache } from './protection/persisted-query.cache';
import { SubgraphDataSource } from './subgraph.data-source';
import { subgraphAgent } from './subgraph-fetcher';
import { cleanNullReferences } from './unreadable-references';
import { GatewayDatabase } from './audit/audit-database';
import { Counters } from '../platform/observability/metrics';
import { AUDIT_WAIT_MICROSECONDS_METRIC, AuditTrail } from './audit/audit-trail';
import { AuditJournal, auditJournalDirectory } from './audit/audit-journal';
import { AuditShipper } from './audit/audit-shipper';
import { AuditCheckpointSigner } from './audit/audit-checkpoint-signer';
import { loadAuditSigningKey } from './audit/audit-signing-key';
import { auditEntryFor, auditSourcePlugin, requestBodyOf, type RequestFacts } from './audit/request-audit';
import type { AuditEntry } from './audit/audit-trail';
import { AuditOutcome } from './audit/audit-record.entity';
import {
  anonymousAccessPlugin,
  clientAddressKey,
  isPublicRequest,
  unauthenticated,
} from './protection/public-operations';
import { AUDIT_PATH, AUDIT_SUBGRAPH, startAuditSubgraph } from './audit/audit.subgraph';
import { EXCHANGE_PATH, EXCHANGE_SUBGRAPH, startExchangeSubgraph } from './exchange/exchange.subgraph';
import { startExchange } from './exchange/exchange.service';
import {
  STATISTICS_EXPORT_PROGRESS_ROUTE,
  STATISTICS_EXPORT_ROUTE,
  statisticsExportProxy,
} from './exports/statistics-export.proxy';

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Answers 504 with a coded error when a request takes longer than allowed; its late result is discarded. */
function withTimeout(handler: RouteHandler, timeoutMs: number): RouteHandler {
  // Runs inside withRequestId (see the /graphql route), so the refusal can name the request.
  return async (request, response) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const work = handler(request, response);
    try {
      const outcome = await Promise.race([work, timedOut]);
      if (outcome === 'timeout' && !response.headersSent) {
        sendJson(response, 504, {
          errors: [
            {
              message: `请求处理超过 ${timeoutMs} 毫秒，已放弃。The request took longer than ${timeoutMs} ms and was abandoned`,
              extensions: { code: 'REQUEST_TIMEOUT', requestId: currentRequestId() },
            },
          ],
        });
        work.catch(() => undefined);
      }
    } finally {
      clearTimeout(timer);
    }
  };
}

async function subgraphReachable(url: string, agent: Agent): Promise<boolean> {
  try {
    const answer = await sendRequest(`${url}/health`, { agent, method: 'GET', timeoutMs: 2000 });
    return answer.status >= 200 && answer.status < 300;
  } catch {
    return false;
  }
}

function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `请求过于频繁，请 ${retryAfterSeconds} 秒后再试。Too many requests; try again in ${retryAfterSeconds} s`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        reason: 'RATE_LIMITED',
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}

/** The persisted-query hash of a request that sends no document, when it looks like one. */
function persistedHashOnly(request: IncomingMessage, body: unknown): string | undefined {
  const sent = requestBodyOf(request, body);
  if (typeof sent.query === 'string') return undefined;
  const hash = sent.extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}

// How long a reader of the audit trail waits for the journal's latest records to be shipped.
const AUDIT_READ_CATCH_UP_MS = 2_000;

/** The single window's entry: one federated graph over the five subgraphs, on the composed supergraph. */
export async function startGateway(config: PlatformConfig, settings: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.logLevel);
  // Read first: a gateway that cannot sign its audit chain does not start.
  const signingKey = loadAuditSigningKey(settings.audit.signing, logger, config.environment === 'production');
  // Opened in the background when it cannot be reached: the gateway answers meanwhile (README, Audit trail).
  const database = await GatewayDatabase.start(config, logger);
  const dataSource = () => database.current();
  const counters = new Counters();
  const audit = new AuditTrail(dataSource, logger, counters);
  // Each answer waits for its record in the local journal, not for the database (README, Audit trail).
  const journal = await AuditJournal.open(auditJournalDirectory(config.dataDir, settings.audit.journalDirectory));
  const shipper = new AuditShipper(journal, audit, logger);
  shipper.start();
  // The chain's head is signed on a timer, off every request's path (README, Audit trail).
  const signer = new AuditCheckpointSigner(dataSource, signingKey, logger, counters);
  signer.start(settings.audit.signing.intervalMs);
  const pruning = setInterval(() => {
    audit
      .prune(settings.audit.retentionDays)
      .then((pruned) => (pruned > 0 ? signer.signHeadLogged() : undefined))
      .catch((error: unknown) => logger.error('audit pruning failed', describeError(error)));
  }, settings.audit.pruneIntervalMs);
  pruning.unref();
  // What each request's audit record needs, gathered while it is served.
  const requestFacts = new WeakMap<IncomingMessage, RequestFacts>();
  const factsOf = (request: IncomingMessage): RequestFacts => {
    let facts = requestFacts.get(request);
    if (!facts) {
      facts = { requestId: randomUUID(), startedAt: Date.now(), identity: null, purpose: null, subgraphs: new Set() };
      requestFacts.set(request, facts);
    }
    return facts;
  };
  const verifier = new AccessTokenVerifier(config.oidc);
  const auditSubgraph = await startAuditSubgraph({
    dataSource,
    verifier,
    production: config.environment === 'production',
    logger,
    caughtUp: () => shipper.caughtUp(AUDIT_READ_CATCH_UP_MS),
  });
  // The data exchange (数据共享交换): catalogue, grants, partners' operations and notifications.
  const supergraphSdl = readFileSync(settings.supergraphFile, 'utf8');
  const exchange = await startExchange({
    dataSource,
    logger,
    config,
    supergraphSdl,
    notifications: settings.notifications,
    directory: settings.partnerDirectory,
    seedOperationsDirectory: settings.persistedOperationsDirectory,
    limits: settings.limits,
  });
  // Machine clients' operations: registered at run time, seeded from the files (README, Registering operations).
  const operations = exchange.services.operations;
  const exchangeSubgraph = await startExchangeSubgraph({
    services: exchange.services,
    verifier,
    production: config.environment === 'production',
    logger,
  });
  const hostedRoutes = { [AUDIT_PATH]: auditSubgraph.route, [EXCHANGE_PATH]: exchangeSubgraph.route };
  // With HTTPS on the public port, the gateway reaches the subgraphs it serves itself on a loopback-only
  // plain listener: its public certificate need not name 127.0.0.1, and the call never leaves the host.
  let auditLoopback: RunningHttpServer | null = null;
  if (config.tls.gateway) {
    auditLoopback = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      routes: hostedRoutes,
      onError: (error) => logger.error('request failed', describeError(error)),
    });
  }
  const hostedBase = `http://127.0.0.1:${auditLoopback?.port ?? config.gateway.port}`;
  // One pool for every subgraph call (and the readiness checks); with internal TLS it presents the gateway's certificate.
  const agent = subgraphAgent(config.tls.internal);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      if (name === AUDIT_SUBGRAPH) {
        return new SubgraphDataSource(name, hostedBase + AUDIT_PATH, auditSubgraph.secret, settings.subgraphTimeoutMs);
      }
      if (name === EXCHANGE_SUBGRAPH) {
        const url = hostedBase + EXCHANGE_PATH;
        return new SubgraphDataSource(name, url, exchangeSubgraph.secret, settings.subgraphTimeoutMs);
      }
      const subgraph = config.subgraphs[name as SubgraphName];
      if (!subgraph) throw new Error(`Supergraph names unknown subgraph ${name}`);
      return new SubgraphDataSource(
        name,
        `${subgraph.url}/graphql`,
        subgraph.gatewaySecret,
        settings.subgraphTimeoutMs,
        agent,
      );
    },
  });
  const persistedQueries = new PersistedQueryCache(operations, settings.persistedQueryCache);
  const screen = new RequestScreen(settings.limits, persistedQueries, logger);
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    screen.useSchema(apiSchema);
    operations.useSchema(apiSchema);
  });
  const rateLimiter = new RateLimiter(settings.rateLimitPerMinute);
  // Public operations without a token: limited per client address, apart from signed-in callers.
  const anonymousRateLimiter = new RateLimiter(settings.anonymousRateLimitPerMinute);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: cleanNullReferences(gateway),
    introspection: config.environment !== 'production',
    // No "Did you mean ...?" hints that reveal field names when the schema is not open for introspection.
    hideSchemaDetailsFromClientErrors: config.environment === 'production',
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // The operation limits run before this server sees the request (screen.checkRequest in the context);
    // its own parser keeps to the token limit all the same.
    parseOptions: { maxTokens: settings.limits.maxTokens },
    plugins: [auditSourcePlugin(), anonymousAccessPlugin(), callerPolicyPlugin(operations), screen.inputPlugin()],
    persistedQueries: { cache: persistedQueries },
    formatError: formatGatewayError((message, error) =>
      logger.warn(message, { requestId: currentRequestId(), ...describeError(error) }),
    ),
  });
  await apollo.start();

  /** The caller named by a valid token, for the audit record of a request refused before it was identified. */
  const identifyForAudit = async (facts: RequestFacts, token: string | null) => {
    if (token) facts.identity = await verifier.verify(token).catch(() => null);
  };

  const context = async (request: IncomingMessage, body: unknown): Promise<GatewayContext> => {
    const facts = factsOf(request);
    const requestId = facts.requestId;
    const header = headerValue(request, 'authorization');
    const token = bearerToken(header);
    // The operation limits come first: nothing else is done for a request that asks too much.
    try {
      // A hash alone may name an operation registered on another replica: read it through first.
      const sha256 = persistedHashOnly(request, body);
      if (sha256) await persistedQueries.prepare(sha256);
      screen.checkRequest(request, body, (document) => (facts.document = document));
    } catch (refusal) {
      await identifyForAudit(facts, token);
      throw refusal;
    }
    if (!header) {
      // Without a token only the public operations run (verifying a certificate), anonymously.
      const sent = requestBodyOf(request, body);
      if (isPublicRequest(sent.query, sent.operationName)) {
        const retryAfter = anonymousRateLimiter.take(clientAddressKey(request.socket.remoteAddress));
        if (retryAfter > 0) throw rateLimited(retryAfter);
        return { identity: null, token: null, requestId, facts, purpose: null };
      }
    }
    if (!token) {
      throw unauthenticated(
        header
          ? 'Authorization header must be "Bearer <access token>"'
          : 'Sign in: send an access token as "Authorization: Bearer <token>"',
      );
    }
    let identity;
    try {
      identity = await verifier.verify(token);
    } catch (error) {
      if (error instanceof DomainError) {
        const code = String(error.extensions.code);
        throw code === 'UNAUTHENTICATED'
          ? unauthenticated(error.message)
          : new GraphQLError(error.message, { extensions: { code, http: { status: 503 } } });
      }
      throw error;
    }
    // Service accounts are limited per client, officers per person (they share the CLI client).
    const retryAfter = rateLimiter.take(
      identity.serviceAccount ? `client:${identity.clientId}` : `user:${identity.subject}`,
    );
    facts.identity = identity;
    if (retryAfter > 0) throw rateLimited(retryAfter);
    return { identity, token, requestId, facts, purpose: null };
  };

  /** One log line per request, naming its id as the answer and the audit record do. */
  const logRequest = (entry: AuditEntry) => {
    const line = {
      requestId: entry.requestId,
      operationName: entry.operationName,
      outcome: entry.outcome,
      httpStatus: entry.httpStatus,
      errorCodes: entry.errorCodes,
      durationMs: entry.durationMs,
    };
    if (entry.outcome === AuditOutcome.OK) logger.info('request', line);
    else logger.warn('request', line);
  };
  const storeAuditEntry = async (entry: AuditEntry) => {
    logRequest(entry);
    // A request is answered once its record is stored: in the journal, fsync'ed, shipped into the
    // trail right after. Should the journal's disk fail, the record goes to the trail directly; should
    // that fail too, the answer still goes out (a mutation has already happened) and the record is logged.
    const queuedAt = performance.now();
    try {
      await journal.append(entry);
      shipper.announce();
    } catch (error) {
      logger.error('audit journal write failed; writing to the trail directly', describeError(error));
      await audit.append(entry).catch(() => logger.error('audit record kept in the log only', { audit: entry }));
    }
    counters.increment(AUDIT_WAIT_MICROSECONDS_METRIC, Math.round((performance.now() - queuedAt) * 1000));
  };
  const answerGraphQL = withTimeout(
    graphqlHandler(
      apollo,
      context,
      async (request, body, status, responseText) => {
        const entry = auditEntryFor(request, factsOf(request), body, status, responseText, (sha256) =>
          operations.cachedDocument(sha256),
        );
        await storeAuditEntry(entry);
      },
      {
        screenBody: (rawBody): HttpRefusal | undefined => {
          try {
            screen.checkBody(rawBody);
            return undefined;
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            const { http, ...extensions } = error.extensions as { http?: { status?: number } };
            return { status: http?.status ?? 400, message: error.message, extensions };
          }
        },
        errorExtensions: (request) => ({ requestId: factsOf(request).requestId }),
      },
    ),
    settings.requestTimeoutMs,
  );

  const exportProxyOptions = {
    verifier,
    rateLimiter,
    statisticsUrl: config.subgraphs.statistics.url,
    gatewaySecret: config.subgraphs.statistics.gatewaySecret,
    agent,
    audit: storeAuditEntry,
  };
  const subgraphUrls = SUBGRAPH_NAMES.map((name) => [name, config.subgraphs[name].url] as const);
  const http = await startHttpServer({
    host: config.gateway.host,
    port: config.gateway.port,
    onError: (error) => logger.error('request failed', describeError(error)),
    // HTTPS on the public port when its certificate is configured; else a terminator in front does TLS or TLCP.
    tls: config.tls.gateway ? { ...config.tls.gateway, minVersion: 'TLSv1.2' } : undefined,
    routes: {
      '/graphql': async (request, response) => {
        const { requestId } = factsOf(request);
        response.setHeader('x-request-id', requestId);
        await withRequestId(requestId, () => answerGraphQL(request, response));
      },
      ...hostedRoutes,
      // Files of indicator queries, streamed from the statistics subgraph (README, Statistics exports).
      [STATISTICS_EXPORT_ROUTE]: statisticsExportProxy(exportProxyOptions),
      [STATISTICS_EXPORT_PROGRESS_ROUTE]: statisticsExportProxy(exportProxyOptions, 'progress'),
      // Synchronous answers, inside a promise so that a throw still reaches the router's catch.
      '/health': (_request, response) =>
        new Promise<void>((resolve) => {
          sendJson(response, 200, { status: 'alive' });
          resolve();
        }),
      '/metrics': (_request, response) =>
        new Promise<void>((resolve) => {
          response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
          const cpu = process.cpuUsage();
          response.end(
            counters.toPrometheus({ service: 'gateway' }) +
              `# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total{service="gateway"} ${(cpu.user + cpu.system) / 1e6}\n` +
              `# TYPE gateway_apq_learned_bytes gauge\ngateway_apq_learned_bytes{service="gateway"} ${persistedQueries.learnedBytes()}\n` +
              `# TYPE audit_journal_pending_bytes gauge\naudit_journal_pending_bytes{service="gateway"} ${journal.pendingBytes()}\n`,
          );
          resolve();
        }),
      '/ready': async (_request, response) => {
        const reachable = await Promise.all(
          subgraphUrls.map(async ([name, url]) => [name, await subgraphReachable(url, agent)] as const),
        );
        const subgraphs = Object.fromEntries(reachable.map(([name, up]) => [name, up ? 'up' : 'down']));
        const ready = reachable.every(([, up]) => up);
        sendJson(response, ready ? 200 : 503, {
          status: ready ? 'ready' : 'degraded',
          supergraph: 'loaded',
          subgraphs,
        });
      },
    },
  });
  const url = `${config.gateway.publicUrl}/graphql`;
  logger.info('gateway ready', { url });
  return {
    url,
    port: http.port,
    close: async () => {
      clearInterval(pruning);
      await http.close();
      await apollo.stop();
      await auditLoopback?.close();
      agent.destroy();
      await auditSubgraph.stop();
      await exchangeSubgraph.stop();
      await exchange.close();
      // What is journaled and not yet shipped stays in the journal for the next start.
      await shipper.caughtUp(AUDIT_READ_CATCH_UP_MS);
      await shipper.stop();
      await journal.close();
      await audit.flush();
      await signer.stop();
      await database.close();
    },
  };
}
