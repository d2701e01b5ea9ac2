import { z } from 'zod';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';

/** What credit runs on when nothing is set (also what specs build services with). */
export const CREDIT_DEFAULTS = {
  /** How often the publication job publishes due disclosures (双公示). */
  publicationIntervalSeconds: 30,
  /** Months an ordinary penalty stays public, counted from the decision (at least 3, at most 12). */
  penaltyPublicMonths: 12,
  /** Fines below this many fen (1,000 yuan) are minor: not disclosed, like warnings. */
  minorFineBelowFen: 100_000,
} as const;

/** Credit's own settings: the 双公示 publication job and what a penalty's disclosure covers. */
export const CREDIT_CONFIG = defineConfigSection({
  variables: {
    CREDIT_PUBLICATION_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(CREDIT_DEFAULTS.publicationIntervalSeconds),
    CREDIT_PENALTY_PUBLIC_MONTHS: z.coerce.number().int().min(3).max(12).default(CREDIT_DEFAULTS.penaltyPublicMonths),
    CREDIT_MINOR_FINE_BELOW_FEN: z.coerce
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .default(CREDIT_DEFAULTS.minorFineBelowFen),
  },
  build: (values) => ({
    publicationIntervalMs: values.CREDIT_PUBLICATION_INTERVAL_SECONDS * 1000,
    penaltyPublicMonths: values.CREDIT_PENALTY_PUBLIC_MONTHS,
    minorFineBelowFen: values.CREDIT_MINOR_FINE_BELOW_FEN,
  }),
});

export type CreditConfig = SettingsOf<typeof CREDIT_CONFIG>;
