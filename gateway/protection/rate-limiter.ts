/**
 * Per-caller token buckets: each caller may make `perMinute` requests a minute, with bursts up to the
 * same number. Kept in memory per gateway process (a shared store is for when the gateway scales out).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one request from the caller's bucket; returns 0 when allowed, else the seconds to wait. */
  take(caller: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(caller, bucket);
    if (this.buckets.size > 100_000) this.forgetFullBuckets(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000);
  }

  // A full bucket carries no information; dropping it bounds memory under many distinct callers.
  private forgetFullBuckets(now: number): void {
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.perMinute) this.buckets.delete(caller);
    }
  }
}
