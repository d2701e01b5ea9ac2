import { z } from 'zod';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';
import { DECISION_PERIOD_DAYS } from './enforcement-case/decision-deadline';

/** What enforcement runs on when nothing is set (also what specs build services with). */
export const ENFORCEMENT_DEFAULTS = {
  decisionDays: DECISION_PERIOD_DAYS,
  /** A fine of at least this many fen is major (较大数额): legal review and a hearing right. */
  majorFineFen: 1_000_000,
  /** Days after the notice of a proposed penalty for the party to state, defend or ask for a hearing. */
  responseDays: 5,
  overload: { tolerancePercent: 5, joinWindowHours: 24 },
} as const;

/** Enforcement's own settings: the case procedure's periods and thresholds, and the overload rules. */
export const ENFORCEMENT_CONFIG = defineConfigSection({
  variables: {
    CASE_DECISION_DAYS: z.coerce.number().int().min(1).max(365).default(ENFORCEMENT_DEFAULTS.decisionDays),
    CASE_MAJOR_FINE_FEN: z.coerce.number().int().min(1).max(2_147_483_647).default(ENFORCEMENT_DEFAULTS.majorFineFen),
    CASE_RESPONSE_DAYS: z.coerce.number().int().min(3).max(30).default(ENFORCEMENT_DEFAULTS.responseDays),
    OVERLOAD_TOLERANCE_PERCENT: z.coerce
      .number()
      .min(0)
      .max(50)
      .default(ENFORCEMENT_DEFAULTS.overload.tolerancePercent),
    OVERLOAD_JOIN_WINDOW_HOURS: z.coerce
      .number()
      .int()
      .min(0)
      .max(720)
      .default(ENFORCEMENT_DEFAULTS.overload.joinWindowHours),
  },
  build: (values) => ({
    decisionDays: values.CASE_DECISION_DAYS,
    majorFineFen: values.CASE_MAJOR_FINE_FEN,
    responseDays: values.CASE_RESPONSE_DAYS,
    /** How far over its limit a weigh-station record may be, and how long a draft case gathers overloads. */
    overload: {
      tolerancePercent: values.OVERLOAD_TOLERANCE_PERCENT,
      joinWindowHours: values.OVERLOAD_JOIN_WINDOW_HOURS,
    },
  }),
});

export type EnforcementConfig = SettingsOf<typeof ENFORCEMENT_CONFIG>;
