import { z } from 'zod';
import { CONFIG_RULES } from '../../platform/config/config';
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
  hazards: {
    // 隐患排查治理: a general hazard is put right within days, a major one needs a plan and longer.
    generalWorkingDays: 10,
    majorWorkingDays: 30,
  },
} as const;

/** The national safety supervision platform's defaults: the local simulator, signed requests. */
export const NATIONAL_SAFETY_PLATFORM_DEFAULTS = {
  url: 'http://127.0.0.1:4104',
  keyId: 'single-window-dev',
  // Known to the simulator; production refuses it.
  secret: 'dev-only-national-safety-platform-secret',
  timeoutMs: 5000,
  concurrency: 4,
  firstRetryMs: 500,
} as const;

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const monitoring = SAFETY_DEFAULTS.monitoring;

/**
 * Safety's own settings: key-vehicle networked monitoring (联网联控) thresholds and position retention,
 * rectification deadlines of hidden hazards (隐患整改期限, working days), and the link to the national safety
 * supervision platform (NATIONAL-SAFETY-CONTRACT.md).
 */
export const SAFETY_CONFIG = defineConfigSection({
  variables: {
    SAFETY_POSITION_RETENTION_DAYS: whole(1, 3650).default(monitoring.retentionDays),
    SAFETY_POSITION_CLOCK_SKEW_SECONDS: whole(0, 3600).default(monitoring.clockSkewSeconds),
    SAFETY_COACH_SPEED_LIMIT_KMH: whole(30, 150).default(monitoring.coachSpeedLimitKmh),
    SAFETY_HAZARDOUS_SPEED_LIMIT_KMH: whole(30, 150).default(monitoring.hazardousSpeedLimitKmh),
    SAFETY_FREIGHT_SPEED_LIMIT_KMH: whole(30, 150).default(monitoring.freightSpeedLimitKmh),
    SAFETY_SPEEDING_SUSTAINED_SECONDS: whole(0, 3600).default(monitoring.speedingSustainedSeconds),
    SAFETY_FATIGUE_DAY_HOURS: whole(1, 12).default(monitoring.fatigueDayHours),
    SAFETY_FATIGUE_NIGHT_HOURS: whole(1, 12).default(monitoring.fatigueNightHours),
    SAFETY_FATIGUE_REST_MINUTES: whole(1, 240).default(monitoring.restMinutes),
    SAFETY_OFFLINE_MINUTES: whole(1, 1440).default(monitoring.offlineMinutes),
    SAFETY_OFFLINE_CHECK_SECONDS: whole(5, 3600).default(monitoring.offlineCheckSeconds),
    SAFETY_DEMO_POSITIONS_SECONDS: whole(0, 3600).default(monitoring.demoPositionsSeconds),
    SAFETY_HAZARD_GENERAL_WORKING_DAYS: whole(1, 250).default(SAFETY_DEFAULTS.hazards.generalWorkingDays),
    SAFETY_HAZARD_MAJOR_WORKING_DAYS: whole(1, 250).default(SAFETY_DEFAULTS.hazards.majorWorkingDays),
    SAFETY_PLATFORM_URL: CONFIG_RULES.url.optional(),
    SAFETY_PLATFORM_TIMEOUT_MS: whole(100, 60_000).default(NATIONAL_SAFETY_PLATFORM_DEFAULTS.timeoutMs),
    SAFETY_PLATFORM_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores')
      .default(NATIONAL_SAFETY_PLATFORM_DEFAULTS.keyId),
    SAFETY_PLATFORM_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .default(NATIONAL_SAFETY_PLATFORM_DEFAULTS.secret),
    SAFETY_PLATFORM_CONCURRENCY: whole(1, 64).default(NATIONAL_SAFETY_PLATFORM_DEFAULTS.concurrency),
    SAFETY_PLATFORM_FIRST_RETRY_MS: whole(50, 60_000).default(NATIONAL_SAFETY_PLATFORM_DEFAULTS.firstRetryMs),
    /** Unset: OUTBOX_MAX_BACKOFF_MS, like every other outbox. */
    SAFETY_PLATFORM_MAX_BACKOFF_MS: whole(100, 3_600_000).optional(),
  },
  productionProblems: (values) => {
    const problems: Array<['SAFETY_PLATFORM_URL' | 'SAFETY_PLATFORM_SECRET', string]> = [];
    if (!values.SAFETY_PLATFORM_URL)
      problems.push([
        'SAFETY_PLATFORM_URL',
        'must name the real platform in production (the default is the simulator)',
      ]);
    if (values.SAFETY_PLATFORM_SECRET.startsWith('dev-only-'))
      problems.push(['SAFETY_PLATFORM_SECRET', 'must be set in production (the platform issues it with the key id)']);
    return problems;
  },
  build: (values, platform) => ({
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
    } satisfies MonitoringSettings,
    hazards: {
      generalWorkingDays: values.SAFETY_HAZARD_GENERAL_WORKING_DAYS,
      majorWorkingDays: values.SAFETY_HAZARD_MAJOR_WORKING_DAYS,
    } satisfies HazardSettings,
    nationalPlatform: {
      url: values.SAFETY_PLATFORM_URL ?? NATIONAL_SAFETY_PLATFORM_DEFAULTS.url,
      timeoutMs: values.SAFETY_PLATFORM_TIMEOUT_MS,
      authentication: {
        mode: 'signature' as const,
        keyId: values.SAFETY_PLATFORM_KEY_ID,
        secret: values.SAFETY_PLATFORM_SECRET,
      },
      concurrency: values.SAFETY_PLATFORM_CONCURRENCY,
      firstRetryMs: values.SAFETY_PLATFORM_FIRST_RETRY_MS,
      maxBackoffMs: Math.max(
        values.SAFETY_PLATFORM_MAX_BACKOFF_MS ?? platform.events.maxBackoffMs,
        values.SAFETY_PLATFORM_FIRST_RETRY_MS,
      ),
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

export interface HazardSettings {
  /** Working days to rectify a general hidden hazard (一般隐患), counted from the day after the inspection. */
  generalWorkingDays: number;
  /** Working days to rectify a major hidden hazard (重大隐患). */
  majorWorkingDays: number;
}

export type SafetyConfig = SettingsOf<typeof SAFETY_CONFIG>;
