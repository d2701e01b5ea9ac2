import { z } from 'zod';

export const SUBGRAPH_NAMES = ['licensing', 'enforcement', 'credit', 'safety', 'statistics'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DEFAULT_PORTS: Record<SubgraphName, number> = {
  licensing: 4001,
  enforcement: 4002,
  credit: 4003,
  safety: 4004,
  statistics: 4005,
};

// Secrets with these values are refused when APP_ENV=production.
const DEVELOPMENT_SECRET_PREFIX = 'dev-only-';

const port = z.coerce.number().int().min(1).max(65535);
const url = z.string().url();
const secret = z.string().min(16, 'must be at least 16 characters');
const mysqlUrl = z.string().regex(/^mysql:\/\//, 'must be a mysql:// URL, for example mysql://user:password@host:3306');

function subgraphSettings(name: SubgraphName) {
  const upper = name.toUpperCase();
  return {
    [`${upper}_PORT`]: port.default(DEFAULT_PORTS[name]),
    [`${upper}_URL`]: url.optional(),
    [`${upper}_DATABASE_URL`]: mysqlUrl.optional(),
    [`${upper}_GATEWAY_SECRET`]: secret.default(`${DEVELOPMENT_SECRET_PREFIX}${name}-gateway-secret`),
  };
}

/**
 * Every setting of every process, with the embedded run's defaults. Each process parses the whole
 * environment once and reads its own part, so one schema documents them all (see README).
 */
export const environmentSchema = z
  .object({
    APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    DATA_DIR: z.string().default('.data'),
    FILE_STORE_DIR: z.string().optional(),
    MYSQL_URL: mysqlUrl.optional(),
    DB_SCHEMA_PREFIX: z
      .string()
      .regex(/^[a-z0-9_]*$/, 'may contain only lower-case letters, digits and _')
      .default(''),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    OIDC_ISSUER: url.default('http://localhost:8080/realms/transport'),
    OIDC_AUDIENCE: z.string().min(1).default('single-window-gateway'),
    OIDC_JWKS_URL: url.optional(),
    IDP_PORT: port.default(8080),
    IDP_PUBLIC_URL: url.optional(),
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    GATEWAY_PORT: port.default(4000),
    GATEWAY_PUBLIC_URL: url.optional(),
    SUPERGRAPH_FILE: z.string().default('schema/supergraph.graphql'),
    PERSISTED_OPERATIONS_DIR: z.string().default('gateway/persisted-operations'),
    SUBGRAPH_HOST: z.string().default('127.0.0.1'),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
    GATEWAY_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300000).default(30000),
    GATEWAY_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
    GATEWAY_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(20),
    GATEWAY_MAX_COST: z.coerce.number().int().min(10).max(10000000).default(20000),
    GATEWAY_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).max(1048576).default(32768),
    GATEWAY_MAX_TOKENS: z.coerce.number().int().min(100).max(100000).default(1000),
    GATEWAY_MAX_OPERATIONS: z.coerce.number().int().min(1).max(1000).default(10),
    GATEWAY_MAX_FRAGMENTS: z.coerce.number().int().min(0).max(1000).default(50),
    GATEWAY_MAX_DIRECTIVES_PER_FIELD: z.coerce.number().int().min(0).max(100).default(5),
    // A 5 MiB attachment travels base64-encoded in the variables: 6.7 MiB.
    GATEWAY_MAX_VARIABLES_BYTES: z.coerce.number().int().min(1024).max(8388608).default(7340032),
    GATEWAY_MAX_VARIABLE_VALUES: z.coerce.number().int().min(100).max(1000000).default(50000),
    GATEWAY_APQ_CACHE_BYTES: z.coerce.number().int().min(1024).max(1073741824).default(16777216),
    GATEWAY_APQ_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).max(1048576).default(16384),
    GATEWAY_DATABASE_URL: mysqlUrl.optional(),
    AUDIT_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(184, 'must be at least 184 days (six months, the legal minimum for network logs)')
      .max(3650)
      .default(184),
    AUDIT_PRUNE_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
    GATEWAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1000000).default(1200),
    GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1000000).default(60),
    EVENTS_SECRET: secret.default(`${DEVELOPMENT_SECRET_PREFIX}events-secret`),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60000).default(500),
    OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(3600000).default(60000),
    // Defaults are the local simulators; production must name the real platforms.
    INVESTMENT_PLATFORM_URL: url.optional(),
    TRADING_PLATFORM_URL: url.optional(),
    PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
    PLATFORM_RECHECK_MS: z.coerce.number().int().min(100).max(3600000).default(30000),
    CERTIFICATE_KEY_DIR: z.string().optional(),
    WORKING_CALENDAR_FILE: z.string().default('subgraphs/licensing/calendar/working-calendar.json'),
    CASE_DECISION_DAYS: z.coerce.number().int().min(1).max(365).default(90),
    CASE_MAJOR_FINE_FEN: z.coerce.number().int().min(1).max(2_147_483_647).default(1_000_000),
    CASE_RESPONSE_DAYS: z.coerce.number().int().min(3).max(30).default(5),
    OVERLOAD_TOLERANCE_PERCENT: z.coerce.number().min(0).max(50).default(5),
    OVERLOAD_JOIN_WINDOW_HOURS: z.coerce.number().int().min(0).max(720).default(24),
    SEED_DEMO_DATA: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    ...Object.assign({}, ...SUBGRAPH_NAMES.map(subgraphSettings)),
  })
  .superRefine((environment, context) => {
    if (environment.APP_ENV !== 'production') return;
    for (const [key, value] of Object.entries(environment)) {
      if (typeof value === 'string' && value.startsWith(DEVELOPMENT_SECRET_PREFIX)) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'must be set in production' });
      }
    }
    for (const key of ['INVESTMENT_PLATFORM_URL', 'TRADING_PLATFORM_URL'] as const) {
      if (!environment[key])
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: 'must name the real platform in production (the default is the local simulator)',
        });
    }
    if (
      !environment.MYSQL_URL &&
      [...SUBGRAPH_NAMES, 'gateway'].some((name) => !environment[`${name.toUpperCase()}_DATABASE_URL`])
    ) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['MYSQL_URL'],
        message:
          'production needs MySQL (MYSQL_URL, or GATEWAY_DATABASE_URL and every <SUBGRAPH>_DATABASE_URL); the embedded SQLite is for laptops',
      });
    }
  });

