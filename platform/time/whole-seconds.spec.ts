import { wholeSeconds } from './whole-seconds';

describe('wholeSeconds', () => {
  it('cuts an instant to its second, towards the past', () => {
    expect(wholeSeconds(new Date('2026-03-02T06:00:00.999Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(wholeSeconds(Date.parse('2026-03-02T06:00:01.001Z')).toISOString()).toBe('2026-03-02T06:00:01.000Z');
    expect(wholeSeconds(new Date('1969-12-31T23:59:59.500Z')).toISOString()).toBe('1969-12-31T23:59:59.000Z');
  });

  it('leaves a whole second as it is and does not change its argument', () => {
    const instant = new Date('2026-03-02T06:00:00.250Z');
    expect(wholeSeconds(wholeSeconds(instant)).getTime()).toBe(wholeSeconds(instant).getTime());
    expect(instant.getMilliseconds()).toBe(250);
  });

  it('is now, cut, when given nothing', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const cut = wholeSeconds().getTime();
    expect(cut % 1000).toBe(0);
    expect(cut).toBeGreaterThanOrEqual(before);
  });
});
