import { z } from 'zod';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';
import { AUTOMATIC_CRITERIA, type ListCriterion } from './credit-list/list-criteria';

/** What credit runs on when nothing is set (also what specs build services with). */
export const CREDIT_DEFAULTS = {
  /** How often the publication job publishes due disclosures (双公示). */
  publicationIntervalSeconds: 30,
  /** Fines below this many fen (1,000 yuan) are minor: not disclosed, like warnings. */
  minorFineBelowFen: 100_000,
  // Publicity periods of penalties (NDRC 信用修复管理办法): ordinary dishonesty at least 3 months, at most
  // 1 year; serious dishonesty at least 1 year, at most 3 years, counted from the decision.
  ordinaryMinMonths: 3,
  ordinaryMaxMonths: 12,
  seriousMinMonths: 12,
  seriousMaxMonths: 36,
  /** A fine of at least this many fen (100,000 yuan) is serious dishonesty (严重失信). */
  seriousFineFen: 10_000_000,
  /** Penalty kinds that are serious dishonesty whatever the amount. */
  seriousPenalties: 'PERMIT_REVOCATION',
  /** Credit lists (信用名单): the listing term, the automatic criteria and the expiry job (README "Credit lists"). */
  listTermYears: 3,
  listAutomaticCriteria: 'PERMIT_REVOKED,REPEATED_SERIOUS_OVERLOAD',
  listOverloadCount: 3,
  listOverloadMonths: 12,
  listSeriousOverloadPercent: 0,
  listExpiryIntervalSeconds: 300,
  goodStandingMonths: 12,
} as const;

/** A comma-separated list of automatic criteria ('' for none). */
const automaticCriteria = z
  .string()
  .default(CREDIT_DEFAULTS.listAutomaticCriteria)
  .transform((value) =>
    value
      .split(',')
      .map((each) => each.trim())
      .filter((each) => each !== ''),
  )
  .refine((codes) => codes.every((code) => (AUTOMATIC_CRITERIA as readonly string[]).includes(code)), {
    message: `must name only ${AUTOMATIC_CRITERIA.join(', ')}, separated by commas`,
  })
  .transform((codes) => codes as ListCriterion[]);

const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Credit's own settings: the 双公示 publication job, publicity periods, and the credit lists. */
export const CREDIT_CONFIG = defineConfigSection({
  variables: {
    CREDIT_PUBLICATION_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(CREDIT_DEFAULTS.publicationIntervalSeconds),
    /** Deprecated alias of CREDIT_ORDINARY_MAX_MONTHS, read when that is unset. */
    CREDIT_PENALTY_PUBLIC_MONTHS: z.coerce.number().int().min(3).max(12).optional(),
    CREDIT_MINOR_FINE_BELOW_FEN: z.coerce
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .default(CREDIT_DEFAULTS.minorFineBelowFen),
    CREDIT_ORDINARY_MIN_MONTHS: whole(3, 12, CREDIT_DEFAULTS.ordinaryMinMonths),
    CREDIT_ORDINARY_MAX_MONTHS: z.coerce.number().int().min(3).max(12).optional(),
    CREDIT_SERIOUS_MIN_MONTHS: whole(12, 36, CREDIT_DEFAULTS.seriousMinMonths),
    CREDIT_SERIOUS_MAX_MONTHS: whole(12, 36, CREDIT_DEFAULTS.seriousMaxMonths),
    CREDIT_SERIOUS_FINE_FEN: z.coerce
      .number()
      .int()
      .min(1)
      .max(Number.MAX_SAFE_INTEGER)
      .default(CREDIT_DEFAULTS.seriousFineFen),
    CREDIT_SERIOUS_PENALTIES: z
      .string()
      .regex(/^[A-Z_]+(,[A-Z_]+)*$|^$/, 'must be penalty kinds separated by commas, e.g. PERMIT_REVOCATION')
      .default(CREDIT_DEFAULTS.seriousPenalties),
    CREDIT_LIST_TERM_YEARS: whole(1, 5, CREDIT_DEFAULTS.listTermYears),
    CREDIT_LIST_AUTOMATIC_CRITERIA: automaticCriteria,
    CREDIT_LIST_OVERLOAD_COUNT: whole(2, 50, CREDIT_DEFAULTS.listOverloadCount),
    CREDIT_LIST_OVERLOAD_MONTHS: whole(1, 36, CREDIT_DEFAULTS.listOverloadMonths),
    CREDIT_LIST_SERIOUS_OVERLOAD_PERCENT: whole(0, 1000, CREDIT_DEFAULTS.listSeriousOverloadPercent),
    CREDIT_LIST_EXPIRY_INTERVAL_SECONDS: whole(1, 86_400, CREDIT_DEFAULTS.listExpiryIntervalSeconds),
    CREDIT_GOOD_STANDING_MONTHS: whole(1, 60, CREDIT_DEFAULTS.goodStandingMonths),
  },
  build: (values) => {
    const ordinaryMax =
      values.CREDIT_ORDINARY_MAX_MONTHS ?? values.CREDIT_PENALTY_PUBLIC_MONTHS ?? CREDIT_DEFAULTS.ordinaryMaxMonths;
    return {
      publicationIntervalMs: values.CREDIT_PUBLICATION_INTERVAL_SECONDS * 1000,
      minorFineBelowFen: values.CREDIT_MINOR_FINE_BELOW_FEN,
      publicity: {
        ordinaryMinMonths: values.CREDIT_ORDINARY_MIN_MONTHS,
        // A maximum below the minimum would end the display before repair were possible: the minimum wins.
        ordinaryMaxMonths: Math.max(ordinaryMax, values.CREDIT_ORDINARY_MIN_MONTHS),
        seriousMinMonths: values.CREDIT_SERIOUS_MIN_MONTHS,
        seriousMaxMonths: Math.max(values.CREDIT_SERIOUS_MAX_MONTHS, values.CREDIT_SERIOUS_MIN_MONTHS),
        seriousFineFen: values.CREDIT_SERIOUS_FINE_FEN,
        seriousPenalties: values.CREDIT_SERIOUS_PENALTIES.split(',').filter((kind) => kind !== ''),
      },
      lists: {
        termYears: values.CREDIT_LIST_TERM_YEARS,
        automaticCriteria: values.CREDIT_LIST_AUTOMATIC_CRITERIA,
        overloadCount: values.CREDIT_LIST_OVERLOAD_COUNT,
        overloadMonths: values.CREDIT_LIST_OVERLOAD_MONTHS,
        seriousOverloadPercent: values.CREDIT_LIST_SERIOUS_OVERLOAD_PERCENT,
        expiryIntervalMs: values.CREDIT_LIST_EXPIRY_INTERVAL_SECONDS * 1000,
        goodStandingMonths: values.CREDIT_GOOD_STANDING_MONTHS,
      },
    };
  },
});

export type CreditConfig = SettingsOf<typeof CREDIT_CONFIG>;