type Environment = z.infer<typeof environmentSchema> & Record<string, unknown>;

export interface DatabaseSettings {
  kind: 'mysql' | 'embedded';
  /** For MySQL: the server URL without a schema; for embedded: unused. */
  serverUrl?: string;
  /** The schema (MySQL database) or, for embedded, the file's base name. */
  schema: string;
  poolSize: number;
}

export interface SubgraphSettings {
  name: SubgraphName;
  port: number;
  host: string;
  url: string;
  gatewaySecret: string;
  database: DatabaseSettings;
}

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  dataDir: string;
  /** Where attachments and evidence files are kept (local directory store). */
  fileStoreDirectory: string;
  seedDemoData: boolean;
  oidc: { issuer: string; audience: string; jwksUrl: string };
  idp: { port: number; publicUrl: string };
  gateway: {
    host: string;
    port: number;
    publicUrl: string;
    supergraphFile: string;
    /** `<dir>/<clientId>/<Name>.graphql`: the operations each machine client may run. */
    persistedOperationsDirectory: string;
    subgraphTimeoutMs: number;
    requestTimeoutMs: number;
    /** What one request may ask (see gateway/protection/operation-limits.ts). */
    limits: {
      maxDocumentBytes: number;
      maxTokens: number;
      maxOperations: number;
      maxFragments: number;
      maxDirectivesPerField: number;
      maxDepth: number;
      maxAliases: number;
      maxCost: number;
      maxVariablesBytes: number;
      maxVariableValues: number;
    };
    /** Documents learned by automatic persisted queries: bytes in all, and the largest learned. */
    persistedQueryCache: { maxBytes: number; maxDocumentBytes: number };
    /** Requests a caller may make per minute; 0 switches the limit off. */
    rateLimitPerMinute: number;
    /** Public operations (no token) a client address may run per minute; 0 switches the limit off. */
    anonymousRateLimitPerMinute: number;
    /** The gateway's own schema: the audit trail. */
    database: DatabaseSettings;
  };
  audit: { retentionDays: number; pruneIntervalMs: number };
  events: { secret: string; pollIntervalMs: number; maxBackoffMs: number };
  /** National platforms licensing talks to (simulated locally), and how patiently. */
  platforms: { investmentUrl: string; tradingUrl: string; timeoutMs: number; recheckIntervalMs: number };
  licensing: { certificateKeyDirectory: string; workingCalendarFile: string };
  enforcement: {
    decisionDays: number;
    /** A fine of at least this many fen is major (较大数额): legal review and a hearing right. */
    majorFineFen: number;
    /** Days after the notice of a proposed penalty for the party to state, defend or ask for a hearing. */
    responseDays: number;
    overloadTolerancePercent: number;
    overloadJoinWindowHours: number;
  };
  subgraphs: Record<SubgraphName, SubgraphSettings>;
}

