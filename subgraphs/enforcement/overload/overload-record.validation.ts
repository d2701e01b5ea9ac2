import { plateNumberProblem } from '../../../platform/codes/plate-number';
import { regionCodeProblem } from '../../../platform/codes/region-code';
import type { OverloadRecordInput } from './inputs/submit-overload-records.input';
import { axleLimit, MAX_AXLES, MIN_AXLES } from './overload-limits';
import type { OverloadRecordProblem } from './overload-record.payload';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

export const MIN_GROSS_WEIGHT_KG = 1_000;
/** Beyond any weigh-in-motion scale's range; heavier is a misreading, not a vehicle. */
export const MAX_GROSS_WEIGHT_KG = 300_000;
/** Station clocks run a little apart from ours; a record further ahead than this is refused. */
export const CLOCK_SKEW_MS = 60_000;
/** A station catching up after an outage sends old records; older than a year is a wrong clock. */
export const MAX_RECORD_AGE_DAYS = 365;

const STATION_CODE = /^\d{10}$/;
const STATION_RECORD_ID = /^[\x21-\x7e]{1,64}$/;

/** A detection record that passed every check, ready to store. */
export interface CheckedOverloadRecord {
  stationCode: string;
  stationRecordId: string;
  /** The county of the station: the region responsible for the record. */
  regionCode: string;
  /** Cut to whole seconds, as DATETIME keeps it, so a resubmission compares equal. */
  detectedAt: Date;
  plateNumber: string;
  axleCount: number;
  grossWeightKg: number;
  limitKg: number;
}

export type CheckOutcome = { record: CheckedOverloadRecord } | { problems: OverloadRecordProblem[] };

function wholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Checks one record of a batch, every field, and names each problem by the record's position and
 * field (`records[3].grossWeightKg`). Nothing here reads the database.
 */
export function checkOverloadRecord(input: OverloadRecordInput, index: number, now: Date): CheckOutcome {
  const problems: OverloadRecordProblem[] = [];
  const problem = (field: keyof OverloadRecordInput, message: string) =>
    problems.push({ field: `records[${index}].${field}`, message });

  const stationCode = input.stationCode;
  if (!STATION_CODE.test(stationCode)) {
    problem('stationCode', "must be ten digits: the GB/T 2260 code of the station's county and a four-digit serial");
  } else {
    const regionProblem = regionCodeProblem(stationCode.slice(0, 6));
    if (regionProblem)
      problem(
        'stationCode',
        `must start with the GB/T 2260 code of the station's county: ${stationCode.slice(0, 6)} ${regionProblem}`,
      );
  }
  if (!STATION_RECORD_ID.test(input.stationRecordId))
    problem('stationRecordId', 'must be 1-64 visible ASCII characters without spaces');

  const detectedAt = input.detectedAt instanceof Date ? input.detectedAt : new Date(Number.NaN);
  if (Number.isNaN(detectedAt.getTime())) problem('detectedAt', 'is not a valid instant');
  else if (detectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) problem('detectedAt', 'is in the future');
  else if (detectedAt.getTime() < now.getTime() - MAX_RECORD_AGE_DAYS * 86_400_000)
    problem('detectedAt', `is more than ${MAX_RECORD_AGE_DAYS} days ago`);

  const plateProblem = plateNumberProblem(input.plateNumber);
  if (plateProblem) problem('plateNumber', plateProblem);

  const axlesValid = wholeNumber(input.axleCount) && input.axleCount >= MIN_AXLES && input.axleCount <= MAX_AXLES;
  if (!axlesValid) problem('axleCount', `must be a whole number between ${MIN_AXLES} and ${MAX_AXLES}`);

  if (
    !wholeNumber(input.grossWeightKg) ||
    input.grossWeightKg < MIN_GROSS_WEIGHT_KG ||
    input.grossWeightKg > MAX_GROSS_WEIGHT_KG
  ) {
    problem(
      'grossWeightKg',
      `must be a whole number of kilograms between ${MIN_GROSS_WEIGHT_KG} and ${MAX_GROSS_WEIGHT_KG}`,
    );
  }

  let limitKg = axlesValid ? axleLimit(input.axleCount).defaultKg : 0;
  if (input.limitKg !== null && input.limitKg !== undefined) {
    if (!wholeNumber(input.limitKg) || input.limitKg < MIN_GROSS_WEIGHT_KG) {
      problem('limitKg', `must be a whole number of kilograms, at least ${MIN_GROSS_WEIGHT_KG}`);
    } else if (axlesValid && input.limitKg > axleLimit(input.axleCount).maximumKg) {
      problem(
        'limitKg',
        `exceeds the GB 1589-2016 limit of ${axleLimit(input.axleCount).maximumKg} kg for ${input.axleCount} axles`,
      );
    } else {
      limitKg = input.limitKg;
    }
  }

  if (problems.length > 0) return { problems };
  return {
    record: {
      stationCode,
      stationRecordId: input.stationRecordId,
      regionCode: stationCode.slice(0, 6),
      detectedAt: wholeSeconds(detectedAt),
      plateNumber: input.plateNumber,
      axleCount: input.axleCount,
      grossWeightKg: input.grossWeightKg,
      limitKg,
    },
  };
}

/** Station and station record id: the key a record is known by, however often it is sent. */
export function stationKey(record: Pick<CheckedOverloadRecord, 'stationCode' | 'stationRecordId'>): string {
  return `${record.stationCode}\u0000${record.stationRecordId}`;
}

/** True when two records with one key say the same thing (a resubmission rather than a changed record). */
export function sameDetection(
  left: CheckedOverloadRecord,
  right: Omit<CheckedOverloadRecord, 'stationCode' | 'stationRecordId' | 'regionCode'>,
): boolean {
  return (
    left.detectedAt.getTime() === right.detectedAt.getTime() &&
    left.plateNumber === right.plateNumber &&
    left.axleCount === right.axleCount &&
    left.grossWeightKg === right.grossWeightKg &&
    left.limitKg === right.limitKg
  );
}
