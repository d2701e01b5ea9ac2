import { registerEnumType } from 'type-graphql';

// How long a disclosed penalty stays public and when its subject may apply for repair (信用修复), after
// the NDRC's measures on credit repair (失信行为纠正后的信用信息修复管理办法（试行）): a penalty for
// ordinary dishonesty is public at least 3 months and at most 1 year from the decision, one for serious
// dishonesty at least 1 year and at most 3 years; after the minimum the subject may apply for repair, at
// the maximum the display ends by itself. Months are counted on China Standard Time calendar days.

/** How grave the dishonesty a penalty shows is (失信程度). */
export enum DishonestySeverity {
  ORDINARY = 'ORDINARY',
  SERIOUS = 'SERIOUS',
}

registerEnumType(DishonestySeverity, {
  name: 'DishonestySeverity',
  description: 'How grave the dishonesty a disclosed penalty shows is (失信程度); it sets the publicity period.',
  valuesConfig: {
    ORDINARY: { description: 'Ordinary dishonesty (一般失信): public at least 3 months, at most 1 year by default.' },
    SERIOUS: { description: 'Serious dishonesty (严重失信): public at least 1 year, at most 3 years by default.' },
  },
});

/** The configurable rules (credit.config.ts `publicity`). */
export interface PublicityRules {
  ordinaryMinMonths: number;
  ordinaryMaxMonths: number;
  seriousMinMonths: number;
  seriousMaxMonths: number;
  /** A fine of at least this many fen is serious. */
  seriousFineFen: number;
  /** Penalty kinds (as enforcement names them) that are serious whatever the amount, e.g. PERMIT_REVOCATION. */
  seriousPenalties: readonly string[];
}

/** Serious when the penalty kind is listed as serious, or a fine reaches the serious amount; else ordinary. */
export function severityOf(
  decision: { penalty: string; fineFen: number | null },
  rules: PublicityRules,
): DishonestySeverity {
  if (rules.seriousPenalties.includes(decision.penalty)) return DishonestySeverity.SERIOUS;
  if (decision.fineFen !== null && decision.fineFen >= rules.seriousFineFen) return DishonestySeverity.SERIOUS;
  return DishonestySeverity.ORDINARY;
}

export interface PublicityPeriod {
  /** From when repair may be applied for: the decision plus the minimum period. */
  repairableFrom: Date;
  /** When the display ends by itself: the decision plus the maximum period. */
  publicUntil: Date;
}

export function publicityPeriod(decidedAt: Date, severity: DishonestySeverity, rules: PublicityRules): PublicityPeriod {
  const [minimum, maximum] =
    severity === DishonestySeverity.SERIOUS
      ? [rules.seriousMinMonths, rules.seriousMaxMonths]
      : [rules.ordinaryMinMonths, rules.ordinaryMaxMonths];
  return { repairableFrom: addMonths(decidedAt, minimum), publicUntil: addMonths(decidedAt, maximum) };
}

const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * The same time of day `months` later on the China Standard Time calendar, clamped to the end of a
 * shorter month: 30 November + 3 months is 28 (or 29) February. An instant late in the UTC day is
 * already the next day in Beijing and is counted from that day.
 */
export function addMonths(instant: Date, months: number): Date {
  const china = new Date(instant.getTime() + CST_OFFSET_MS);
  const day = china.getUTCDate();
  china.setUTCDate(1);
  china.setUTCMonth(china.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + 1, 0)).getUTCDate();
  china.setUTCDate(Math.min(day, lastDay));
  return new Date(china.getTime() - CST_OFFSET_MS);
}
