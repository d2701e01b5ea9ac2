import { registerEnumType } from 'type-graphql';
import { invalidInput } from '../../../platform/errors/domain-error';
import { EARLIEST_YEAR, formatMonth, LATEST_YEAR } from '../statistics-calendar';

/** The length of the periods a series is told in. */
export enum PeriodGranularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(PeriodGranularity, {
  name: 'PeriodGranularity',
  description: 'Calendar periods in China Standard Time (统计周期).',
  valuesConfig: {
    MONTH: { description: '月: written YYYY-MM, e.g. 2026-03.' },
    QUARTER: { description: '季: written YYYY-Qn, e.g. 2026-Q1.' },
    YEAR: { description: '年: written YYYY, e.g. 2026.' },
  },
});

const PATTERN: Readonly<Record<PeriodGranularity, { regex: RegExp; form: string }>> = {
  MONTH: { regex: /^(\d{4})-(0[1-9]|1[0-2])$/, form: 'YYYY-MM' },
  QUARTER: { regex: /^(\d{4})-Q([1-4])$/, form: 'YYYY-Qn (n = 1-4)' },
  YEAR: { regex: /^(\d{4})$/, form: 'YYYY' },
};

const MONTHS_IN: Readonly<Record<PeriodGranularity, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** How many periods make a year: the distance to the same period a year before. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodGranularity, number>> = { MONTH: 12, QUARTER: 4, YEAR: 1 };

/** A period as a number counted from year 0 in its granularity, so ranges are subtractions. */
export function parsePeriod(field: string, granularity: PeriodGranularity, value: string): number {
  const { regex, form } = PATTERN[granularity];
  const match = typeof value === 'string' ? regex.exec(value) : null;
  if (!match) throw invalidInput(field, `must be a ${granularity.toLowerCase()} written ${form}`);
  const year = Number(match[1]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR)
    throw invalidInput(field, `must be a period of ${EARLIEST_YEAR}-${LATEST_YEAR}`);
  const within = match[2] === undefined ? 0 : Number(match[2]) - 1;
  return year * PERIODS_PER_YEAR[granularity] + within;
}

export function formatPeriod(granularity: PeriodGranularity, period: number): string {
  const perYear = PERIODS_PER_YEAR[granularity];
  const year = Math.floor(period / perYear);
  if (granularity === PeriodGranularity.YEAR) return String(year);
  if (granularity === PeriodGranularity.QUARTER) return `${year}-Q${(period % perYear) + 1}`;
  return `${year}-${String((period % perYear) + 1).padStart(2, '0')}`;
}

/** The months (numbered as statistics-calendar's parseMonth numbers them) a period covers, first and last. */
export function monthsOfPeriod(granularity: PeriodGranularity, period: number): { first: number; last: number } {
  const first = period * MONTHS_IN[granularity];
  return { first, last: first + MONTHS_IN[granularity] - 1 };
}

/** Every month as YYYY-MM from the first of period `from` to the last of period `to`. */
export function monthsBetween(granularity: PeriodGranularity, from: number, to: number): string[] {
  const labels = [];
  for (let month = monthsOfPeriod(granularity, from).first; month <= monthsOfPeriod(granularity, to).last; month += 1)
    labels.push(formatMonth(month));
  return labels;
}

/** Every month of a period as YYYY-MM. */
export function monthLabels(granularity: PeriodGranularity, period: number): string[] {
  return monthsBetween(granularity, period, period);
}

/** A validated range of periods, from and to inclusive, at most `maxPeriods` long. */
export function periodRange(
  granularity: PeriodGranularity,
  from: string,
  to: string,
  maxPeriods: number,
): { from: number; to: number } {
  const first = parsePeriod('from', granularity, from);
  const last = parsePeriod('to', granularity, to);
  if (last < first) throw invalidInput('to', 'must not be before from');
  if (last - first + 1 > maxPeriods)
    throw invalidInput('to', `must be at most ${maxPeriods} periods from from, inclusive`);
  return { from: first, to: last };
}
