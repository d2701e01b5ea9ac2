import { Secret, TOTP } from 'otpauth';
import { z } from 'zod';

// Time-based one-time codes (RFC 6238) as Keycloak keeps them: an `otp` credential whose `secretData`
// and `credentialData` are JSON strings, and the realm's OTP policy (`otpPolicy*`).

/** The realm's OTP policy, named after the `otpPolicy*` fields of a realm export. */
export interface OneTimeCodePolicy {
  type: 'totp' | 'hotp';
  algorithm: string;
  digits: number;
  period: number;
  /** Time steps accepted either side of the current one (Keycloak's "look around window"). */
  lookAheadWindow: number;
  /** Whether a code may be used twice; MLPS level 3 wants not. */
  codeReusable: boolean;
}

/** One authenticator a user set up (one `otp` credential). */
export interface OneTimeCodeCredential {
  label: string;
  /** Keycloak's HMAC key is the UTF-8 bytes of this value; an app is shown their base32. */
  secret: string;
  subType: 'totp' | 'hotp';
  algorithm: string;
  digits: number;
  period: number;
}

const secretDataSchema = z.object({ value: z.string().min(1) });
const credentialDataSchema = z.object({
  subType: z.enum(['totp', 'hotp']).default('totp'),
  digits: z.number().int().min(6).max(8).default(6),
  period: z.number().int().min(1).default(30),
  algorithm: z.string().default('HmacSHA1'),
});

const HASH_OF: Record<string, string> = { HmacSHA1: 'SHA1', HmacSHA256: 'SHA256', HmacSHA512: 'SHA512' };

export class OneTimeCodeCredentialError extends Error {}

/** Reads a Keycloak `otp` credential from its export form; throws when it cannot be used. */
export function parseOneTimeCodeCredential(credential: {
  userLabel?: string;
  secretData?: string;
  credentialData?: string;
}): OneTimeCodeCredential {
  let secretData: z.infer<typeof secretDataSchema>;
  let credentialData: z.infer<typeof credentialDataSchema>;
  try {
    secretData = secretDataSchema.parse(JSON.parse(credential.secretData ?? ''));
    credentialData = credentialDataSchema.parse(JSON.parse(credential.credentialData ?? '{}'));
  } catch (error) {
    throw new OneTimeCodeCredentialError(
      `unreadable otp credential: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  if (!HASH_OF[credentialData.algorithm])
    throw new OneTimeCodeCredentialError(`otp credential with unknown algorithm ${credentialData.algorithm}`);
  return { label: credential.userLabel ?? '', secret: secretData.value, ...credentialData };
}

function totp(credential: OneTimeCodeCredential): TOTP {
  return new TOTP({
    secret: Secret.fromUTF8(credential.secret),
    algorithm: HASH_OF[credential.algorithm],
    digits: credential.digits,
    period: credential.period,
  });
}

/** The RFC 6238 time step (counter) at a time. */
export function timeStep(credential: OneTimeCodeCredential, atMs: number): number {
  return Math.floor(atMs / 1000 / credential.period);
}

/** The code an authenticator app shows for a time step. */
export function codeForStep(credential: OneTimeCodeCredential, step: number): string {
  return totp(credential).generate({ timestamp: step * credential.period * 1000 });
}

/** The base32 key to type into an authenticator app, as Keycloak's setup page shows it. */
export function base32Key(credential: OneTimeCodeCredential): string {
  return Secret.fromUTF8(credential.secret).base32;
}

export type CodeCheck = 'accepted' | 'invalid' | 'reused';

/**
 * Checks codes against a user's TOTP credentials: within the policy's window around the current time
 * step, and, unless the policy allows reuse, never a time step already used by that user (Keycloak
 * refuses a code it has accepted before). Used steps are remembered in memory only until they leave
 * the window, so the record stays small.
 */
export class OneTimeCodeChecker {
  private readonly usedSteps = new Map<string, Map<number, number>>();

  constructor(
    private readonly policy: OneTimeCodePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  check(userId: string, credentials: readonly OneTimeCodeCredential[], code: string): CodeCheck {
    const presented = code.trim();
    const now = this.now();
    const used = this.usedSteps.get(userId) ?? new Map<number, number>();
    for (const [step, forgetAt] of used) if (forgetAt <= now) used.delete(step);

    for (const credential of credentials) {
      if (credential.subType !== 'totp' || presented.length !== credential.digits) continue;
      const delta = totp(credential).validate({
        token: presented,
        timestamp: now,
        window: this.policy.lookAheadWindow,
      });
      if (delta === null) continue;
      const step = timeStep(credential, now) + delta;
      if (!this.policy.codeReusable && used.has(step)) return 'reused';
      used.set(step, (step + this.policy.lookAheadWindow + 1) * credential.period * 1000);
      this.usedSteps.set(userId, used);
      return 'accepted';
    }
    return 'invalid';
  }
}