/** A service's own schema: `<NAME>_DATABASE_URL` (server and schema), else `<prefix><name>` on MYSQL_URL, else embedded. */
function databaseSettings(environment: Environment, name: SubgraphName | 'gateway'): DatabaseSettings {
  const own = environment[`${name.toUpperCase()}_DATABASE_URL`] as string | undefined;
  const schemaName = `${environment.DB_SCHEMA_PREFIX}${name}`;
  if (own) {
    // A per-subgraph URL names its own schema in the path: mysql://licensing:pw@db:3306/licensing
    const parsed = new URL(own);
    const schema = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || schemaName;
    parsed.pathname = '';
    return { kind: 'mysql', serverUrl: parsed.toString(), schema, poolSize: environment.DB_POOL_SIZE };
  }
  if (environment.MYSQL_URL) {
    return { kind: 'mysql', serverUrl: environment.MYSQL_URL, schema: schemaName, poolSize: environment.DB_POOL_SIZE };
  }
  return { kind: 'embedded', schema: schemaName, poolSize: 1 };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses the environment once; throws ConfigError listing every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const environment = parsed.data as Environment;
  const subgraphs = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => {
      const upper = name.toUpperCase();
      const subgraphPort = environment[`${upper}_PORT`] as number;
      const settings: SubgraphSettings = {
        name,
        port: subgraphPort,
        host: environment.SUBGRAPH_HOST,
        url: (environment[`${upper}_URL`] as string | undefined) ?? `http://127.0.0.1:${subgraphPort}`,
        gatewaySecret: environment[`${upper}_GATEWAY_SECRET`] as string,
        database: databaseSettings(environment, name),
      };
      return [name, settings];
    }),
  ) as Record<SubgraphName, SubgraphSettings>;
  return {
    environment: environment.APP_ENV,
    logLevel: environment.LOG_LEVEL,
    dataDir: environment.DATA_DIR,
    fileStoreDirectory: environment.FILE_STORE_DIR ?? `${environment.DATA_DIR}/files`,
    seedDemoData: environment.SEED_DEMO_DATA,
    oidc: {
      issuer: environment.OIDC_ISSUER,
      audience: environment.OIDC_AUDIENCE,
      jwksUrl: environment.OIDC_JWKS_URL ?? `${environment.OIDC_ISSUER}/protocol/openid-connect/certs`,
    },
    idp: {
      port: environment.IDP_PORT,
      publicUrl: environment.IDP_PUBLIC_URL ?? `http://localhost:${environment.IDP_PORT}`,
    },
    gateway: {
      host: environment.GATEWAY_HOST,
      port: environment.GATEWAY_PORT,
      publicUrl: environment.GATEWAY_PUBLIC_URL ?? `http://localhost:${environment.GATEWAY_PORT}`,
      supergraphFile: environment.SUPERGRAPH_FILE,
      persistedOperationsDirectory: environment.PERSISTED_OPERATIONS_DIR,
      subgraphTimeoutMs: environment.SUBGRAPH_TIMEOUT_MS,
      requestTimeoutMs: environment.GATEWAY_REQUEST_TIMEOUT_MS,
      limits: {
        maxDocumentBytes: environment.GATEWAY_MAX_DOCUMENT_BYTES,
        maxTokens: environment.GATEWAY_MAX_TOKENS,
        maxOperations: environment.GATEWAY_MAX_OPERATIONS,
        maxFragments: environment.GATEWAY_MAX_FRAGMENTS,
        maxDirectivesPerField: environment.GATEWAY_MAX_DIRECTIVES_PER_FIELD,
        maxDepth: environment.GATEWAY_MAX_DEPTH,
        maxAliases: environment.GATEWAY_MAX_ALIASES,
        maxCost: environment.GATEWAY_MAX_COST,
        maxVariablesBytes: environment.GATEWAY_MAX_VARIABLES_BYTES,
        maxVariableValues: environment.GATEWAY_MAX_VARIABLE_VALUES,
      },
      persistedQueryCache: {
        maxBytes: environment.GATEWAY_APQ_CACHE_BYTES,
        maxDocumentBytes: environment.GATEWAY_APQ_MAX_DOCUMENT_BYTES,
      },
      rateLimitPerMinute: environment.GATEWAY_RATE_LIMIT_PER_MINUTE,
      anonymousRateLimitPerMinute: environment.GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE,
      database: databaseSettings(environment, 'gateway'),
    },
    audit: {
      retentionDays: environment.AUDIT_RETENTION_DAYS,
      pruneIntervalMs: environment.AUDIT_PRUNE_INTERVAL_MINUTES * 60_000,
    },
    events: {
      secret: environment.EVENTS_SECRET,
      pollIntervalMs: environment.OUTBOX_POLL_MS,
      maxBackoffMs: environment.OUTBOX_MAX_BACKOFF_MS,
    },
    platforms: {
      investmentUrl: environment.INVESTMENT_PLATFORM_URL ?? 'http://127.0.0.1:4101',
      tradingUrl: environment.TRADING_PLATFORM_URL ?? 'http://127.0.0.1:4102',
      timeoutMs: environment.PLATFORM_TIMEOUT_MS,
      recheckIntervalMs: environment.PLATFORM_RECHECK_MS,
    },
    licensing: {
      certificateKeyDirectory: environment.CERTIFICATE_KEY_DIR ?? `${environment.DATA_DIR}/certificate-keys`,
      workingCalendarFile: environment.WORKING_CALENDAR_FILE,
    },
    enforcement: {
      decisionDays: environment.CASE_DECISION_DAYS,
      majorFineFen: environment.CASE_MAJOR_FINE_FEN,
      responseDays: environment.CASE_RESPONSE_DAYS,
      overloadTolerancePercent: environment.OVERLOAD_TOLERANCE_PERCENT,
      overloadJoinWindowHours: environment.OVERLOAD_JOIN_WINDOW_HOURS,
    },
    subgraphs,
  };
}

/** For process entries: parse or print every problem and exit. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
