import { axleLimit, excessKg, isOverloaded } from './overload-limits';

describe('GB 1589-2016 gross-weight limits by axle count', () => {
  it.each([
    [2, 18_000, 18_000],
    [3, 25_000, 27_000],
    [4, 31_000, 36_000],
    [5, 43_000, 43_000],
    [6, 49_000, 49_000],
    [8, 49_000, 49_000],
  ])('%i axles: %i kg for a goods vehicle, at most %i kg for any combination', (axles, defaultKg, maximumKg) => {
    expect(axleLimit(axles)).toEqual({ defaultKg, maximumKg });
  });

  it('counts an overload only above limit x (1 + tolerance), exactly, for fractional tolerances too', () => {
    expect(isOverloaded(18_900, 18_000, 5)).toBe(false);
    expect(isOverloaded(18_901, 18_000, 5)).toBe(true);
    // 0.1 % of 49 000 kg is 49 kg: 100.1 is no exact binary fraction, the comparison must still be.
    expect(isOverloaded(49_049, 49_000, 0.1)).toBe(false);
    expect(isOverloaded(49_050, 49_000, 0.1)).toBe(true);
    expect(isOverloaded(49_001, 49_000, 0)).toBe(true);
    expect(isOverloaded(49_000, 49_000, 0)).toBe(false);
  });

  it('reports the excess over the limit, 0 when within it', () => {
    expect(excessKg(52_000, 49_000)).toBe(3_000);
    expect(excessKg(40_000, 49_000)).toBe(0);
  });
});
