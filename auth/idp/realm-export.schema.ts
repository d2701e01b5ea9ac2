import { z } from 'zod';
import { authenticationFlowSchema, authenticatorConfigSchema } from './authentication-flows';

// The part of a Keycloak realm export (`kc.sh export` / `--import-realm`) the embedded provider
// reads. Unknown fields are kept out of the types but allowed in the file, as Keycloak allows them.

const protocolMapperSchema = z.object({
  name: z.string(),
  protocol: z.string().default('openid-connect'),
  protocolMapper: z.string(),
  config: z.record(z.string()).default({}),
});

const clientSchema = z.object({
  clientId: z.string().min(1),
  enabled: z.boolean().default(true),
  publicClient: z.boolean().default(false),
  bearerOnly: z.boolean().default(false),
  secret: z.string().optional(),
  standardFlowEnabled: z.boolean().default(true),
  directAccessGrantsEnabled: z.boolean().default(false),
  serviceAccountsEnabled: z.boolean().default(false),
  redirectUris: z.array(z.string()).default([]),
  webOrigins: z.array(z.string()).default([]),
  attributes: z.record(z.string()).default({}),
  protocolMappers: z.array(protocolMapperSchema).default([]),
  defaultClientScopes: z.array(z.string()).default([]),
});

const clientScopeSchema = z.object({
  name: z.string().min(1),
  protocol: z.string().default('openid-connect'),
  attributes: z.record(z.string()).default({}),
  protocolMappers: z.array(protocolMapperSchema).default([]),
});

const credentialSchema = z.object({
  type: z.string(),
  userLabel: z.string().optional(),
  value: z.string().optional(),
  temporary: z.boolean().default(false),
  // Keycloak's export form: JSON in strings (an otp credential's key and its digits, period, algorithm).
  secretData: z.string().optional(),
  credentialData: z.string().optional(),
});

const userSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  enabled: z.boolean().default(true),
  emailVerified: z.boolean().default(false),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  serviceAccountClientId: z.string().optional(),
  attributes: z.record(z.array(z.string())).default({}),
  credentials: z.array(credentialSchema).default([]),
  requiredActions: z.array(z.string()).default([]),
  realmRoles: z.array(z.string()).default([]),
  /** Client roles by client, e.g. `{ "realm-management": ["manage-clients"] }` for an admin service account. */
  clientRoles: z.record(z.array(z.string())).default({}),
});

const roleSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  composite: z.boolean().default(false),
  composites: z
    .object({ realm: z.array(z.string()).default([]) })
    .partial()
    .optional(),
});

export const realmExportSchema = z.object({
  realm: z.string().min(1),
  enabled: z.boolean().default(true),
  sslRequired: z.enum(['all', 'external', 'none']).default('external'),
  bruteForceProtected: z.boolean().default(false),
  permanentLockout: z.boolean().default(false),
  failureFactor: z.number().int().min(1).default(30),
  waitIncrementSeconds: z.number().int().min(0).default(60),
  maxFailureWaitSeconds: z.number().int().min(0).default(900),
  maxDeltaTimeSeconds: z.number().int().min(0).default(43200),
  quickLoginCheckMilliSeconds: z.number().int().min(0).default(1000),
  minimumQuickLoginWaitSeconds: z.number().int().min(0).default(60),
  accessTokenLifespan: z.number().int().min(1).default(300),
  accessCodeLifespan: z.number().int().min(1).default(60),
  /** Keycloak's "Login timeout": how long a started sign-in (e.g. waiting for its one-time code) lasts. */
  accessCodeLifespanLogin: z.number().int().min(1).default(1800),
  ssoSessionIdleTimeout: z.number().int().min(1).default(1800),
  ssoSessionMaxLifespan: z.number().int().min(1).default(36000),
  roles: z.object({ realm: z.array(roleSchema).default([]) }).default({}),
  clientScopes: z.array(clientScopeSchema).default([]),
  clients: z.array(clientSchema).default([]),
  users: z.array(userSchema).default([]),
  otpPolicyType: z.enum(['totp', 'hotp']).default('totp'),
  otpPolicyAlgorithm: z.string().default('HmacSHA1'),
  otpPolicyDigits: z.number().int().min(6).max(8).default(6),
  otpPolicyPeriod: z.number().int().min(1).default(30),
  otpPolicyLookAheadWindow: z.number().int().min(0).default(1),
  otpPolicyCodeReusable: z.boolean().default(false),
  authenticationFlows: z.array(authenticationFlowSchema).default([]),
  authenticatorConfig: z.array(authenticatorConfigSchema).default([]),
  browserFlow: z.string().default('browser'),
  directGrantFlow: z.string().default('direct grant'),
});

/** A file of users beside the realm, as Keycloak's directory import reads `<realm>-users-<n>.json`. */
export const usersFileSchema = z.object({ realm: z.string().min(1), users: z.array(userSchema) });

/** Demo client secrets kept apart from the realm file: `{ "<clientId>": "<secret>" }`. */
export const clientSecretsFileSchema = z.record(z.string().min(1));

export type RealmExport = z.infer<typeof realmExportSchema>;
export type RealmClient = z.infer<typeof clientSchema>;
export type RealmUser = z.infer<typeof userSchema>;
export type ProtocolMapper = z.infer<typeof protocolMapperSchema>;
export type RealmClientScope = z.infer<typeof clientScopeSchema>;
