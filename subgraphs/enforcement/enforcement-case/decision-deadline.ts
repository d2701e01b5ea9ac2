import { chinaDate } from '../../kit/time/china-time';

/** Days from filing within which a case must be decided (交通运输行政执法程序规定: 立案之日起九十日内). */
export const DECISION_PERIOD_DAYS = 90;

/** The last day for the decision, YYYY-MM-DD in China Standard Time, counted from the filing day there. */
export function decisionDueDate(filedAt: Date): string {
  const day = new Date(`${chinaDate(filedAt)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + DECISION_PERIOD_DAYS);
  return day.toISOString().slice(0, 10);
}
