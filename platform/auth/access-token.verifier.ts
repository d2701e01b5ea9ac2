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
  /** How many verified tokens are remembered (least recently verified forgotten first); 10,000 unless set. */
  verifiedTokenCacheSize?: number;
  now?: () => number;
}

interface VerifiedToken {
  identity: Identity;
  /** `exp` in milliseconds. */
  expiresAt: number;
  keyGeneration: number;
}

/** The clock skew tolerated on `exp`, as in jwtVerify below. */
const CLOCK_TOLERANCE_SECONDS = 5;

const claimsSchema = z.object({
  sub: z.string().min(1),
  typ: z.literal('Bearer'),
  azp: z.string().min(1),
  preferred_username: z.string().min(1),
  realm_access: z.object({ roles: z.array(z.string()) }).default({ roles: [] }),
  region: z.string().refine((region) => regionCodeProblem(region, { allowNational: true }) === null, 'unknown region'),
  department: z.string().optional(),
  partner_client: z.string().optional(),
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
  /** Tokens already verified, until they expire or the realm's keys change (a Map keeps insertion order: LRU). */
  private readonly verified = new Map<string, VerifiedToken>();
  private readonly cacheSize: number;
  private readonly now: () => number;

  constructor(private readonly options: AccessTokenVerifierOptions) {
    this.cacheSize = options.verifiedTokenCacheSize ?? 10_000;
    this.now = options.now ?? Date.now;
    const refreshIntervalMs = options.jwksRefreshMs ?? 300_000;
    this.keys = new RealmKeySet({
      url: options.jwksUrl,
      refreshIntervalMs,
      cooldownMs: Math.min(30_000, refreshIntervalMs),
      timeoutMs: 5_000,
      now: this.now,
    });
  }

  /**
   * The caller's identity from a token. The same token (byte for byte) seen again is answered from
   * memory until its `exp`, unless the realm's key set changed since (then it is verified again): the
   * gateway and every subgraph see each caller's token on every request, and an RS256 check plus the
   * claim parsing is most of this method's cost.
   */
  async verify(token: string): Promise<Identity> {
    const cached = this.verified.get(token);
    if (cached) {
      // Keys past their refresh interval are fetched again meanwhile, so a removed key is noticed.
      this.keys.refreshIfStale();
      this.verified.delete(token);
      if (
        cached.keyGeneration === this.keys.generation &&
        this.now() < cached.expiresAt + CLOCK_TOLERANCE_SECONDS * 1000
      ) {
        this.verified.set(token, cached);
        return cached.identity;
      }
    }
    return this.verifyAfresh(token);
  }

  private async verifyAfresh(token: string): Promise<Identity> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys.getKey, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      throw this.explain(error);
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('Access token lacks the claims of a realm access token');
    const { data } = claims;
    const identity: Identity = {
      subject: data.sub,
      username: data.preferred_username,
      clientId: data.azp,
      roles: new Set(data.realm_access.roles),
      region: data.region,
      department: data.department ?? null,
      partnerClient: data.partner_client ?? null,
      serviceAccount: data.preferred_username.startsWith('service-account-'),
      scopes: new Set(data.scope.split(' ').filter((scope) => scope.length > 0)),
    };
    this.remember(token, identity, payload.exp as number);
    return identity;
  }

  private remember(token: string, identity: Identity, exp: number): void {
    if (this.verified.size >= this.cacheSize) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { identity, expiresAt: exp * 1000, keyGeneration: this.keys.generation });
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
