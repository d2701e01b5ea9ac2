import {
  SignatureVerifier as PlatformSignatureVerifier,
  signatureHeaderNames,
  signRequest as signWith,
  MAX_CLOCK_SKEW_MS,
  type SigningCredentials,
} from '../../../platform/national-platform/request-signing';

// Credit's binding of the shared request signing (platform/national-platform/request-signing.ts) to the
// national credit platform's header names (NATIONAL-CREDIT-CONTRACT.md, Authentication).

export {
  canonicalRequest,
  MAX_CLOCK_SKEW_MS,
  SIGNATURE_ALGORITHM,
  signatureOf,
  type SignatureRefusal,
  type SigningCredentials,
} from '../../../platform/national-platform/request-signing';

/** `x-credit-key-id`, `x-credit-timestamp`, `x-credit-nonce`, `x-credit-content-sm3`, `x-credit-signature`. */
export const SIGNATURE_HEADERS = signatureHeaderNames('credit');

/** The headers that sign one request to the credit platform; a new timestamp and nonce every time. */
export function signRequest(
  credentials: SigningCredentials,
  request: { method: string; path: string; body: string },
  now?: number,
  nonce?: string,
): Record<string, string> {
  return signWith(SIGNATURE_HEADERS, credentials, request, now, nonce);
}

/** The credit platform's (and its simulator's) check of signed requests. */
export class SignatureVerifier extends PlatformSignatureVerifier {
  constructor(
    secrets: ReadonlyMap<string, string>,
    clock: () => number = Date.now,
    maxSkewMs: number = MAX_CLOCK_SKEW_MS,
  ) {
    super(SIGNATURE_HEADERS, secrets, clock, maxSkewMs);
  }
}
