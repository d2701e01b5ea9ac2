import { z } from 'zod';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';

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
} as const;

const months = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Credit's own settings: the 双公示 publication job, what a penalty's disclosure covers and for how long. */
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
    CREDIT_ORDINARY_MIN_MONTHS: months(3, 12, CREDIT_DEFAULTS.ordinaryMinMonths),
    CREDIT_ORDINARY_MAX_MONTHS: z.coerce.number().int().min(3).max(12).optional(),
    CREDIT_SERIOUS_MIN_MONTHS: months(12, 36, CREDIT_DEFAULTS.seriousMinMonths),
    CREDIT_SERIOUS_MAX_MONTHS: months(12, 36, CREDIT_DEFAULTS.seriousMaxMonths),
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
    };
  },
});

export type CreditConfig = SettingsOf<typeof CREDIT_CONFIG>;
