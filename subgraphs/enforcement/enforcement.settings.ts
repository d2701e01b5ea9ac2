import { ENFORCEMENT_DEFAULTS, type EnforcementConfig } from './enforcement.config';

/** The case procedure's part of enforcement's settings (CASE_* in enforcement.config.ts), as the services use it. */
export type EnforcementSettings = Pick<EnforcementConfig, 'decisionDays' | 'majorFineFen' | 'responseDays'>;

/** The configuration's defaults, for specs that build services without a whole config. */
export const DEFAULT_ENFORCEMENT_SETTINGS: EnforcementSettings = {
  decisionDays: ENFORCEMENT_DEFAULTS.decisionDays,
  majorFineFen: ENFORCEMENT_DEFAULTS.majorFineFen,
  responseDays: ENFORCEMENT_DEFAULTS.responseDays,
};
