import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

// Statutory licensing deadlines count working days (行政许可法 第八十二条): weekends and public holidays
// do not count, make-up working days (调休上班) on a weekend do. Every date here is a China Standard Time
// calendar day written YYYY-MM-DD, so the arithmetic never depends on the server's time zone.

const DAY_MS = 86_400_000;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => toDayNumber(value) !== null, 'is not a calendar date');

const calendarFileSchema = z.object({
  description: z.string().optional(),
  timeZone: z.literal('Asia/Shanghai'),
  firstDay: isoDate,
  lastDay: isoDate,
  years: z.array(
    z.object({
      year: z.number().int(),
      provisional: z.boolean(),
      source: z.string().min(1),
      holidays: z.array(z.object({ name: z.string().min(1), from: isoDate, to: isoDate })),
      makeUpWorkingDays: z.array(z.object({ name: z.string().min(1), date: isoDate })),
    }),
  ),
});

export type WorkingCalendarFile = z.infer<typeof calendarFileSchema>;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real date (2026-02-30). */
function toDayNumber(date: string): number | null {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return null;
  const day = time / DAY_MS;
  return fromDayNumber(day) === date ? day : null;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayNumber(date: string): number {
  const day = toDayNumber(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return day;
}

/** 0 Sunday ... 6 Saturday. */
function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export class WorkingCalendar {
  // Day numbers (days since 1970-01-01): counting walks integers, never formats a date per day.
  private readonly holidays = new Map<number, string>();
  private readonly makeUpWorkingDays = new Set<number>();
  readonly firstDay: string;
  readonly lastDay: string;

  constructor(definition: WorkingCalendarFile) {
    this.firstDay = definition.firstDay;
    this.lastDay = definition.lastDay;
    for (const year of definition.years) {
      for (const holiday of year.holidays) {
        for (let day = dayNumber(holiday.from); day <= dayNumber(holiday.to); day += 1)
          this.holidays.set(day, holiday.name);
      }
      for (const makeUp of year.makeUpWorkingDays) this.makeUpWorkingDays.add(dayNumber(makeUp.date));
    }
  }

  /** True when the calendar lists the date's year; outside it only weekends are known. */
  covers(date: string): boolean {
    return date >= this.firstDay && date <= this.lastDay;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumber(date));
  }

  /**
   * The `count`-th working day after `date` (the day of acceptance does not count: 期限从次日起算).
   * `count` 0 is the date itself.
   */
  addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`working days must be a whole number of at least 0, not ${count}`);
    let day = dayNumber(date);
    let remaining = count;
    while (remaining > 0) {
      day += 1;
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return fromDayNumber(day);
  }

  /**
   * Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`,
   * counting the working days between them. 0 when they are the same day.
   */
  workingDaysBetween(from: string, to: string): number {
    const start = dayNumber(from);
    const end = dayNumber(to);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) if (this.isWorkingDayNumber(day)) count += 1;
    return sign * count;
  }

  /** The holiday a date falls in, by name, or null. */
  holidayName(date: string): string | null {
    return this.holidays.get(dayNumber(date)) ?? null;
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.makeUpWorkingDays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const dayOfWeek = weekday(day);
    return dayOfWeek !== 0 && dayOfWeek !== 6;
  }
}

export class WorkingCalendarError extends Error {}

/** Checks a calendar definition: real dates, make-up days on weekends, nothing both a holiday and a working day. */
export function workingCalendarProblems(definition: WorkingCalendarFile): string[] {
  const problems: string[] = [];
  if (definition.firstDay > definition.lastDay) problems.push('firstDay is after lastDay');
  const holidayDates = new Set<string>();
  for (const year of definition.years) {
    const inYear = (date: string) =>
      date.startsWith(`${year.year}-`) ||
      date.startsWith(`${year.year + 1}-01`) ||
      date.startsWith(`${year.year - 1}-12`);
    for (const holiday of year.holidays) {
      if (holiday.from > holiday.to)
        problems.push(`${year.year} ${holiday.name}: from ${holiday.from} is after to ${holiday.to}`);
      if (!inYear(holiday.from) || !inYear(holiday.to))
        problems.push(`${year.year} ${holiday.name}: ${holiday.from}..${holiday.to} is not in ${year.year}`);
      for (let day = dayNumber(holiday.from); day <= dayNumber(holiday.to); day += 1)
        holidayDates.add(fromDayNumber(day));
    }
    for (const makeUp of year.makeUpWorkingDays) {
      const day = weekday(dayNumber(makeUp.date));
      if (day !== 0 && day !== 6)
        problems.push(
          `${year.year} ${makeUp.name}: ${makeUp.date} is a weekday, so it cannot be a make-up working day`,
        );
      if (!inYear(makeUp.date)) problems.push(`${year.year} ${makeUp.name}: ${makeUp.date} is not in ${year.year}`);
    }
  }
  for (const year of definition.years) {
    for (const makeUp of year.makeUpWorkingDays) {
      if (holidayDates.has(makeUp.date))
        problems.push(`${makeUp.date} is listed both as a holiday and as a make-up working day`);
    }
  }
  return problems;
}

/** Reads and checks the calendar file (`WORKING_CALENDAR_FILE`, relative to the working directory). */
export function loadWorkingCalendar(file: string): WorkingCalendar {
  const path = resolve(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new WorkingCalendarError(
      `working calendar ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = calendarFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new WorkingCalendarError(
      `working calendar ${path} is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const problems = workingCalendarProblems(parsed.data);
  if (problems.length > 0)
    throw new WorkingCalendarError(`working calendar ${path} is inconsistent: ${problems.join('; ')}`);
  return new WorkingCalendar(parsed.data);
}
