import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEMO_CLIENT_SECRETS_FILE } from '../auth/demo-realm';
import { defineConfigSection, type SettingsOf } from '../platform/config/config-section';

/** The gateway's own settings: what it serves, its limits and the audit trail's retention (README, Configuration). */
export const GATEWAY_CONFIG = defineConfigSection({
  variables: {
    SUPERGRAPH_FILE: z.string().default('schema/supergraph.graphql'),
    PERSISTED_OPERATIONS_DIR: z.string().default('gateway/persisted-operations'),
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
    AUDIT_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(184, 'must be at least 184 days (six months, the legal minimum for network logs)')
      .max(3650)
      .default(184),
    // Where audit records wait, fsync'ed, until the trail's database has them; default <DATA_DIR>/audit-journal.
    AUDIT_JOURNAL_DIR: z.string().min(1).optional(),
    AUDIT_PRUNE_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
    // The SM2 private key (PKCS#8 PEM) that signs the chain's head; generated into DATA_DIR when unset, except in production.
    AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
    // Its public key (SubjectPublicKeyInfo PEM), which audit:verify checks with; default beside the private key.
    AUDIT_SIGNING_PUBLIC_KEY_FILE: z.string().min(1).optional(),
    AUDIT_SIGNING_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    GATEWAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1000000).default(1200),
    GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1000000).default(60),
    // Partners' notifications (gateway/exchange/notifications): how often the relay reads and sends,
    // how many attempts and how far apart, each attempt's timeout.
    NOTIFICATION_POLL_MS: z.coerce.number().int().min(50).max(600000).default(2000),
    NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
    NOTIFICATION_FIRST_RETRY_MS: z.coerce.number().int().min(10).max(3600000).default(10000),
    NOTIFICATION_MAX_RETRY_MS: z.coerce.number().int().min(10).max(86400000).default(3600000),
    NOTIFICATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
    // Webhooks on loopback and private addresses: allowed by default only in development; never in production.
    NOTIFICATION_ALLOW_PRIVATE_WEBHOOKS: z.enum(['true', 'false']).optional(),
    // The identity provider's admin client that turns grants into partner clients' category:* scopes.
    PARTNER_DIRECTORY_CLIENT_ID: z.string().min(1).default('single-window-directory'),
    // Its secret; outside production the demo one (auth/demo/client-secrets.json). Unset in production: no sync.
    PARTNER_DIRECTORY_CLIENT_SECRET: z.string().min(1).optional(),
    PARTNER_DIRECTORY_SYNC_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  },
  productionProblems: (values) => {
    const problems: Array<['AUDIT_SIGNING_KEY_FILE' | 'NOTIFICATION_ALLOW_PRIVATE_WEBHOOKS', string]> = [];
    if (!values.AUDIT_SIGNING_KEY_FILE)
      problems.push(['AUDIT_SIGNING_KEY_FILE', 'must be set in production (the SM2 key that signs the audit chain)']);
    if (values.NOTIFICATION_ALLOW_PRIVATE_WEBHOOKS === 'true')
      problems.push([
        'NOTIFICATION_ALLOW_PRIVATE_WEBHOOKS',
        'must not be true in production (webhooks on internal addresses: SSRF)',
      ]);
    return problems;
  },
  build: (values, platform) => ({
    supergraphFile: values.SUPERGRAPH_FILE,
    /** `<dir>/<clientId>/<Name>.graphql`: the operations each machine client may run. */
    persistedOperationsDirectory: values.PERSISTED_OPERATIONS_DIR,
    subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
    requestTimeoutMs: values.GATEWAY_REQUEST_TIMEOUT_MS,
    /** What one request may ask (see gateway/protection/operation-limits.ts). */
    limits: {
      maxDocumentBytes: values.GATEWAY_MAX_DOCUMENT_BYTES,
      maxTokens: values.GATEWAY_MAX_TOKENS,
      maxOperations: values.GATEWAY_MAX_OPERATIONS,
      maxFragments: values.GATEWAY_MAX_FRAGMENTS,
      maxDirectivesPerField: values.GATEWAY_MAX_DIRECTIVES_PER_FIELD,
      maxDepth: values.GATEWAY_MAX_DEPTH,
      maxAliases: values.GATEWAY_MAX_ALIASES,
      maxCost: values.GATEWAY_MAX_COST,
      maxVariablesBytes: values.GATEWAY_MAX_VARIABLES_BYTES,
      maxVariableValues: values.GATEWAY_MAX_VARIABLE_VALUES,
    },
    /** Documents learned by automatic persisted queries: bytes in all, and the largest learned. */
    persistedQueryCache: {
      maxBytes: values.GATEWAY_APQ_CACHE_BYTES,
      maxDocumentBytes: values.GATEWAY_APQ_MAX_DOCUMENT_BYTES,
    },
    /** Requests a caller may make per minute; 0 switches the limit off. */
    rateLimitPerMinute: values.GATEWAY_RATE_LIMIT_PER_MINUTE,
    /** Public operations (no token) a client address may run per minute; 0 switches the limit off. */
    anonymousRateLimitPerMinute: values.GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE,
    notifications: {
      pollIntervalMs: values.NOTIFICATION_POLL_MS,
      maxAttempts: values.NOTIFICATION_MAX_ATTEMPTS,
      firstRetryMs: values.NOTIFICATION_FIRST_RETRY_MS,
      maxRetryMs: Math.max(values.NOTIFICATION_MAX_RETRY_MS, values.NOTIFICATION_FIRST_RETRY_MS),
      timeoutMs: values.NOTIFICATION_TIMEOUT_MS,
      rules: {
        httpsOnly: platform.environment === 'production',
        allowPrivate:
          (values.NOTIFICATION_ALLOW_PRIVATE_WEBHOOKS ?? String(platform.environment === 'development')) === 'true',
      },
    },
    partnerDirectory: partnerDirectorySettings(values, platform.environment === 'production'),
    audit: {
      retentionDays: values.AUDIT_RETENTION_DAYS,
      pruneIntervalMs: values.AUDIT_PRUNE_INTERVAL_MINUTES * 60_000,
      journalDirectory: values.AUDIT_JOURNAL_DIR ?? null,
      signing: auditSigningSettings(values, platform.dataDir),
    },
  }),
});

