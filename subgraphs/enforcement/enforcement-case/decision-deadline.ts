import { chinaDate } from '../../../platform/time/china-time';

/**
 * Days from filing within which a case must be decided by default (交通运输行政执法程序规定: 立案之日起
 * 九十日内); the setting is CASE_DECISION_DAYS (enforcement.config.ts).
 */
export const DECISION_PERIOD_DAYS = 90;

/** A calendar date `days` after another, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The last day for the decision, YYYY-MM-DD in China Standard Time, counted from the filing day there. */
export function decisionDueDate(filedAt: Date, days = DECISION_PERIOD_DAYS): string {
  return addDays(chinaDate(filedAt), days);
}
