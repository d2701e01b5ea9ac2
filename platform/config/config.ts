import { z } from 'zod';
import { tlsProblems, tlsSettingsOf, TLS_VARIABLES, type TlsSettings } from '../http/tls.config';
import { describeIssues, type ConfigProblem, type ConfigSection, type SettingsOf } from './config-section';

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

/** The rules the platform's variables use, for sections to read theirs the same way. */
export const CONFIG_RULES = { port, url, secret, mysqlUrl } as const;

function upperCase<Name extends string>(name: Name): Uppercase<Name> {
  return name.toUpperCase() as Uppercase<Name>;
}

type SubgraphPrefix = Uppercase<SubgraphName>;
/** `LICENSING_PORT`, `LICENSING_URL`, ... for every subgraph (computed keys would type as a plain string index). */
type SubgraphVariables = Record<`${SubgraphPrefix}_PORT`, z.ZodDefault<typeof port>> &
  Record<`${SubgraphPrefix}_URL`, z.ZodOptional<typeof url>> &
  Record<`${SubgraphPrefix}_DATABASE_URL`, z.ZodOptional<typeof mysqlUrl>> &
  Record<`${SubgraphPrefix}_GATEWAY_SECRET`, z.ZodDefault<typeof secret>>;

function subgraphSettings(name: SubgraphName) {
  const upper = upperCase(name);
  return {
    [`${upper}_PORT`]: port.default(DEFAULT_PORTS[name]),
    [`${upper}_URL`]: url.optional(),
    [`${upper}_DATABASE_URL`]: mysqlUrl.optional(),
    [`${upper}_GATEWAY_SECRET`]: secret.default(`${DEVELOPMENT_SECRET_PREFIX}${name}-gateway-secret`),
  };
}

const subgraphVariables = Object.fromEntries(
  SUBGRAPH_NAMES.flatMap((name) => Object.entries(subgraphSettings(name))),
) as SubgraphVariables;

/**
 * What every process shares, with the embedded run's defaults: environment, logging, data directory,
 * databases, the identity provider, where each service listens and is reached, and the secrets between
 * them. A department's own settings live in its `<department>.config.ts` (a ConfigSection); the
 * README's Configuration table lists both.
 */
const platformVariables = {
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATA_DIR: z.string().default('.data'),
  FILE_STORE_DIR: z.string().optional(),
  // Licensing's statutory deadlines and credit's publication deadlines count the same working days.
  WORKING_CALENDAR_FILE: z.string().default('platform/time/working-calendar.json'),
  MYSQL_URL: mysqlUrl.optional(),
  DB_SCHEMA_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, 'may contain only lower-case letters, digits and _')
    .default(''),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  OIDC_ISSUER: url.default('http://localhost:8080/realms/transport'),
  OIDC_AUDIENCE: z.string().min(1).default('single-window-gateway'),
  OIDC_JWKS_URL: url.optional(),
  OIDC_JWKS_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  IDP_PORT: port.default(8080),
  IDP_PUBLIC_URL: url.optional(),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: port.default(4000),
  GATEWAY_PUBLIC_URL: url.optional(),
  GATEWAY_DATABASE_URL: mysqlUrl.optional(),
  SUBGRAPH_HOST: z.string().default('127.0.0.1'),
  EVENTS_SECRET: secret.default(`${DEVELOPMENT_SECRET_PREFIX}events-secret`),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60000).default(500),
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(3600000).default(60000),
  PII_MASTER_KEY_FILE: z.string().min(1).optional(),
  PII_KEY_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  ...TLS_VARIABLES,
  ...subgraphVariables,
};

/** The variables the platform reads; a section may not read one of them as its own. */
export const PLATFORM_VARIABLE_NAMES: readonly string[] = Object.keys(platformVariables);

