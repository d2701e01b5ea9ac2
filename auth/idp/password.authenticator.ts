import type { Logger } from '../../platform/observability/logger';
import { BruteForceGuard } from './brute-force.guard';
import { OneTimeCodeChecker } from './one-time-code';
import type { Realm, RealmUser } from './realm';

export type SignInRefusal =
  /** Unknown user or wrong password: callers say only "Invalid user credentials". */
  | 'invalid-credentials'
  /** Brute-force lockout, temporary or permanent. */
  | 'locked'
  | 'disabled'
  /** Temporary password or pending required actions (Keycloak: "Account is not fully set up"). */
  | 'not-set-up'
  /** A wrong, expired or already used one-time code. */
  | 'invalid-code';

export type SignInOutcome = { ok: true; user: RealmUser } | { ok: false; refusal: SignInRefusal };
export type CodeOutcome = { ok: true } | { ok: false; refusal: SignInRefusal };

/**
 * Checks a username and password, then a one-time code where the flow asks for one, against the realm
 * the way Keycloak's direct-grant and browser flows do: lockout first (so a locked account cannot be
 * probed), then the secret, then the account's state. Failed passwords and codes of known users count
 * toward the same lockout; only a completed sign-in (`signedIn`) resets it.
 */
export class PasswordAuthenticator {
  private readonly guard: BruteForceGuard;
  private readonly codes: OneTimeCodeChecker;

  constructor(
    private readonly realm: Realm,
    private readonly logger: Logger,
    now: () => number = Date.now,
  ) {
    this.guard = new BruteForceGuard(realm.settings, now);
    this.codes = new OneTimeCodeChecker(realm.oneTimeCodePolicy, now);
  }

  authenticate(username: string, password: string, clientId: string): SignInOutcome {
    const user = this.realm.user(username);
    if (!user) {
      this.logger.info('sign-in refused: unknown user', { clientId });
      return { ok: false, refusal: 'invalid-credentials' };
    }
    const locked = this.lockedOut(user, clientId);
    if (locked) return { ok: false, refusal: locked };
    if (!this.realm.passwordMatches(user, password)) {
      this.guard.recordFailure(user.id);
      const locked = !this.guard.check(user.id).allowed;
      this.logger[locked ? 'warn' : 'info'](
        locked ? 'account locked after repeated sign-in failures' : 'sign-in refused: wrong password',
        {
          username: user.username,
          clientId,
        },
      );
      return { ok: false, refusal: 'invalid-credentials' };
    }
    const problem = this.realm.accountProblem(user);
    if (problem) return { ok: false, refusal: problem === 'Account disabled' ? 'disabled' : 'not-set-up' };
    return { ok: true, user };
  }

  /** Checks the one-time code of a user whose password was right (Keycloak's auth-otp-form). */
  verifyCode(user: RealmUser, code: string, clientId: string): CodeOutcome {
    const locked = this.lockedOut(user, clientId);
    if (locked) return { ok: false, refusal: locked };
    const credentials = this.realm.oneTimeCodeCredentials(user);
    // Keycloak would ask a user without an authenticator to set one up; the embedded provider cannot.
    if (credentials.length === 0) return { ok: false, refusal: 'not-set-up' };
    const check = this.codes.check(user.id, credentials, code);
    if (check === 'accepted') return { ok: true };
    this.guard.recordFailure(user.id);
    this.logger.info(
      check === 'reused' ? 'sign-in refused: one-time code used before' : 'sign-in refused: wrong one-time code',
      {
        username: user.username,
        clientId,
      },
    );
    return { ok: false, refusal: 'invalid-code' };
  }

  /** A flow names an authenticator this provider cannot run: refused, and said so in the log. */
  unsupportedStep(user: RealmUser, authenticator: string, clientId: string): void {
    this.logger.error('sign-in refused: the flow needs an authenticator the embedded provider cannot run', {
      username: user.username,
      authenticator,
      clientId,
    });
  }

  /** Why brute-force detection refuses the user now (logged), or null. */
  private lockedOut(user: RealmUser, clientId: string): 'disabled' | 'locked' | null {
    const gate = this.guard.check(user.id);
    if (gate.allowed) return null;
    this.logger.warn('sign-in refused: account locked after repeated failures', { username: user.username, clientId });
    // A permanent lockout disables the user in Keycloak, and it says so.
    return gate.permanently ? 'disabled' : 'locked';
  }

  /** The flow denied a user whose password was right (deny-access-authenticator): a failed sign-in, as in Keycloak. */
  deniedByFlow(user: RealmUser, clientId: string): void {
    this.guard.recordFailure(user.id);
    this.logger.info('sign-in denied by the flow', { username: user.username, clientId });
  }

  /** A sign-in went through every step: the failure count starts again. */
  signedIn(user: RealmUser): void {
    this.guard.recordSuccess(user.id);
  }
}

/** What the embedded provider can do of each authenticator a flow names; anything else refuses the sign-in. */
export const BROWSER_AUTHENTICATORS = new Set([
  'auth-username-password-form',
  'auth-otp-form',
  'deny-access-authenticator',
  'allow-access-authenticator',
]);
export const DIRECT_GRANT_AUTHENTICATORS = new Set([
  'direct-grant-validate-username',
  'direct-grant-validate-password',
  'deny-access-authenticator',
  'allow-access-authenticator',
]);

/** Keycloak's `error_description` for each refusal at the token endpoint. */
export const REFUSAL_DESCRIPTION: Record<SignInRefusal, string> = {
  'invalid-credentials': 'Invalid user credentials',
  locked: 'Account is temporarily disabled; contact your administrator',
  disabled: 'Account disabled',
  'not-set-up': 'Account is not fully set up',
  'invalid-code': 'Invalid authenticator code',
};
