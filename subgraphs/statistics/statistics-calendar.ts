import { assertInteger } from '../../platform/codes/assert-input';
import { invalidInput } from '../../platform/errors/domain-error';

// Years and months the statistics are asked about: calendar periods in China Standard Time.

export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

/** A year as asked for in an argument; BAD_USER_INPUT naming `field` outside EARLIEST_YEAR..LATEST_YEAR. */
export function assertYear(field: string, value: number): number {
  return assertInteger(field, value, EARLIEST_YEAR, LATEST_YEAR);
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months counted from year 0, so a range's length is a subtraction. */
export function parseMonth(field: string, value: string): number {
  const match = MONTH_PATTERN.exec(value);
  if (!match) throw invalidInput(field, 'must be a month in the form YYYY-MM');
  const year = Number(match[1]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR)
    throw invalidInput(field, `must be a month of ${EARLIEST_YEAR}-${LATEST_YEAR}`);
  return year * 12 + Number(match[2]) - 1;
}

export function formatMonth(monthNumber: number): string {
  const year = Math.floor(monthNumber / 12);
  return `${year}-${String((monthNumber % 12) + 1).padStart(2, '0')}`;
}

/** The first and last month of a year, for `month BETWEEN ? AND ?`. */
export function monthsOfYear(year: number): { first: string; last: string } {
  return { first: `${year}-01`, last: `${year}-12` };
}