const platformSchema = z.object(platformVariables).superRefine((environment, context) => {
  for (const [variable, message] of tlsProblems(environment))
    context.addIssue({ code: z.ZodIssueCode.custom, path: [variable], message });
  if (environment.INTERNAL_TLS_CA_FILE) {
    // With internal mTLS every subgraph serves HTTPS only: a plain URL could never reach it.
    for (const name of SUBGRAPH_NAMES) {
      const variable = `${upperCase(name)}_URL` as const;
      if (environment[variable]?.startsWith('http:'))
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: [variable],
          message: 'must be an https:// URL when INTERNAL_TLS_* is set (the subgraphs serve HTTPS only)',
        });
    }
  }
  if (environment.APP_ENV !== 'production') return;
  for (const [key, value] of Object.entries(environment)) {
    if (typeof value === 'string' && value.startsWith(DEVELOPMENT_SECRET_PREFIX)) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'must be set in production' });
    }
  }
  if (
    !environment.MYSQL_URL &&
    [...SUBGRAPH_NAMES, 'gateway' as const].some((name) => !environment[`${upperCase(name)}_DATABASE_URL`])
  ) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['MYSQL_URL'],
      message:
        'production needs MySQL (MYSQL_URL, or GATEWAY_DATABASE_URL and every <SUBGRAPH>_DATABASE_URL); the embedded SQLite is for laptops',
    });
  }
});

type Environment = z.infer<typeof platformSchema> & Record<string, unknown>;

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

/** The settings every process shares (see platformVariables); departments add their own sections. */
export interface PlatformConfig {
  environment: 'development' | 'test' | 'production';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  dataDir: string;
  /** Where attachments and evidence files are kept (local directory store). */
  fileStoreDirectory: string;
  /** Public holidays and make-up working days (platform/time/working-calendar.ts), relative to the working directory. */
  workingCalendarFile: string;
  seedDemoData: boolean;
  oidc: { issuer: string; audience: string; jwksUrl: string; jwksRefreshMs: number };
  idp: { port: number; publicUrl: string };
  /** Where the gateway listens and is reached, and its own schema (the audit trail); its other settings are gateway/gateway.config.ts. */
  gateway: { host: string; port: number; publicUrl: string; database: DatabaseSettings };
  events: { secret: string; pollIntervalMs: number; maxBackoffMs: number };
  /** Personal information at rest: the master key file (null: the development key) and how often keys are re-read. */
  personalInformation: { masterKeyFile: string | null; keyRefreshMs: number };
  subgraphs: Record<SubgraphName, SubgraphSettings>;
  /** Mutual TLS between the services and HTTPS on the public port (platform/http/tls.config.ts). */
  tls: TlsSettings;
}

/** @deprecated The platform's part of the configuration is PlatformConfig; the name stays for code written before the split. */
export type AppConfig = PlatformConfig;

