import { regionName } from '../../../platform/codes/region-code';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';

// The 双公示 rules credit applies (README, "Credit disclosure"). Dates are China Standard Time days.

/** Working days after the decision within which it must be public (7 个工作日内). */
export const PUBLICATION_WORKING_DAYS = 7;

/** Enforcement's decisions carry no legal basis; every road transport penalty rests on these. */
export const DEFAULT_PENALTY_LEGAL_BASIS = '《中华人民共和国行政处罚法》;《中华人民共和国道路运输条例》';

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant a China Standard Time day ends (the next day's midnight in Beijing). */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - CST_OFFSET_MS);
}

/** The transport authority of a region: 江苏省交通运输厅, 南京市交通运输局, 南京市玄武区交通运输局, 昆山市交通运输局. */
export function authorityNameOf(regionCode: string): string {
  const own = regionName(regionCode) ?? regionCode;
  if (regionCode.endsWith('0000')) return `${own}交通运输厅`;
  if (regionCode.endsWith('00')) return `${own}交通运输局`;
  // A district (区) is named with its city; a county or county-level city stands alone.
  const city = regionName(`${regionCode.slice(0, 4)}00`);
  return own.endsWith('区') && city ? `${city}${own}交通运输局` : `${own}交通运输局`;
}

/** The last day a decision of `decisionDate` may be published on: its 7th working day after. */
export function publicationDeadline(calendar: WorkingCalendar, decisionDate: string): string {
  return calendar.addWorkingDays(decisionDate, PUBLICATION_WORKING_DAYS);
}

const PENALTY_NAMES: Readonly<Record<string, string>> = {
  WARNING: '警告',
  FINE: '罚款',
  CONFISCATION: '没收违法所得、没收非法财物',
  PERMIT_SUSPENSION: '暂扣许可证件',
  PERMIT_REVOCATION: '吊销许可证件',
};

export interface PenaltyDisclosureRules {
  /** Fines below this are minor and, like warnings, not disclosed. */
  minorFineBelowFen: number;
}

/**
 * Why a penalty is not disclosed, or null when it is: a decision against no enterprise (a person's
 * personal information is never public), no penalty, a warning, or a fine below the minor threshold.
 */
export function penaltyNotDisclosed(
  decision: { creditCode: string | null; penalty: string; fineFen: number | null },
  rules: PenaltyDisclosureRules,
): string | null {
  if (decision.creditCode === null) return 'not against an enterprise';
  if (decision.penalty === 'NO_PENALTY') return 'no penalty';
  if (decision.penalty === 'WARNING') return 'a warning';
  if (decision.penalty === 'FINE' && (decision.fineFen ?? 0) < rules.minorFineBelowFen) return 'a minor fine';
  return null;
}

/** 罚款人民币5,000.00元 (and the decision's own words). */
export function penaltyContent(penalty: string, fineFen: number | null, summary: string): string {
  const name = PENALTY_NAMES[penalty] ?? penalty;
  const amount =
    fineFen === null
      ? ''
      : `人民币${(fineFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
  return `${name}${amount}。${summary}`.slice(0, 1200);
}
