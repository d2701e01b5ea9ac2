import type { AppConfig } from '../../platform/config/config';
import { DECISION_PERIOD_DAYS } from './enforcement-case/decision-deadline';

/** The enforcement part of the configuration (CASE_* settings), as the services use it. */
export type EnforcementSettings = Pick<AppConfig['enforcement'], 'decisionDays' | 'majorFineFen' | 'responseDays'>;

/** The defaults of the configuration schema, for specs that build services without a whole config. */
export const DEFAULT_ENFORCEMENT_SETTINGS: EnforcementSettings = {
  decisionDays: DECISION_PERIOD_DAYS,
  majorFineFen: 1_000_000,
  responseDays: 5,
};
