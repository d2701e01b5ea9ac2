import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AuthenticationFlows, denialIn, type FlowStep } from './authentication-flows';
import { parseOneTimeCodeCredential, type OneTimeCodeCredential, type OneTimeCodePolicy } from './one-time-code';
import {
  clientSecretsFileSchema,
  realmExportSchema,
  usersFileSchema,
  type ProtocolMapper,
  type RealmClient,
  type RealmClientScope,
  type RealmExport,
  type RealmUser,
} from './realm-export.schema';

export {
  realmExportSchema,
  type ProtocolMapper,
  type RealmClient,
  type RealmClientScope,
  type RealmExport,
  type RealmUser,
} from './realm-export.schema';

/** Files read besides the realm file: demo users and demo client secrets, for laptops and tests. */
export interface RealmExtras {
  usersFiles?: readonly string[];
  clientSecretsFile?: string;
}

/** Which token a claim is being built for; Keycloak's mappers switch each on separately. */
export type TokenKind = 'access' | 'id' | 'userinfo';

const MAPPER_FLAG: Record<TokenKind, string> = {
  access: 'access.token.claim',
  id: 'id.token.claim',
  userinfo: 'userinfo.token.claim',
};

export type Claims = Record<string, unknown>;

export class RealmFileError extends Error {}

