/** The realm's brute-force detection settings, named as in a Keycloak realm export. */
export interface BruteForcePolicy {
  bruteForceProtected: boolean;
  permanentLockout: boolean;
  /** Consecutive failures that lock the account. */
  failureFactor: number;
  /** Lock time per `failureFactor` failures. */
  waitIncrementSeconds: number;
  /** Longest temporary lock. */
  maxFailureWaitSeconds: number;
  /** Failures further apart than this start the count again. */
  maxDeltaTimeSeconds: number;
  /** A failure this soon after the previous one is a "quick login"… */
  quickLoginCheckMilliSeconds: number;
  /** …and locks the user for at least this long, whatever the count. */
  minimumQuickLoginWaitSeconds: number;
}

export type LoginGate = { allowed: true } | { allowed: false; permanently: boolean; retryAfterSeconds: number };

interface FailureRecord {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  permanentlyLocked: boolean;
}

/**
 * Keycloak's brute-force detection for one realm, in memory: after `failureFactor` consecutive failed
 * sign-ins a user is refused, even with the right password, for `waitIncrementSeconds` times the number
 * of completed `failureFactor` rounds (at most `maxFailureWaitSeconds`), or for good with
 * `permanentLockout`; two failures less than `quickLoginCheckMilliSeconds` apart lock for
 * `minimumQuickLoginWaitSeconds`. A success resets the count. Only known users are tracked, so the map stays as
 * small as the realm.
 */
export class BruteForceGuard {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    private readonly policy: BruteForcePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the user may try to sign in now (checked before the password is). */
  check(userId: string): LoginGate {
    const record = this.records.get(userId);
    if (!this.policy.bruteForceProtected || !record) return { allowed: true };
    if (record.permanentlyLocked) return { allowed: false, permanently: true, retryAfterSeconds: Infinity };
    const remaining = record.lockedUntil - this.now();
    return remaining > 0
      ? { allowed: false, permanently: false, retryAfterSeconds: Math.ceil(remaining / 1000) }
      : { allowed: true };
  }

  recordFailure(userId: string): void {
    if (!this.policy.bruteForceProtected) return;
    const now = this.now();
    const previous = this.records.get(userId);
    const withinWindow =
      previous !== undefined && now - previous.lastFailureAt <= this.policy.maxDeltaTimeSeconds * 1000;
    const record: FailureRecord = {
      failures: withinWindow ? previous.failures + 1 : 1,
      lastFailureAt: now,
      lockedUntil: previous?.lockedUntil ?? 0,
      permanentlyLocked: previous?.permanentlyLocked ?? false,
    };
    if (record.failures >= this.policy.failureFactor && this.policy.permanentLockout) {
      record.permanentlyLocked = true;
    } else {
      // Keycloak's DefaultBruteForceProtector: the wait grows by waitIncrementSeconds per completed round
      // of failureFactor failures; below a round, a failure within quickLoginCheckMilliSeconds of the
      // previous one (a script, not a person typing) still locks for minimumQuickLoginWaitSeconds.
      let waitSeconds = this.policy.waitIncrementSeconds * Math.floor(record.failures / this.policy.failureFactor);
      if (
        waitSeconds === 0 &&
        previous !== undefined &&
        now - previous.lastFailureAt < this.policy.quickLoginCheckMilliSeconds
      )
        waitSeconds = this.policy.minimumQuickLoginWaitSeconds;
      if (waitSeconds > 0) record.lockedUntil = now + Math.min(waitSeconds, this.policy.maxFailureWaitSeconds) * 1000;
    }
    this.records.set(userId, record);
  }

  recordSuccess(userId: string): void {
    this.records.delete(userId);
  }
}
