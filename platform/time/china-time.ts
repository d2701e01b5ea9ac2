// Dates that officials and permits count by are calendar days in China Standard Time (UTC+8, no DST);
// instants are stored in UTC.
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar date in China Standard Time of an instant, YYYY-MM-DD. */
export function chinaDate(instant = new Date()): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China Standard Time, YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return chinaDate(now);
}

/** The year in China Standard Time of an instant. */
export function chinaYear(instant = new Date()): number {
  return Number(chinaDate(instant).slice(0, 4));
}

/** The month in China Standard Time of an instant, YYYY-MM. */
export function chinaMonth(instant = new Date()): string {
  return chinaDate(instant).slice(0, 7);
}
