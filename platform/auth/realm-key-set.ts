import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

export interface RealmKeySetOptions {
  /** The realm's JWKS endpoint (Keycloak: `<issuer>/protocol/openid-connect/certs`). */
  url: string;
  /** How long a fetched key set is used before it is fetched again; a key removed from the realm is refused after this. */
  refreshIntervalMs: number;
  /** After a failed or an unknown-key fetch, how long before the next one (one fetch per cooldown, whatever the traffic). */
  cooldownMs: number;
  /** How long one fetch may take. */
  timeoutMs: number;
  now?: () => number;
  fetch?: typeof fetch;
}

/** The realm's keys could not be fetched and none were ever fetched: the identity provider is down. */
export class RealmKeysUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the realm's signing keys cannot be fetched: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RealmKeysUnavailable';
  }
}

/**
 * The realm's public signing keys, for jose's `jwtVerify`. It differs from jose's `createRemoteJWKSet`
 * in one way that matters when Keycloak is down: a key set past its refresh interval is fetched again,
 * but when that fetch fails the last key set fetched stays in use (and the next attempt waits for the
 * cooldown), so tokens already issued keep working until they expire. jose's remote set throws instead
 * once its cache is stale, which would log every signed-in officer out for as long as Keycloak is down.
 *
 * Rotation: a token with a key id the set does not hold makes one fetch (at most one per cooldown), so a
 * new active key is accepted without a restart; a key removed from the realm is gone from the set at the
 * next refresh, so its tokens are refused at most `refreshIntervalMs` after the removal.
 */
export class RealmKeySet {
  private keys: ReturnType<typeof createLocalJWKSet> | null = null;
  private fingerprint = '';
  private keyGeneration = 0;
  private fetchedAt = 0;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: RealmKeySetOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The key-lookup function `jwtVerify` takes. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    if (this.keys === null) await this.reload();
    // Stale: fetch again, but keep the keys we have when the provider does not answer.
    else if (this.dueForRefresh()) await this.reload().catch(() => undefined);
    try {
      return await this.keys!(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.coolingDown()) throw error;
      // A key we have not seen: the realm may have rotated. One fetch, then look again.
      await this.reload().catch(() => undefined);
      return this.keys!(header, token);
    }
  };

  /**
   * Starts a refresh in the background when the keys are past their refresh interval (and no attempt is
   * cooling down). For callers that answer from their own cache of verified tokens: the next lookup after
   * the refresh sees the new generation.
   */
  refreshIfStale(): void {
    if (this.keys !== null && this.dueForRefresh()) this.reload().catch(() => undefined);
  }

  /** Past the refresh interval, and no fetch attempt cooling down. */
  private dueForRefresh(): boolean {
    return this.now() - this.fetchedAt >= this.options.refreshIntervalMs && !this.coolingDown();
  }

  /** Whether the last fetch attempt was recent enough that another must wait. */
  private coolingDown(): boolean {
    return this.now() - this.lastAttemptAt < this.options.cooldownMs;
  }

  /** Fetches the key set; concurrent callers share one fetch. Throws RealmKeysUnavailable when it fails. */
  private reload(): Promise<void> {
    this.pending ??= this.fetchKeys().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetchKeys(): Promise<void> {
    this.lastAttemptAt = this.now();
    let keySet: JSONWebKeySet;
    try {
      const response = await this.fetchImpl(this.options.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body: unknown = await response.json();
      if (!isKeySet(body)) throw new Error('the answer is not a JSON Web Key Set');
      keySet = body;
    } catch (error) {
      throw new RealmKeysUnavailable(error);
    }
    this.keys = createLocalJWKSet(keySet);
    this.fetchedAt = this.now();
    const fingerprint = JSON.stringify(keySet.keys);
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.keyGeneration += 1;
    }
  }

  /**
   * Changes whenever a fetch brings a different key set (a key added or removed): what was verified with
   * an earlier generation must be verified again, so a removed key's tokens are refused from then on.
   */
  get generation(): number {
    return this.keyGeneration;
  }
}

function isKeySet(body: unknown): body is JSONWebKeySet {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { keys?: unknown }).keys) &&
    (body as { keys: unknown[] }).keys.every((key) => typeof key === 'object' && key !== null)
  );
}
