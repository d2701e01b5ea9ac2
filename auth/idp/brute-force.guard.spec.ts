import { BruteForceGuard, type BruteForcePolicy } from './brute-force.guard';

// The realm's MLPS level-3 policy (auth/realm-transport.json).
const POLICY: BruteForcePolicy = {
  bruteForceProtected: true,
  permanentLockout: false,
  failureFactor: 5,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 900,
  maxDeltaTimeSeconds: 43200,
  quickLoginCheckMilliSeconds: 1000,
  minimumQuickLoginWaitSeconds: 60,
};

function guardWithClock(policy: BruteForcePolicy = POLICY) {
  const clock = { now: Date.UTC(2026, 0, 5, 9, 0, 0) };
  const guard = new BruteForceGuard(policy, () => clock.now);
  const advanceSeconds = (seconds: number) => {
    clock.now += seconds * 1000;
  };
  // A person typing: two seconds between attempts, slower than the quick-login check.
  const fail = (times: number) => {
    for (let attempt = 0; attempt < times; attempt += 1) {
      advanceSeconds(2);
      guard.recordFailure('officer');
    }
  };
  return { guard, advanceSeconds, fail };
}

describe('brute-force lockout', () => {
  it('lets a user keep trying through four failures', () => {
    const { guard, fail } = guardWithClock();
    fail(4);
    expect(guard.check('officer')).toEqual({ allowed: true });
  });

  it('locks the user for waitIncrementSeconds at the fifth consecutive failure', () => {
    const { guard, fail, advanceSeconds } = guardWithClock();
    fail(5);
    expect(guard.check('officer')).toEqual({ allowed: false, permanently: false, retryAfterSeconds: 60 });
    advanceSeconds(59);
    expect(guard.check('officer').allowed).toBe(false);
    advanceSeconds(1);
    expect(guard.check('officer')).toEqual({ allowed: true });
  });

  it('locks only the user who failed', () => {
    const { guard, fail } = guardWithClock();
    fail(5);
    expect(guard.check('someone-else')).toEqual({ allowed: true });
  });

  it('locks longer with every further round of failures, up to maxFailureWaitSeconds', () => {
    const { guard, fail, advanceSeconds } = guardWithClock();
    fail(5);
    advanceSeconds(60);
    fail(5);
    expect(guard.check('officer')).toMatchObject({ allowed: false, retryAfterSeconds: 120 });
    for (let round = 3; round <= 20; round += 1) {
      advanceSeconds(900);
      fail(5);
    }
    expect(guard.check('officer')).toMatchObject({ allowed: false, retryAfterSeconds: 900 });
  });

  it('forgets the failures after a successful sign-in', () => {
    const { guard, fail } = guardWithClock();
    fail(4);
    guard.recordSuccess('officer');
    fail(4);
    expect(guard.check('officer')).toEqual({ allowed: true });
  });

  it('starts counting again when failures are further apart than maxDeltaTimeSeconds', () => {
    const { guard, fail, advanceSeconds } = guardWithClock();
    fail(4);
    advanceSeconds(43201);
    fail(1);
    expect(guard.check('officer')).toEqual({ allowed: true });
  });

  it('locks for good when the realm says permanentLockout', () => {
    const { guard, fail, advanceSeconds } = guardWithClock({ ...POLICY, permanentLockout: true });
    fail(5);
    advanceSeconds(86400);
    expect(guard.check('officer')).toMatchObject({ allowed: false, permanently: true });
  });

  it('locks after two failures less than a second apart (quick-login check), for minimumQuickLoginWaitSeconds', () => {
    const { guard, advanceSeconds } = guardWithClock();
    guard.recordFailure('officer');
    advanceSeconds(0.5);
    guard.recordFailure('officer');
    expect(guard.check('officer')).toEqual({ allowed: false, permanently: false, retryAfterSeconds: 60 });
    advanceSeconds(60);
    expect(guard.check('officer')).toEqual({ allowed: true });
  });

  it('never locks when the realm is not brute-force protected', () => {
    const { guard, fail } = guardWithClock({ ...POLICY, bruteForceProtected: false });
    fail(50);
    expect(guard.check('officer')).toEqual({ allowed: true });
  });
});
