import { z } from 'zod';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';

/** What safety runs on when nothing is set (also what specs build services with). */
export const SAFETY_DEFAULTS = {
  hazards: {
    // 隐患排查治理: a general hazard is put right within days, a major one needs a plan and longer.
    generalWorkingDays: 10,
    majorWorkingDays: 30,
  },
} as const;

const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Safety's own settings: rectification deadlines of hidden hazards (隐患整改期限), in working days. */
export const SAFETY_CONFIG = defineConfigSection({
  variables: {
    SAFETY_HAZARD_GENERAL_WORKING_DAYS: whole(1, 250, SAFETY_DEFAULTS.hazards.generalWorkingDays),
    SAFETY_HAZARD_MAJOR_WORKING_DAYS: whole(1, 250, SAFETY_DEFAULTS.hazards.majorWorkingDays),
  },
  build: (values): SafetySettings => ({
    hazards: {
      generalWorkingDays: values.SAFETY_HAZARD_GENERAL_WORKING_DAYS,
      majorWorkingDays: values.SAFETY_HAZARD_MAJOR_WORKING_DAYS,
    },
  }),
});

export interface HazardSettings {
  /** Working days to rectify a general hidden hazard (一般隐患), counted from the day after the inspection. */
  generalWorkingDays: number;
  /** Working days to rectify a major hidden hazard (重大隐患). */
  majorWorkingDays: number;
}

export interface SafetySettings {
  hazards: HazardSettings;
}

export type SafetyConfig = SettingsOf<typeof SAFETY_CONFIG>;
