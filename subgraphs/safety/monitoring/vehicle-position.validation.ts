import { plateNumberProblem } from '../../../platform/codes/plate-number';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { ALARM_BITS, type VehiclePositionInput } from './inputs/submit-vehicle-positions.input';
import { PositionProblemCode, type PositionProblem } from './vehicle-position.payload';

/** The batch limit: 500 positions (a 30-second round of a large platform's connection). */
export const MAX_POSITIONS_PER_BATCH = 500;
/** Beyond any road vehicle: a faster fix is a receiver fault, not a speed. */
export const MAX_SPEED_KMH = 220;
/**
 * China's bounding box in WGS-84 degrees, the South China Sea islands included. A box, not the border:
 * it catches swapped or zeroed coordinates and GCJ-02/BD-09 mix-ups far off, not a fix just abroad.
 */
export const CHINA_BOUNDS = { minLongitude: 73.5, maxLongitude: 135.1, minLatitude: 3.8, maxLatitude: 53.6 } as const;

/** A position that passed every check of its own, ready for the plate's checks and the rules. */
export interface CheckedPosition {
  index: number;
  plateNumber: string;
  recordedAt: Date;
  longitudeE6: number;
  latitudeE6: number;
  speedDkmh: number;
  heading: number;
  alarmFlags: number;
}

export type PositionCheck = { position: CheckedPosition } | { problems: PositionProblem[] };

export interface PositionLimits {
  clockSkewSeconds: number;
  retentionDays: number;
}

/** Checks one position on its own, every field; nothing here reads the database. */
export function checkPosition(
  input: VehiclePositionInput,
  index: number,
  now: Date,
  limits: PositionLimits,
): PositionCheck {
  const problems: PositionProblem[] = [];
  const problem = (field: keyof VehiclePositionInput, code: PositionProblemCode, message: string) =>
    problems.push({ field: `positions[${index}].${field}`, code, message });

  const plateProblem = plateNumberProblem(input.plateNumber);
  if (plateProblem) problem('plateNumber', PositionProblemCode.INVALID_PLATE, plateProblem);

  const time = input.time instanceof Date ? input.time : new Date(Number.NaN);
  if (Number.isNaN(time.getTime())) problem('time', PositionProblemCode.INVALID_TIME, 'is not a valid instant');
  else if (time.getTime() > now.getTime() + limits.clockSkewSeconds * 1000)
    problem('time', PositionProblemCode.FUTURE_TIME, `is more than ${limits.clockSkewSeconds} s in the future`);
  else if (time.getTime() < now.getTime() - limits.retentionDays * 86_400_000)
    problem('time', PositionProblemCode.TOO_OLD, `is older than the retention period of ${limits.retentionDays} days`);

  const { minLongitude, maxLongitude, minLatitude, maxLatitude } = CHINA_BOUNDS;
  if (!Number.isFinite(input.longitude) || input.longitude < minLongitude || input.longitude > maxLongitude)
    problem(
      'longitude',
      PositionProblemCode.OUTSIDE_CHINA,
      `must be WGS-84 degrees within ${minLongitude}-${maxLongitude}`,
    );
  if (!Number.isFinite(input.latitude) || input.latitude < minLatitude || input.latitude > maxLatitude)
    problem(
      'latitude',
      PositionProblemCode.OUTSIDE_CHINA,
      `must be WGS-84 degrees within ${minLatitude}-${maxLatitude}`,
    );
  if (!Number.isFinite(input.speed) || input.speed < 0 || input.speed > MAX_SPEED_KMH)
    problem('speed', PositionProblemCode.INVALID_SPEED, `must be between 0 and ${MAX_SPEED_KMH} km/h`);
  if (!Number.isInteger(input.heading) || input.heading < 0 || input.heading > 359)
    problem('heading', PositionProblemCode.INVALID_HEADING, 'must be a whole number of degrees 0-359');

  if (problems.length > 0) return { problems };
  return {
    position: {
      index,
      plateNumber: input.plateNumber,
      recordedAt: wholeSeconds(time),
      longitudeE6: Math.round(input.longitude * 1_000_000),
      latitudeE6: Math.round(input.latitude * 1_000_000),
      speedDkmh: Math.round(input.speed * 10),
      heading: input.heading,
      alarmFlags: (input.alarms ?? []).reduce((flags, alarm) => flags | ALARM_BITS[alarm], 0),
    },
  };
}

type Stored = Pick<CheckedPosition, 'longitudeE6' | 'latitudeE6' | 'speedDkmh' | 'heading' | 'alarmFlags'>;

/** True when a resubmission says what the stored position says (same plate and time assumed). */
export function samePosition(left: Stored, right: Stored): boolean {
  return (
    left.longitudeE6 === right.longitudeE6 &&
    left.latitudeE6 === right.latitudeE6 &&
    left.speedDkmh === right.speedDkmh &&
    left.heading === right.heading &&
    left.alarmFlags === right.alarmFlags
  );
}
