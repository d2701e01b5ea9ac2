import type { Logger } from '../../platform/observability/logger';
import { BruteForceGuard } from './brute-force.guard';
import type { Realm, RealmUser } from './realm';

export type SignInRefusal =
  /** Unknown user or wrong password: callers say only "Invalid user credentials". */
  | 'invalid-credentials'
  /** Brute-force lockout, temporary or permanent. */
  | 'locked'
  | 'disabled'
  /** Temporary password or pending required actions (Keycloak: "Account is not fully set up"). */
  | 'not-set-up';

export type SignInOutcome = { ok: true; user: RealmUser } | { ok: false; refusal: SignInRefusal };

/**
 * Checks a username and password against the realm the way Keycloak's direct-grant and browser flows
 * do: lockout first (so a locked account cannot be probed), then the password, then the account's state.
 * Failed attempts on known users count toward the lockout; a success resets it.
 */
export class PasswordAuthenticator {
  private readonly guard: BruteForceGuard;

  constructor(
    private readonly realm: Realm,
    private readonly logger: Logger,
    now: () => number = Date.now,
  ) {
    this.guard = new BruteForceGuard(realm.settings, now);
  }

  authenticate(username: string, password: string, clientId: string): SignInOutcome {
    const user = this.realm.user(username);
    if (!user) {
      this.logger.info('sign-in refused: unknown user', { clientId });
      return { ok: false, refusal: 'invalid-credentials' };
    }
    const gate = this.guard.check(user.id);
    if (!gate.allowed) {
      this.logger.warn('sign-in refused: account locked after repeated failures', {
        username: user.username,
        clientId,
      });
      // A permanent lockout disables the user in Keycloak, and it says so.
      return { ok: false, refusal: gate.permanently ? 'disabled' : 'locked' };
    }
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
    this.guard.recordSuccess(user.id);
    return { ok: true, user };
  }
}

/** Keycloak's `error_description` for each refusal at the token endpoint. */
export const REFUSAL_DESCRIPTION: Record<SignInRefusal, string> = {
  'invalid-credentials': 'Invalid user credentials',
  locked: 'Account is temporarily disabled; contact your administrator',
  disabled: 'Account disabled',
  'not-set-up': 'Account is not fully set up',
};
