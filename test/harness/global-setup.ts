import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { KEYCLOAK_DIRECTORY } from '../../auth/keycloak/keycloak-distribution';
import { SUBGRAPH_NAMES } from '../../platform/config/config';
import { STATE_VARIABLE, writeState, type HarnessState, type ServiceName } from './harness-state';
import { freePort, healthUrl, PROJECT_ROOT, spawnService, stopProcess, waitFor } from './service-processes';

// Overridable so several checkouts can run their integration tests on one MySQL server at once.
export const TEST_SCHEMA_PREFIX = process.env.TEST_SCHEMA_PREFIX ?? 'it_';

async function dropTestSchemas(mysqlUrl: string): Promise<void> {
  const connection = await createConnection(mysqlUrl);
  try {
    // `_` is a LIKE wildcard: escape it, or `it_%` would also match another run's `itx_` schemas.
    const pattern = `${TEST_SCHEMA_PREFIX.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const [rows] = await connection.query(
      'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?',
      [pattern],
    );
    for (const row of rows as Array<{ name: string }>) await connection.query(`DROP DATABASE \`${row.name}\``);
  } finally {
    await connection.end();
  }
}

const SCRIPTS: Record<ServiceName, string> = {
  idp: 'dist/auth/idp/main.js',
  gateway: 'dist/gateway/main.js',
  licensing: 'dist/subgraphs/licensing/main.js',
  enforcement: 'dist/subgraphs/enforcement/main.js',
  credit: 'dist/subgraphs/credit/main.js',
  safety: 'dist/subgraphs/safety/main.js',
  statistics: 'dist/subgraphs/statistics/main.js',
  // The simulated national platforms; its port is the investment platform's, /health answers there.
  platforms: 'dist/subgraphs/licensing/platforms/simulators.main.js',
  // The simulated national credit information sharing platform (credit pushes to it, reads standings).
  creditPlatform: 'dist/subgraphs/credit/national-platform/credit-platform-simulator.main.js',
  // The simulated national safety supervision platform (safety reports hazards, accidents, waybills).
  safetyPlatform: 'dist/subgraphs/safety/national-platform/safety-platform-simulator.main.js',
};

// Where the last run with this schema prefix left its state: a run killed before its teardown (jest
// interrupted) leaves its services running, and they would share the schemas this run drops.
const LAST_RUN = join(tmpdir(), `single-window-it-${TEST_SCHEMA_PREFIX}last-run`);