/** The grant sync's admin client (gateway/exchange/directory); null: no secret, so no sync. */
function partnerDirectorySettings(
  values: {
    PARTNER_DIRECTORY_CLIENT_ID: string;
    PARTNER_DIRECTORY_CLIENT_SECRET?: string;
    PARTNER_DIRECTORY_SYNC_SECONDS: number;
  },
  production: boolean,
): PartnerDirectorySettings {
  const clientId = values.PARTNER_DIRECTORY_CLIENT_ID;
  const clientSecret = values.PARTNER_DIRECTORY_CLIENT_SECRET ?? (production ? null : demoClientSecret(clientId));
  return { clientId, clientSecret, syncIntervalMs: values.PARTNER_DIRECTORY_SYNC_SECONDS * 1000 };
}

export interface PartnerDirectorySettings {
  clientId: string;
  clientSecret: string | null;
  syncIntervalMs: number;
}

function demoClientSecret(clientId: string): string | null {
  try {
    const secrets = JSON.parse(readFileSync(DEMO_CLIENT_SECRETS_FILE, 'utf8')) as Record<string, unknown>;
    const secret = secrets[clientId];
    return typeof secret === 'string' ? secret : null;
  } catch {
    return null;
  }
}

/** The audit chain's signing key files and how often the head is signed while records are written. */
function auditSigningSettings(
  values: {
    AUDIT_SIGNING_KEY_FILE?: string;
    AUDIT_SIGNING_PUBLIC_KEY_FILE?: string;
    AUDIT_SIGNING_INTERVAL_SECONDS: number;
  },
  dataDir: string,
) {
  const keyFile = values.AUDIT_SIGNING_KEY_FILE ?? join(dataDir, 'audit-signing-key.pem');
  return {
    keyFile,
    /** Beside the private key unless set: `key.pem` publishes `key.pub.pem`. */
    publicKeyFile: values.AUDIT_SIGNING_PUBLIC_KEY_FILE ?? `${keyFile.replace(/\.pem$/, '')}.pub.pem`,
    /** Only the development key in DATA_DIR is generated; a configured file must exist. */
    generateWhenMissing: values.AUDIT_SIGNING_KEY_FILE === undefined,
    intervalMs: values.AUDIT_SIGNING_INTERVAL_SECONDS * 1000,
  };
}

export type AuditSigningSettings = ReturnType<typeof auditSigningSettings>;

export type GatewayConfig = SettingsOf<typeof GATEWAY_CONFIG>;
