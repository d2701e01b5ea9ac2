// Gross-mass limits of GB 1589-2016 (汽车、挂车及汽车列车外廓尺寸、轴荷及质量限值), as the overload
// determination (超限认定标准) applies them, by axle count. A station may declare the limit of the vehicle
// it weighed (a three-axle combination's 27 t, say) but never more than the standard allows for the axles.

export interface AxleLimit {
  /** The limit when the station declares none: the goods vehicle's (货车) limit for the axles. */
  defaultKg: number;
  /** The highest limit the standard sets for any vehicle or combination (汽车列车) with the axles. */
  maximumKg: number;
}

export const MIN_AXLES = 2;
/** Six or more axles share one limit; more than twelve is no road vehicle a station weighs. */
export const MAX_AXLES = 12;

const LIMITS: Readonly<Record<number, AxleLimit>> = {
  2: { defaultKg: 18_000, maximumKg: 18_000 },
  3: { defaultKg: 25_000, maximumKg: 27_000 },
  4: { defaultKg: 31_000, maximumKg: 36_000 },
  5: { defaultKg: 43_000, maximumKg: 43_000 },
  6: { defaultKg: 49_000, maximumKg: 49_000 },
};

/** The limits for an axle count between MIN_AXLES and MAX_AXLES. */
export function axleLimit(axleCount: number): AxleLimit {
  return LIMITS[Math.min(axleCount, 6)];
}

/**
 * True when the gross weight exceeds the limit by more than the tolerance (检测误差): a weight exactly at
 * limit x (1 + tolerance) is not an overload. Compared in whole numbers (the tolerance in hundredths of a
 * percent), so 49 000 kg with 5 % allows exactly 51 450 kg and no binary fraction tips the boundary.
 */
export function isOverloaded(grossWeightKg: number, limitKg: number, tolerancePercent: number): boolean {
  const toleranceBasisPoints = Math.round(tolerancePercent * 100);
  return grossWeightKg * 10_000 > limitKg * (10_000 + toleranceBasisPoints);
}

/** Kilograms above the limit (0 when within it), as the case and the record show them. */
export function excessKg(grossWeightKg: number, limitKg: number): number {
  return Math.max(0, grossWeightKg - limitKg);
}