/** Stops what a previous run with this prefix left running (only this project's service processes). */
async function stopLeftovers(): Promise<void> {
  if (!existsSync(LAST_RUN)) return;
  let services: Array<{ pid: number }> = [];
  let keycloak: HarnessState['keycloak'];
  try {
    const state = JSON.parse(readFileSync(readFileSync(LAST_RUN, 'utf8'), 'utf8')) as HarnessState;
    services = Object.values(state.services);
    keycloak = state.keycloak;
  } catch {
    return;
  }
  const ours = (pid: number) => readCommandLine(pid).includes(join(PROJECT_ROOT, 'dist'));
  await Promise.all(services.filter((service) => ours(service.pid)).map((service) => stopProcess(service.pid)));
  // Keycloak (npm run test:keycloak) runs as its own process group: kc.sh and java.
  if (keycloak && readCommandLine(keycloak.pid).includes(KEYCLOAK_DIRECTORY)) {
    try {
      process.kill(-keycloak.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function readCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

export interface SingleWindowOptions {
  /** The realm the services trust; the embedded provider's unless set (real Keycloak: test/keycloak). */
  oidcIssuer?: string;
  /** More settings for every service. */
  environment?: Record<string, string>;
  /** Recorded in the state, for the tests and the teardown. */
  keycloak?: HarnessState['keycloak'];
}

/** Starts the whole single window as separate processes on free ports, fresh databases, real tokens. */
export default async function globalSetup(): Promise<void> {
  await startSingleWindow();
}

/** The single window as separate processes; the embedded OpenID provider always runs beside it. */
export async function startSingleWindow(options: SingleWindowOptions = {}): Promise<void> {
  await stopLeftovers();
  const runDirectory = mkdtempSync(join(tmpdir(), 'single-window-it-'));
  const dataDirectory = join(runDirectory, 'data');
  mkdirSync(dataDirectory);
  process.env[STATE_VARIABLE] = join(runDirectory, 'state.json');
  writeFileSync(LAST_RUN, process.env[STATE_VARIABLE]);
  const mysqlUrl = process.env.MYSQL_URL;
  if (mysqlUrl) await dropTestSchemas(mysqlUrl);

  // The machine clients' registered operations, plus test-only ones (test/fixtures/persisted-operations).
  const persistedOperations = join(runDirectory, 'persisted-operations');
  cpSync(join(PROJECT_ROOT, 'gateway', 'persisted-operations'), persistedOperations, { recursive: true });
  cpSync(join(PROJECT_ROOT, 'test', 'fixtures', 'persisted-operations'), persistedOperations, { recursive: true });

  const ports = {} as Record<ServiceName, number>;
  for (const name of Object.keys(SCRIPTS) as ServiceName[]) ports[name] = await freePort();
  const tradingPlatformPort = await freePort();
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    APP_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDirectory,
    DB_SCHEMA_PREFIX: TEST_SCHEMA_PREFIX,
    OUTBOX_POLL_MS: '200',
    OUTBOX_MAX_BACKOFF_MS: '1000',
    // The partner webhook simulator listens on loopback; retries close together (test/notifications.test.ts).
    NOTIFICATION_ALLOW_PRIVATE_WEBHOOKS: 'true',
    NOTIFICATION_POLL_MS: '300',
    NOTIFICATION_FIRST_RETRY_MS: '300',
    NOTIFICATION_MAX_RETRY_MS: '1000',
    NOTIFICATION_MAX_ATTEMPTS: '4',
    NOTIFICATION_TIMEOUT_MS: '3000',
    // Low enough that a test can reach it with one officer, high enough for every other test.
    GATEWAY_RATE_LIMIT_PER_MINUTE: process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ?? '600',
    // bench:credit switches the anonymous limit up to measure the public search rather than the limiter.
    ...(process.env.GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE
      ? { GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: process.env.GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE }
      : {}),
    // Small enough that a test fills it with a few documents (test/persisted-queries.test.ts).
    GATEWAY_APQ_CACHE_BYTES: '131072',
    // Grants written by another replica reach the identity provider this often (test/exchange-directory.test.ts).
    PARTNER_DIRECTORY_SYNC_SECONDS: '5',
    IDP_PORT: String(ports.idp),
    IDP_PUBLIC_URL: `http://localhost:${ports.idp}`,
    OIDC_ISSUER: options.oidcIssuer ?? `http://localhost:${ports.idp}/realms/transport`,
    GATEWAY_PORT: String(ports.gateway),
    PERSISTED_OPERATIONS_DIR: persistedOperations,
    INVESTMENT_PLATFORM_URL: `http://127.0.0.1:${ports.platforms}`,
    TRADING_PLATFORM_URL: `http://127.0.0.1:${tradingPlatformPort}`,
    // Short enough that a test can make the platform slower than it (a lost answer), long enough for CI.
    PLATFORM_TIMEOUT_MS: '2000',
    // Applications waiting for a platform are checked again this often, so a test sees them move on.
    PLATFORM_RECHECK_MS: '1000',
    // Applications past their decision deadline are announced this often, so a test sees them counted.
    PERMIT_OVERDUE_SWEEP_MS: '1000',
    // The audit chain's head is signed this often, so a test sees its records signed.
    AUDIT_SIGNING_INTERVAL_SECONDS: '1',
    // Credit publishes due disclosures (双公示) this often, so a test sees a decision published.
    CREDIT_PUBLICATION_INTERVAL_SECONDS: '1',
    // Credit removes list entries whose term ended this often, so a test sees an entry expire.
    CREDIT_LIST_EXPIRY_INTERVAL_SECONDS: '1',
    CREDIT_PLATFORM_URL: `http://127.0.0.1:${ports.creditPlatform}`,
    CREDIT_PLATFORM_TIMEOUT_MS: '2000',
    // Short enough that a test sees a cached standing turn old (test/national-credit-platform.test.ts).
    CREDIT_STANDING_TTL_SECONDS: '3',
    SAFETY_PLATFORM_URL: `http://127.0.0.1:${ports.safetyPlatform}`,
    SAFETY_PLATFORM_TIMEOUT_MS: '2000',
    // Retries come back within seconds, so a test sees an outage end (test/national-safety-platform.test.ts).
    SAFETY_PLATFORM_MAX_BACKOFF_MS: '2000',
    ...(mysqlUrl ? { MYSQL_URL: mysqlUrl } : {}),
    ...options.environment,
  };
  for (const name of SUBGRAPH_NAMES) {
    environment[`${name.toUpperCase()}_PORT`] = String(ports[name]);
    environment[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[name]}`;
  }
  const state: HarnessState = {
    runDirectory,
    dataDirectory,
    database: mysqlUrl ? 'mysql' : 'embedded',
    environment,
    services: {} as HarnessState['services'],
    embeddedIssuer: `http://localhost:${ports.idp}/realms/transport`,
    ...(options.keycloak ? { keycloak: options.keycloak } : {}),
  };
  const start = (name: ServiceName) => {
    const service = { script: SCRIPTS[name], port: ports[name], logFile: join(runDirectory, `${name}.log`) };
    state.services[name] = { ...service, pid: spawnService(service, environment) };
  };
  start('idp');
  // Licensing confirms its demo construction application with the investment platform while it seeds.
  start('platforms');
  start('creditPlatform');
  start('safetyPlatform');
  writeState(state);
  for (const simulator of ['platforms', 'creditPlatform', 'safetyPlatform'] as const)
    await waitFor(healthUrl(state, simulator), (status) => status === 200, 30_000).catch((error: Error) => {
      throw new Error(`${simulator} did not start (log: ${state.services[simulator].logFile}): ${error.message}`);
    });
  // Subgraphs migrate and seed before they listen; start them together, then the gateway.
  for (const name of SUBGRAPH_NAMES) start(name);
  start('gateway');
  writeState(state);
  for (const name of Object.keys(SCRIPTS) as ServiceName[]) {
    await waitFor(healthUrl(state, name), (status) => status === 200, 90_000).catch((error: Error) => {
      throw new Error(`${name} did not start (log: ${state.services[name].logFile}): ${error.message}`);
    });
  }
}
