import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { regionCodeProblem } from '../codes/region-code';
import { DomainError, unauthenticated } from '../errors/domain-error';
import { PLATFORM_ERRORS } from '../errors/platform.errors';
import type { Identity } from './identity';
import { RealmKeySet, RealmKeysUnavailable } from './realm-key-set';

export interface AccessTokenVerifierOptions {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** How often the realm's keys are fetched again (a removed key is refused after at most this long); 5 minutes unless set. */
  jwksRefreshMs?: number;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  typ: z.literal('Bearer'),
  azp: z.string().min(1),
  preferred_username: z.string().min(1),
  realm_access: z.object({ roles: z.array(z.string()) }).default({ roles: [] }),
  region: z.string().refine((region) => regionCodeProblem(region, { allowNational: true }) === null, 'unknown region'),
  department: z.string().optional(),
  scope: z.string().default(''),
});

/**
 * Verifies Keycloak-style RS256 access tokens against the realm's JWKS (RealmKeySet: refreshed on an
 * interval and when a new `kid` appears, the last keys kept while the provider is down) and turns them
 * into an Identity. Issuer, audience, expiry, algorithm and the `typ`
 * claim are all checked, so an ID token or a token for another client is refused too.
 */
export class AccessTokenVerifier {
  private readonly keys: RealmKeySet;

  constructor(private readonly options: AccessTokenVerifierOptions) {
    const refreshIntervalMs = options.jwksRefreshMs ?? 300_000;
    this.keys = new RealmKeySet({
      url: options.jwksUrl,
      refreshIntervalMs,
      cooldownMs: Math.min(30_000, refreshIntervalMs),
      timeoutMs: 5_000,
    });
  }

  async verify(token: string): Promise<Identity> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys.getKey, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256'],
        clockTolerance: 5,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw this.explain(error);
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('Access token lacks the claims of a realm access token');
    const { data } = claims;
    return {
      subject: data.sub,
      username: data.preferred_username,
      clientId: data.azp,
      roles: new Set(data.realm_access.roles),
      region: data.region,
      department: data.department ?? null,
      serviceAccount: data.preferred_username.startsWith('service-account-'),
      scopes: new Set(data.scope.split(' ').filter((scope) => scope.length > 0)),
    };
  }

  private explain(error: unknown): DomainError {
    if (error instanceof errors.JWTExpired) return unauthenticated('Access token has expired');
    if (error instanceof errors.JWTClaimValidationFailed) {
      return unauthenticated(`Access token was not issued for this service (${error.claim} mismatch)`);
    }
    if (error instanceof RealmKeysUnavailable) {
      // The IdP being unreachable is our outage, not the caller's fault.
      return PLATFORM_ERRORS.unavailable('IDP_UNREACHABLE', 'Identity provider keys are unavailable');
    }
    return unauthenticated('Access token is not valid');
  }
}

/** The bearer token of an `Authorization` header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
