import { registerEnumType } from 'type-graphql';
import { addMonths } from '../disclosure/publicity-rules';

// The listing rules (列入严重失信主体名单的认定标准) in one place: which facts put a subject on the
// serious-dishonesty list, for how long, and which decisions count. The numbers are settings
// (credit.config.ts, README "Credit lists"); the defaults follow the NDRC's measures for serious-dishonesty
// lists (《失信行为纠正后的信用信息修复管理办法（试行）》: a listing lasts 3 years) and the joint
// discipline memorandum on illegal overloading (12个月内违法超限运输3次及以上).

export enum ListCriterion {
  PERMIT_REVOKED = 'PERMIT_REVOKED',
  REPEATED_SERIOUS_OVERLOAD = 'REPEATED_SERIOUS_OVERLOAD',
  FRAUDULENT_LICENSING = 'FRAUDULENT_LICENSING',
  MAJOR_SAFETY_ACCIDENT = 'MAJOR_SAFETY_ACCIDENT',
  REFUSED_PENALTY_EXECUTION = 'REFUSED_PENALTY_EXECUTION',
}

/** What each criterion says, in the words officers and the public read (列入依据). */
export const CRITERION_DESCRIPTIONS: Readonly<Record<ListCriterion, string>> = {
  PERMIT_REVOKED: '因严重违法行为被吊销道路运输经营许可证件',
  REPEATED_SERIOUS_OVERLOAD: '12个月内多次违法超限超载运输受到行政处罚',
  FRAUDULENT_LICENSING: '以欺骗、贿赂等不正当手段取得行政许可',
  MAJOR_SAFETY_ACCIDENT: '发生重大及以上生产安全责任事故',
  REFUSED_PENALTY_EXECUTION: '有履行能力但拒不履行行政处罚决定',
};

/** The criteria the system applies by itself to the decisions it hears of; the others an officer applies. */
export const AUTOMATIC_CRITERIA: readonly ListCriterion[] = [
  ListCriterion.PERMIT_REVOKED,
  ListCriterion.REPEATED_SERIOUS_OVERLOAD,
];

registerEnumType(ListCriterion, {
  name: 'ListCriterion',
  description: 'The criterion met (列入依据) that put a subject on a credit list.',
  valuesConfig: {
    PERMIT_REVOKED: {
      description: `${CRITERION_DESCRIPTIONS.PERMIT_REVOKED}: applied automatically when a permit is revoked.`,
    },
    REPEATED_SERIOUS_OVERLOAD: {
      description: `${CRITERION_DESCRIPTIONS.REPEATED_SERIOUS_OVERLOAD}: applied automatically (by default 3 penalised weigh-station overloads within 12 months).`,
    },
    FRAUDULENT_LICENSING: { description: CRITERION_DESCRIPTIONS.FRAUDULENT_LICENSING },
    MAJOR_SAFETY_ACCIDENT: { description: CRITERION_DESCRIPTIONS.MAJOR_SAFETY_ACCIDENT },
    REFUSED_PENALTY_EXECUTION: { description: CRITERION_DESCRIPTIONS.REFUSED_PENALTY_EXECUTION },
  },
});

/** The settings the rules read (credit.config.ts `lists`). */
export interface ListingRules {
  /** Years a listing lasts from its start (the planned removal date). */
  termYears: number;
  /** The automatic criteria in force; an empty list lists nothing by itself. */
  automaticCriteria: readonly ListCriterion[];
  /** REPEATED_SERIOUS_OVERLOAD: this many penalised serious overloads ... */
  overloadCount: number;
  /** ... within this many months. */
  overloadMonths: number;
  /** An overload counts when its worst record was at least this many percent above the limit. */
  seriousOverloadPercent: number;
}

/** When a listing that started at `startedAt` is due to end (the same instant `termYears` later). */
export function plannedRemovalAt(startedAt: Date, termYears: number): Date {
  return addMonths(startedAt, termYears * 12);
}

/** A decided overload case of one subject, as the overload criterion counts it. */
export interface CountedOverload {
  caseNumber: string;
  decidedAt: Date;
}

/** Whether a `case.decided` is a penalised serious overload the criterion counts. */
export function isSeriousOverload(
  decision: { penalty: string; creditCode: string | null; overloadExcessPercent?: number | null },
  rules: Pick<ListingRules, 'seriousOverloadPercent'>,
): boolean {
  if (decision.creditCode === null || decision.penalty === 'NO_PENALTY') return false;
  const excess = decision.overloadExcessPercent;
  return excess !== undefined && excess !== null && excess >= rules.seriousOverloadPercent;
}

/**
 * The overloads that meet REPEATED_SERIOUS_OVERLOAD together with `latest`: at least `overloadCount`
 * of the subject's overloads not yet behind a listing, `latest` among them, all within one window of
 * `overloadMonths` months (both ends included). The earliest such window is taken, so decisions that
 * arrive out of order list the subject as they would have in order. Null when the criterion is not met.
 */
export function overloadsMeetingCriterion(
  latest: CountedOverload,
  unlisted: readonly CountedOverload[],
  rules: Pick<ListingRules, 'overloadCount' | 'overloadMonths'>,
): CountedOverload[] | null {
  const all = [...unlisted.filter((each) => each.caseNumber !== latest.caseNumber), latest].sort(
    (left, right) =>
      left.decidedAt.getTime() - right.decidedAt.getTime() || left.caseNumber.localeCompare(right.caseNumber),
  );
  for (const [index, first] of all.entries()) {
    if (first.decidedAt > latest.decidedAt) break;
    const windowEnd = addMonths(first.decidedAt, rules.overloadMonths);
    if (windowEnd < latest.decidedAt) continue;
    const inWindow = all.slice(index).filter((each) => each.decidedAt <= windowEnd);
    if (inWindow.length >= rules.overloadCount) {
      const chosen = inWindow.slice(0, rules.overloadCount);
      // `latest` is what triggers the listing: it is one of the decisions behind it.
      if (!chosen.includes(latest)) chosen[chosen.length - 1] = latest;
      return chosen;
    }
  }
  return null;
}
