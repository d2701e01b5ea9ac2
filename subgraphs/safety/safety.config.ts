import { z } from 'zod';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';

/** What safety runs on when nothing is set (also what specs build services with). */
export const SAFETY_DEFAULTS = {
  monitoring: {
    // 道路运输车辆动态监督管理办法: dynamic data are kept at least six months.
    retentionDays: 180,
    clockSkewSeconds: 60,
    coachSpeedLimitKmh: 100,
    hazardousSpeedLimitKmh: 80,
    freightSpeedLimitKmh: 100,
    speedingSustainedSeconds: 60,
    fatigueDayHours: 4,
    fatigueNightHours: 2,
    restMinutes: 20,
    offlineMinutes: 30,
    offlineCheckSeconds: 60,
    demoPositionsSeconds: 0,
  },
} as const;

const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const defaults = SAFETY_DEFAULTS.monitoring;

/** Safety's own settings: key-vehicle networked monitoring (联网联控) thresholds and position retention. */
export const SAFETY_CONFIG = defineConfigSection({
  variables: {
    SAFETY_POSITION_RETENTION_DAYS: whole(1, 3650, defaults.retentionDays),
    SAFETY_POSITION_CLOCK_SKEW_SECONDS: whole(0, 3600, defaults.clockSkewSeconds),
    SAFETY_COACH_SPEED_LIMIT_KMH: whole(30, 150, defaults.coachSpeedLimitKmh),
    SAFETY_HAZARDOUS_SPEED_LIMIT_KMH: whole(30, 150, defaults.hazardousSpeedLimitKmh),
    SAFETY_FREIGHT_SPEED_LIMIT_KMH: whole(30, 150, defaults.freightSpeedLimitKmh),
    SAFETY_SPEEDING_SUSTAINED_SECONDS: whole(0, 3600, defaults.speedingSustainedSeconds),
    SAFETY_FATIGUE_DAY_HOURS: whole(1, 12, defaults.fatigueDayHours),
    SAFETY_FATIGUE_NIGHT_HOURS: whole(1, 12, defaults.fatigueNightHours),
    SAFETY_FATIGUE_REST_MINUTES: whole(1, 240, defaults.restMinutes),
    SAFETY_OFFLINE_MINUTES: whole(1, 1440, defaults.offlineMinutes),
    SAFETY_OFFLINE_CHECK_SECONDS: whole(5, 3600, defaults.offlineCheckSeconds),
    SAFETY_DEMO_POSITIONS_SECONDS: whole(0, 3600, defaults.demoPositionsSeconds),
  },
  build: (values): SafetySettings => ({
    monitoring: {
      retentionDays: values.SAFETY_POSITION_RETENTION_DAYS,
      clockSkewSeconds: values.SAFETY_POSITION_CLOCK_SKEW_SECONDS,
      coachSpeedLimitKmh: values.SAFETY_COACH_SPEED_LIMIT_KMH,
      hazardousSpeedLimitKmh: values.SAFETY_HAZARDOUS_SPEED_LIMIT_KMH,
      freightSpeedLimitKmh: values.SAFETY_FREIGHT_SPEED_LIMIT_KMH,
      speedingSustainedSeconds: values.SAFETY_SPEEDING_SUSTAINED_SECONDS,
      fatigueDayHours: values.SAFETY_FATIGUE_DAY_HOURS,
      fatigueNightHours: values.SAFETY_FATIGUE_NIGHT_HOURS,
      restMinutes: values.SAFETY_FATIGUE_REST_MINUTES,
      offlineMinutes: values.SAFETY_OFFLINE_MINUTES,
      offlineCheckSeconds: values.SAFETY_OFFLINE_CHECK_SECONDS,
      demoPositionsSeconds: values.SAFETY_DEMO_POSITIONS_SECONDS,
    },
  }),
});

export interface MonitoringSettings {
  retentionDays: number;
  clockSkewSeconds: number;
  coachSpeedLimitKmh: number;
  hazardousSpeedLimitKmh: number;
  freightSpeedLimitKmh: number;
  speedingSustainedSeconds: number;
  fatigueDayHours: number;
  fatigueNightHours: number;
  restMinutes: number;
  offlineMinutes: number;
  offlineCheckSeconds: number;
  /** `npm start` sends the demo tankers' positions this often (0: never). */
  demoPositionsSeconds: number;
}

export interface SafetySettings {
  monitoring: MonitoringSettings;
}

export type SafetyConfig = SettingsOf<typeof SAFETY_CONFIG>;