function readJsonFile<T>(path: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RealmFileError(
      `cannot read the ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new RealmFileError(`the ${what} ${path} is not usable:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * A realm read from its export file, answering what Keycloak would: who a user is, which clients may
 * use which grants, and what claims the realm's protocol mappers put into each token.
 */
export class Realm {
  private readonly usersByName = new Map<string, RealmUser>();
  private readonly usersById = new Map<string, RealmUser>();
  private readonly clientsById = new Map<string, RealmClient>();
  private readonly clientScopes = new Map<string, RealmClientScope>();
  readonly flows: AuthenticationFlows;

  constructor(readonly settings: RealmExport) {
    for (const user of settings.users) {
      // Keycloak stores usernames in lower case and matches them case-insensitively.
      this.usersByName.set(user.username.toLowerCase(), user);
      this.usersById.set(user.id, user);
    }
    for (const client of settings.clients) this.clientsById.set(client.clientId, client);
    for (const scope of settings.clientScopes) this.clientScopes.set(scope.name, scope);
    this.flows = new AuthenticationFlows(
      settings.authenticationFlows,
      settings.authenticatorConfig,
      new Set(settings.roles.realm.map((role) => role.name)),
    );
  }

  /**
   * The realm file, plus users files (`{ realm, users }`, as Keycloak's directory import reads them)
   * and a client secrets file (`{ clientId: secret }`). Production Keycloak imports the realm file
   * alone; the embedded provider adds the demo users and secrets.
   */
  static fromFiles(realmFile: string, extras: RealmExtras = {}): Realm {
    const settings = readJsonFile(realmFile, realmExportSchema, 'realm file');
    for (const usersFile of extras.usersFiles ?? []) {
      const { realm, users } = readJsonFile(usersFile, usersFileSchema, 'users file');
      if (realm !== settings.realm)
        throw new RealmFileError(`the users file ${usersFile} is for realm ${realm}, not ${settings.realm}`);
      const known = new Set(settings.users.map((user) => user.username.toLowerCase()));
      for (const user of users) {
        if (known.has(user.username.toLowerCase()))
          throw new RealmFileError(`user ${user.username} is defined twice (again in ${usersFile})`);
        known.add(user.username.toLowerCase());
      }
      settings.users = [...settings.users, ...users];
    }
    if (extras.clientSecretsFile) {
      const secrets = readJsonFile(extras.clientSecretsFile, clientSecretsFileSchema, 'client secrets file');
      for (const [clientId, secret] of Object.entries(secrets)) {
        const client = settings.clients.find((candidate) => candidate.clientId === clientId);
        if (!client || client.publicClient)
          throw new RealmFileError(
            `${extras.clientSecretsFile} gives a secret to ${clientId}, not a confidential client`,
          );
        client.secret = secret;
      }
    }
    const realm = new Realm(settings);
    const missing = realm.flows.missingReferences();
    if (missing.length > 0)
      throw new RealmFileError(`the realm file ${realmFile} names undefined ${missing.join(', ')}`);
    for (const user of settings.users) realm.oneTimeCodeCredentials(user);
    return realm;
  }

  static fromFile(path: string): Realm {
    return Realm.fromFiles(path);
  }

  get name(): string {
    return this.settings.realm;
  }

  /** An interactive (non-service-account) user by username, case-insensitive. */
  user(username: string): RealmUser | undefined {
    const user = this.usersByName.get(username.toLowerCase());
    return user && !user.serviceAccountClientId ? user : undefined;
  }

  userById(id: string): RealmUser | undefined {
    return this.usersById.get(id);
  }

  client(clientId: string): RealmClient | undefined {
    return this.clientsById.get(clientId);
  }

  get clients(): readonly RealmClient[] {
    return this.settings.clients;
  }

  /** The realm's client scopes (Keycloak's Client scopes page). */
  get clientScopeList(): readonly RealmClientScope[] {
    return this.settings.clientScopes;
  }

  /**
   * Adds or removes one of a client's default client scopes at run time, as Keycloak's admin API does;
   * tokens issued afterwards follow. False when the client or the scope is unknown.
   */
  setDefaultClientScope(clientId: string, scopeName: string, present: boolean): boolean {
    const client = this.clientsById.get(clientId);
    if (!client || !this.clientScopes.has(scopeName)) return false;
    const others = client.defaultClientScopes.filter((name) => name !== scopeName);
    client.defaultClientScopes = present ? [...others, scopeName] : others;
    return true;
  }

  /** The user Keycloak creates for a client's service account (`service-account-<clientId>`). */
  serviceAccountUser(clientId: string): RealmUser | undefined {
    return this.settings.users.find((user) => user.serviceAccountClientId === clientId);
  }

  /** The user's plain demo password from the file, if it has one (exports with hashed credentials do not). */
  demoPassword(user: RealmUser): string | undefined {
    return user.credentials.find((credential) => credential.type === 'password')?.value;
  }

  /** Compares a presented password with the user's credential without leaking timing. */
  passwordMatches(user: RealmUser, presented: string): boolean {
    const stored = this.demoPassword(user);
    if (stored === undefined) return false;
    return timingSafeEqual(sha256(stored), sha256(presented));
  }

  /** Why Keycloak would refuse this user even with the right password, or null. */
  accountProblem(user: RealmUser): 'Account disabled' | 'Account is not fully set up' | null {
    if (!user.enabled) return 'Account disabled';
    const temporaryPassword = user.credentials.some(
      (credential) => credential.type === 'password' && credential.temporary,
    );
    if (user.requiredActions.length > 0 || temporaryPassword) return 'Account is not fully set up';
    return null;
  }

  /** The realm's OTP policy. */
  get oneTimeCodePolicy(): OneTimeCodePolicy {
    const settings = this.settings;
    return {
      type: settings.otpPolicyType,
      algorithm: settings.otpPolicyAlgorithm,
      digits: settings.otpPolicyDigits,
      period: settings.otpPolicyPeriod,
      lookAheadWindow: settings.otpPolicyLookAheadWindow,
      codeReusable: settings.otpPolicyCodeReusable,
    };
  }

  /** The user's authenticators (`otp` credentials); throws on one that cannot be read. */
  oneTimeCodeCredentials(user: RealmUser): OneTimeCodeCredential[] {
    return user.credentials
      .filter((credential) => credential.type === 'otp')
      .map((credential) => {
        try {
          return parseOneTimeCodeCredential(credential);
        } catch (error) {
          throw new RealmFileError(`${user.username}: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
  }

  /** The authenticators the realm's browser flow (`browserFlow`) runs for this user. */
  browserSteps(user: RealmUser): FlowStep[] {
    return this.stepsFor(this.settings.browserFlow, user);
  }

  /** The authenticators the realm's direct grant flow (`directGrantFlow`) runs for this user. */
  directGrantSteps(user: RealmUser): FlowStep[] {
    return this.stepsFor(this.settings.directGrantFlow, user);
  }

  private stepsFor(flowAlias: string, user: RealmUser): FlowStep[] {
    return this.flows.steps(flowAlias, { effectiveRoles: new Set(this.effectiveRealmRoles(user)) });
  }

  /** Whether the browser flow asks this user for a one-time code after the password (`auth-otp-form`). */
  oneTimeCodeRequired(user: RealmUser): boolean {
    return this.browserSteps(user).some((step) => step.authenticator === 'auth-otp-form');
  }

  /**
   * Why the password grant is refused to this user even with the right password: the message of a
   * `deny-access-authenticator` the direct grant flow runs for them, or null.
   */
  passwordGrantRefusal(user: RealmUser): string | null {
    return denialIn(this.directGrantSteps(user));
  }

  /** The user's realm roles with composite roles expanded, as Keycloak's role mapper puts them in `realm_access`. */
  effectiveRealmRoles(user: RealmUser): string[] {
    const definitions = new Map(this.settings.roles.realm.map((role) => [role.name, role]));
    const roles = new Set<string>();
    const pending = [...user.realmRoles];
    while (pending.length > 0) {
      const role = pending.shift() as string;
      if (roles.has(role)) continue;
      roles.add(role);
      pending.push(...(definitions.get(role)?.composites?.realm ?? []));
    }
    return [...roles];
  }

  /** The mappers that shape a client's tokens: its own, then those of its default client scopes. */
  protocolMappers(client: RealmClient | undefined): ProtocolMapper[] {
    if (!client) return [];
    const scopes = client.defaultClientScopes
      .map((name) => this.clientScopes.get(name))
      .filter((scope): scope is RealmClientScope => scope !== undefined && scope.protocol === 'openid-connect');
    return [...client.protocolMappers, ...scopes.flatMap((scope) => scope.protocolMappers)];
  }

  /** Audiences the client's `oidc-audience-mapper`s add to its access tokens. */
  audiences(client: RealmClient): string[] {
    return this.protocolMappers(client)
      .filter(
        (mapper) => mapper.protocolMapper === 'oidc-audience-mapper' && mapper.config['access.token.claim'] !== 'false',
      )
      .map((mapper) => mapper.config['included.client.audience'] || mapper.config['included.custom.audience'])
      .filter((audience): audience is string => Boolean(audience));
  }

  /**
   * Keycloak's `scope` claim: `openid` when asked for, then the client's default client scopes that
   * are marked "include in token scope" (e.g. `profile email`, and a partner's `category:*` scopes).
   */
  tokenScope(client: RealmClient | undefined, requested: string | undefined): string {
    const asked = new Set((requested ?? '').split(' ').filter(Boolean));
    const listed = (client?.defaultClientScopes ?? []).filter((name) => {
      const scope = this.clientScopes.get(name);
      return scope !== undefined && scope.attributes['include.in.token.scope'] !== 'false';
    });
    return [...(asked.has('openid') ? ['openid'] : []), ...listed].join(' ');
  }

  /** Access-token lifetime in seconds: the client's override, else the realm's `accessTokenLifespan`. */
  accessTokenLifespan(client: RealmClient): number {
    const override = Number(client.attributes['access.token.lifespan']);
    return Number.isInteger(override) && override > 0 ? override : this.settings.accessTokenLifespan;
  }

  /**
   * The claims the client's protocol mappers (its own and its default client scopes') give this user
   * in a token of the given kind. Mappers this provider does not know add nothing. `sub` is included
   * only when a mapper says so for access tokens (Keycloak's `basic` scope); ID tokens and userinfo
   * always carry it.
   */
  userClaims(user: RealmUser, client: RealmClient | undefined, kind: TokenKind): Claims {
    const claims: Claims = kind === 'access' ? {} : { sub: user.id };
    for (const mapper of this.protocolMappers(client)) {
      if (mapper.config[MAPPER_FLAG[kind]] !== 'true') continue;
      const value = this.mappedValue(mapper, user);
      if (value === undefined) continue;
      const name = claimName(mapper);
      if (name) setClaim(claims, name, value);
    }
    return claims;
  }

  /** Top-level claim names any client's mappers can put into ID tokens or userinfo answers. */
  identityClaimNames(): string[] {
    const names = new Set(['sub']);
    for (const client of this.settings.clients) {
      for (const mapper of this.protocolMappers(client)) {
        const name = claimName(mapper);
        if (name && (mapper.config['id.token.claim'] === 'true' || mapper.config['userinfo.token.claim'] === 'true'))
          names.add(name.split('.')[0]);
      }
    }
    return [...names];
  }

  private mappedValue(mapper: ProtocolMapper, user: RealmUser): unknown {
    const config = mapper.config;
    switch (mapper.protocolMapper) {
      case 'oidc-sub-mapper':
        return user.id;
      case 'oidc-full-name-mapper': {
        const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
        return name || undefined;
      }
      case 'oidc-usermodel-realm-role-mapper':
        return this.effectiveRealmRoles(user);
      case 'oidc-acr-mapper':
        // Level of assurance 1: a password (or a client secret) was checked.
        return '1';
      case 'oidc-hardcoded-claim-mapper':
        return typedValue(config['claim.value'], config['jsonType.label']);
      case 'oidc-usermodel-property-mapper':
      case 'oidc-usermodel-attribute-mapper': {
        const values = userProperty(user, config['user.attribute'] ?? '');
        if (!values || values.length === 0) return undefined;
        const typed = values.map((value) => typedValue(value, config['jsonType.label']));
        return config.multivalued === 'true' ? typed : typed[0];
      }
      default:
        return undefined;
    }
  }
}

function claimName(mapper: ProtocolMapper): string | undefined {
  switch (mapper.protocolMapper) {
    case 'oidc-sub-mapper':
      return 'sub';
    case 'oidc-full-name-mapper':
      return 'name';
    case 'oidc-acr-mapper':
      return 'acr';
    default:
      return mapper.config['claim.name'] || mapper.config['user.attribute'] || undefined;
  }
}

/** A user property as Keycloak's user model exposes it to mappers (built-in fields, then attributes). */
function userProperty(user: RealmUser, name: string): string[] | undefined {
  const builtIn: Record<string, string | boolean | undefined> = {
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    emailVerified: user.emailVerified,
  };
  if (name in builtIn) {
    const value = builtIn[name];
    return value === undefined ? undefined : [String(value)];
  }
  return user.attributes[name];
}

function typedValue(value: string | undefined, jsonType: string | undefined): unknown {
  if (value === undefined) return undefined;
  switch (jsonType) {
    case 'boolean':
      return value === 'true';
    case 'int':
    case 'long':
      return Number(value);
    case 'JSON':
      return JSON.parse(value) as unknown;
    default:
      return value;
  }
}

/** Sets `a.b.c` as nested objects, as Keycloak does for claim names like `realm_access.roles`. */
function setClaim(claims: Claims, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = claims;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    target = (typeof next === 'object' && next !== null ? next : (target[part] = {})) as Claims;
  }
  target[parts[parts.length - 1]] = value;
}
