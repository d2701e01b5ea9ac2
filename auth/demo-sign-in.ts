import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoAuthenticator, demoOneTimeCode } from './demo-realm';
import { timeStep } from './idp/one-time-code';
import type { Realm } from './idp/realm';
import { signInThroughBrowser, type TokenResponse } from './sign-in';

// Signing demo users in the way the realm's flows want: the password grant where it is allowed, the
// browser flow with a one-time code computed from the demo authenticator key where it is not.

/** The last time step whose code was used, per user; a provider refuses a code used before. */
export interface CodeStepLedger {
  lastStep(username: string): number | undefined;
  record(username: string, step: number): void;
}

/**
 * A ledger kept in a JSON file (`{ "<username>": step }`), shared by processes run one after another.
 * A step is only ever moved forward: a code of an earlier step is spent too.
 */
export function fileCodeStepLedger(file: string): CodeStepLedger {
  const read = (): Record<string, number> => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    } catch {
      return {};
    }
  };
  return {
    lastStep: (username) => read()[username],
    record: (username, step) => {
      const steps = read();
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...steps, [username]: Math.max(step, steps[username] ?? step) }, null, 2));
    },
  };
}

/**
 * The time step to use now: the current one unless it was used; then the next one while the window
 * still accepts it; otherwise the caller waits `waitMs` first (codes are single-use per step).
 */
export function unusedStep(
  currentStep: number,
  lastUsed: number | undefined,
  lookAheadWindow: number,
  msIntoStep: number,
  periodMs: number,
): { step: number; waitMs: number } {
  if (lastUsed === undefined || lastUsed < currentStep) return { step: currentStep, waitMs: 0 };
  const step = lastUsed + 1;
  const stepsAhead = step - currentStep;
  // A look-ahead code sent in the last second of a step could arrive after the window moved: only
  // use one with time to spare, else wait for the step to come.
  if (stepsAhead <= lookAheadWindow && msIntoStep < periodMs - 2000) return { step, waitMs: 0 };
  return { step, waitMs: Math.max(stepsAhead - lookAheadWindow, 1) * periodMs - msIntoStep + 500 };
}

/** Whether the realm's flows keep this user from the password grant (they sign in through the browser). */
export function needsBrowserSignIn(realm: Realm, username: string): boolean {
  const user = realm.user(username);
  return user !== undefined && realm.passwordGrantRefusal(user) !== null;
}

/**
 * The code the demo user's authenticator shows for a time step not used before (waiting for the next
 * step when needed), with that step recorded in the ledger; undefined for a user without one.
 */
export async function nextDemoCode(
  realm: Realm,
  username: string,
  ledger: CodeStepLedger,
  onWait: (waitMs: number) => void = () => undefined,
): Promise<{ code: string; step: number } | undefined> {
  const authenticator = demoAuthenticator(realm, username);
  if (!authenticator) return undefined;
  const now = Date.now();
  const periodMs = authenticator.period * 1000;
  const { step, waitMs } = unusedStep(
    timeStep(authenticator, now),
    ledger.lastStep(username),
    realm.oneTimeCodePolicy.lookAheadWindow,
    now % periodMs,
    periodMs,
  );
  if (waitMs > 0) {
    onWait(waitMs);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  ledger.record(username, step);
  return { code: demoOneTimeCode(realm, username, { step })?.code ?? '', step };
}

/**
 * Signs a demo user in through the browser flow, typing the code their demo authenticator shows for
 * a time step not used before (see `nextDemoCode`).
 */
export async function demoBrowserSignIn(
  realm: Realm,
  issuer: string,
  username: string,
  ledger: CodeStepLedger,
  onWait: (waitMs: number) => void = () => undefined,
): Promise<TokenResponse> {
  const user = realm.user(username);
  const password = user ? realm.demoPassword(user) : undefined;
  if (!user || !password) throw new Error(`no demo user ${username} with a password in the demo users file`);
  return signInThroughBrowser({
    issuer,
    username,
    password,
    oneTimeCode: demoAuthenticator(realm, username)
      ? async () => (await nextDemoCode(realm, username, ledger, onWait))?.code ?? ''
      : undefined,
  });
}
