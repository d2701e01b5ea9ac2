import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { sm3Hex } from '../storage/file-store';

// Signed requests to a national platform (NATIONAL-CREDIT-CONTRACT.md and NATIONAL-SAFETY-CONTRACT.md,
// Authentication): HMAC-SM3 (GB/T 32905 through Node's OpenSSL) with the secret issued for a key id, over the method,
// the path, a timestamp, a nonce and the body's SM3 digest. The platform (and the simulator) refuses an
// unknown key, a wrong body digest, a bad signature, a timestamp too far from its clock and a nonce it
// has already seen.

export const SIGNATURE_ALGORITHM = 'HMAC-SM3';

/** Header names, lower case as node:http hands them over. */
export interface SignatureHeaderNames {
  keyId: string;
  timestamp: string;
  nonce: string;
  contentSm3: string;
  signature: string;
}

/** The header names one platform uses: `x-<prefix>-key-id`, `x-<prefix>-signature`, ... */
export function signatureHeaderNames(prefix: string): SignatureHeaderNames {
  return {
    keyId: `x-${prefix}-key-id`,
    timestamp: `x-${prefix}-timestamp`,
    nonce: `x-${prefix}-nonce`,
    contentSm3: `x-${prefix}-content-sm3`,
    signature: `x-${prefix}-signature`,
  };
}

/** How far a request's timestamp may be from the platform's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface SigningCredentials {
  keyId: string;
  secret: string;
}

export interface SignedParts {
  method: string;
  /** The request target as sent: path and query, e.g. `/api/credit-records`. */
  path: string;
  /** Milliseconds since 1970-01-01T00:00:00Z, as decimal digits. */
  timestamp: string;
  /** 32 hexadecimal characters, random per request. */
  nonce: string;
  /** SM3 of the body's bytes, lower-case hex (of nothing for a GET). */
  contentSm3: string;
}

/** The text that is signed: the algorithm, then each part on its own line. */
export function canonicalRequest(parts: SignedParts): string {
  return [
    SIGNATURE_ALGORITHM,
    parts.method.toUpperCase(),
    parts.path,
    parts.timestamp,
    parts.nonce,
    parts.contentSm3,
  ].join('\n');
}

export function signatureOf(secret: string, parts: SignedParts): string {
  return createHmac('sm3', secret).update(canonicalRequest(parts), 'utf8').digest('base64');
}

/** The headers that sign one request; a new timestamp and nonce every time (every retry too). */
export function signRequest(
  names: SignatureHeaderNames,
  credentials: SigningCredentials,
  request: { method: string; path: string; body: string },
  now: number = Date.now(),
  nonce: string = randomBytes(16).toString('hex'),
): Record<string, string> {
  const parts: SignedParts = {
    method: request.method,
    path: request.path,
    timestamp: String(now),
    nonce,
    contentSm3: sm3Hex(request.body),
  };
  return {
    [names.keyId]: credentials.keyId,
    [names.timestamp]: parts.timestamp,
    [names.nonce]: parts.nonce,
    [names.contentSm3]: parts.contentSm3,
    [names.signature]: signatureOf(credentials.secret, parts),
  };
}

export type SignatureRefusal =
  'MISSING_SIGNATURE' | 'UNKNOWN_KEY' | 'STALE_TIMESTAMP' | 'BODY_DIGEST_MISMATCH' | 'BAD_SIGNATURE' | 'REPLAYED_NONCE';

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * The platform's side: checks a request's signature with the secrets it issued, and remembers the nonces
 * of accepted requests for as long as their timestamps could still pass (twice the allowed skew).
 */
export class SignatureVerifier {
  private readonly seenNonces = new Map<string, number>();

  constructor(
    private readonly names: SignatureHeaderNames,
    private readonly secrets: ReadonlyMap<string, string>,
    private readonly clock: () => number = Date.now,
    private readonly maxSkewMs: number = MAX_CLOCK_SKEW_MS,
  ) {}

  /** Null when the request is signed by a known key and fresh; else why it is refused. */
  verify(request: {
    method: string;
    path: string;
    headers: IncomingHttpHeaders;
    rawBody: Buffer;
  }): SignatureRefusal | null {
    const keyId = header(request.headers, this.names.keyId);
    const timestamp = header(request.headers, this.names.timestamp);
    const nonce = header(request.headers, this.names.nonce);
    const contentSm3 = header(request.headers, this.names.contentSm3);
    const signature = header(request.headers, this.names.signature);
    if (!keyId || !timestamp || !nonce || !contentSm3 || !signature) return 'MISSING_SIGNATURE';
    const secret = this.secrets.get(keyId);
    if (secret === undefined) return 'UNKNOWN_KEY';
    const now = this.clock();
    if (!/^\d{1,15}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > this.maxSkewMs) return 'STALE_TIMESTAMP';
    if (sm3Hex(request.rawBody) !== contentSm3) return 'BODY_DIGEST_MISMATCH';
    const expected = Buffer.from(
      signatureOf(secret, { method: request.method, path: request.path, timestamp, nonce, contentSm3 }),
      'base64',
    );
    const given = Buffer.from(signature, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'BAD_SIGNATURE';
    // Only a correctly signed request spends its nonce: nobody can burn another's in advance.
    this.forgetExpired(now);
    const key = `${keyId}:${nonce}`;
    if (this.seenNonces.has(key)) return 'REPLAYED_NONCE';
    this.seenNonces.set(key, now + 2 * this.maxSkewMs);
    return null;
  }

  private forgetExpired(now: number): void {
    // Insertion order is expiry order (a constant window from each acceptance).
    for (const [key, expiresAt] of this.seenNonces) {
      if (expiresAt > now) break;
      this.seenNonces.delete(key);
    }
  }
}
