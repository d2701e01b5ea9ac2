import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkingCalendar, WorkingCalendar, type WorkingCalendarFile } from './working-calendar';

// dist/platform/time -> the project root
const SHIPPED_FILE = join(__dirname, '..', '..', '..', 'platform', 'time', 'working-calendar.json');

describe('the shipped working calendar (State Council holiday notices)', () => {
  const calendar = loadWorkingCalendar(SHIPPED_FILE);

  it('covers 2025 to 2027', () => {
    expect([calendar.firstDay, calendar.lastDay]).toEqual(['2025-01-01', '2027-12-31']);
    expect(calendar.covers('2026-11-24')).toBe(true);
    expect(calendar.covers('2028-01-03')).toBe(false);
  });

  it('knows the 2026 holidays and make-up working days', () => {
    // 春节 2026: 2月15日至23日放假, 2月14日(周六)、2月28日(周六)上班.
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    // An ordinary weekend.
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
    expect(calendar.holidayName('2026-10-05')).toBe('国庆节');
  });

  it('knows the 2025 arrangement', () => {
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday, 春节调休上班
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false); // Tuesday, 春节
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, 国庆节、中秋节
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休上班
  });

  it('counts across the Spring Festival and its make-up Saturday', () => {
    // Accepted on Friday 13 February 2026: Saturday the 14th is a working day, then the holiday to the 23rd.
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    expect(calendar.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
  });

  it('gives 20 working days from acceptance across 中秋节, 国庆节 and two make-up days', () => {
    // Counted by hand: Sep 16,17,18, 20 (Sunday worked), 21-24, [25-27 中秋], 28-30, [Oct 1-7 国庆],
    // Oct 8, 9, 10 (Saturday worked), 12-16, 19 -> the 20th working day is Monday 19 October.
    expect(calendar.addWorkingDays('2026-09-15', 20)).toBe('2026-10-19');
    // The deadline extended once by 10 working days (行政许可法 第四十二条).
    expect(calendar.addWorkingDays('2026-10-19', 10)).toBe('2026-11-02');
  });

  it('counts the acceptance day itself as day 0 and starts on the next day', () => {
    expect(calendar.addWorkingDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(calendar.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday -> Monday
    // From a holiday, the first working day after it.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04'); // 元旦 1-3 Jan, Sunday the 4th worked
  });

  it('counts beyond the listed years by weekends only', () => {
    expect(calendar.addWorkingDays('2027-12-30', 3)).toBe('2028-01-04'); // Thursday -> Fri 31, Mon 3, Tue 4
  });
});

describe('loading a working calendar', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'calendar-spec-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const definition = (overrides: Partial<WorkingCalendarFile['years'][number]> = {}): WorkingCalendarFile => ({
    timeZone: 'Asia/Shanghai',
    firstDay: '2026-01-01',
    lastDay: '2026-12-31',
    years: [
      {
        year: 2026,
        provisional: false,
        source: 'test',
        holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-03' }],
        makeUpWorkingDays: [],
        ...overrides,
      },
    ],
  });
  const write = (content: unknown) => {
    const file = join(directory, 'calendar.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('reads a valid file', () => {
    const calendar = loadWorkingCalendar(
      write(definition({ makeUpWorkingDays: [{ name: '元旦调休上班', date: '2026-01-04' }] })),
    );
    expect(calendar).toBeInstanceOf(WorkingCalendar);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
  });

  it('refuses a make-up working day that is a weekday', () => {
    expect(() =>
      loadWorkingCalendar(write(definition({ makeUpWorkingDays: [{ name: '调休', date: '2026-01-05' }] }))),
    ).toThrow(/2026-01-05 is a weekday, so it cannot be a make-up working day/);
  });

  it('refuses a day that is both a holiday and a make-up working day', () => {
    expect(() =>
      loadWorkingCalendar(write(definition({ makeUpWorkingDays: [{ name: '调休', date: '2026-01-03' }] }))),
    ).toThrow(/2026-01-03 is listed both as a holiday and as a make-up working day/);
  });

  it('refuses dates that do not exist and names where', () => {
    expect(() =>
      loadWorkingCalendar(write(definition({ holidays: [{ name: '假日', from: '2026-02-30', to: '2026-03-01' }] }))),
    ).toThrow(/years\.0\.holidays\.0\.from: is not a calendar date/);
  });

  it('names a missing file', () => {
    expect(() => loadWorkingCalendar(join(directory, 'missing.json'))).toThrow(/missing\.json cannot be read/);
  });
});
