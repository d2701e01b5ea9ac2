import { RateLimiter } from './rate-limiter';

describe('the per-caller rate limiter', () => {
  it("allows a minute's quota in a burst, refuses the next with a wait, and refills over time", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20);
    expect(limiter.take('b')).toBe(0);
    now += 20_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('never refuses when the limit is switched off', () => {
    const limiter = new RateLimiter(0);
    for (let index = 0; index < 1000; index += 1) expect(limiter.take('a')).toBe(0);
  });
});