/** A service's own schema: `<NAME>_DATABASE_URL` (server and schema), else `<prefix><name>` on MYSQL_URL, else embedded. */
function databaseSettings(environment: Environment, name: SubgraphName | 'gateway'): DatabaseSettings {
  const own = environment[`${upperCase(name)}_DATABASE_URL`];
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

function readPlatform(source: Readonly<Record<string, unknown>>): {
  problems: ConfigProblem[];
  config?: PlatformConfig;
} {
  const parsed = platformSchema.safeParse(source);
  if (!parsed.success) return { problems: describeIssues(parsed.error) };
  return { problems: [], config: platformConfigOf(parsed.data) };
}

function platformConfigOf(environment: Environment): PlatformConfig {
  const tls = tlsSettingsOf(environment);
  const internalScheme = tls.internal ? 'https' : 'http';
  const subgraphs = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => {
      const upper = upperCase(name);
      const subgraphPort = environment[`${upper}_PORT`];
      const settings: SubgraphSettings = {
        name,
        port: subgraphPort,
        host: environment.SUBGRAPH_HOST,
        url: environment[`${upper}_URL`] ?? `${internalScheme}://127.0.0.1:${subgraphPort}`,
        gatewaySecret: environment[`${upper}_GATEWAY_SECRET`],
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
    workingCalendarFile: environment.WORKING_CALENDAR_FILE,
    seedDemoData: environment.SEED_DEMO_DATA,
    oidc: {
      issuer: environment.OIDC_ISSUER,
      audience: environment.OIDC_AUDIENCE,
      jwksUrl: environment.OIDC_JWKS_URL ?? `${environment.OIDC_ISSUER}/protocol/openid-connect/certs`,
      jwksRefreshMs: environment.OIDC_JWKS_REFRESH_SECONDS * 1000,
    },
    idp: {
      port: environment.IDP_PORT,
      publicUrl: environment.IDP_PUBLIC_URL ?? `http://localhost:${environment.IDP_PORT}`,
    },
    gateway: {
      host: environment.GATEWAY_HOST,
      port: environment.GATEWAY_PORT,
      publicUrl:
        environment.GATEWAY_PUBLIC_URL ?? `${tls.gateway ? 'https' : 'http'}://localhost:${environment.GATEWAY_PORT}`,
      database: databaseSettings(environment, 'gateway'),
    },
    events: {
      secret: environment.EVENTS_SECRET,
      pollIntervalMs: environment.OUTBOX_POLL_MS,
      maxBackoffMs: environment.OUTBOX_MAX_BACKOFF_MS,
    },
    personalInformation: {
      masterKeyFile: environment.PII_MASTER_KEY_FILE ?? null,
      keyRefreshMs: environment.PII_KEY_REFRESH_SECONDS * 1000,
    },
    subgraphs,
    tls,
  };
}

export type ConfigSections = Readonly<Record<string, ConfigSection<unknown>>>;

/** The platform's settings and, under each section's name, that section's settings. */
export interface ProcessConfig<TSections extends ConfigSections> {
  config: PlatformConfig;
  settings: { [Name in keyof TSections]: SettingsOf<TSections[Name]> };
}

/** Two owners of one variable is a programming error, not a configuration problem. */
function assertOneOwnerPerVariable(sections: ConfigSections): void {
  const owners = new Map<string, unknown>(PLATFORM_VARIABLE_NAMES.map((name) => [name, 'platform']));
  for (const section of new Set(Object.values(sections))) {
    for (const name of section.variableNames) {
      if (owners.has(name)) throw new Error(`${name} is read by two configuration sections`);
      owners.set(name, section);
    }
  }
}

/**
 * Parses the environment once for a process: the platform's settings and the sections the process runs
 * (the gateway's, a department's, or all of them for `npm start`). Throws ConfigError listing every
 * problem of every part together.
 */
export function loadProcessConfig<TSections extends ConfigSections>(
  sections: TSections,
  source: Readonly<Record<string, unknown>> = process.env,
): ProcessConfig<TSections> {
  assertOneOwnerPerVariable(sections);
  const platform = readPlatform(source);
  const problems = [...platform.problems];
  const settings: Record<string, unknown> = {};
  for (const [name, section] of Object.entries(sections)) {
    const read = section.read(source, platform.config ?? null);
    for (const problem of read.problems) if (!problems.includes(problem)) problems.push(problem);
    settings[name] = read.settings;
  }
  if (problems.length > 0 || !platform.config) throw new ConfigError(problems);
  return { config: platform.config, settings: settings as ProcessConfig<TSections>['settings'] };
}

/** The platform's settings alone (processes without settings of their own: the IdP, `npm run token`). */
export function loadConfig(source: Readonly<Record<string, unknown>> = process.env): PlatformConfig {
  return loadProcessConfig({}, source).config;
}

function orExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** For process entries: parse the platform's settings and the process's sections, or print every problem and exit. */
export function loadProcessConfigOrExit<TSections extends ConfigSections>(
  sections: TSections,
): ProcessConfig<TSections> {
  return orExit(() => loadProcessConfig(sections));
}

/** For process entries without settings of their own: parse or print every problem and exit. */
export function loadConfigOrExit(): PlatformConfig {
  return orExit(() => loadConfig());
}
