import { isCoach, VehicleCategory } from '../../../platform/codes/vehicle-category';
import { chinaDate } from '../../../platform/time/china-time';
import type { MonitoringSettings } from '../safety.config';
import { SafetyAlertKind } from './safety-alert.entity';

// The rules of 道路运输车辆动态监督管理办法 applied to one vehicle's positions in time order. Pure: the
// state comes in and goes out, the service stores it per plate (vehicle_latest_position).

/** Below this a vehicle stands still: a parked terminal's fixes drift by a few km/h. */
export const MOVING_KMH = 5;
/** A silence longer than this breaks a speeding run: nobody knows how fast it went meanwhile. */
export const SPEEDING_GAP_MS = 5 * 60_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

export interface MonitoringState {
  recordedAt: Date | null;
  drivingSince: Date | null;
  stoppedSince: Date | null;
  speedingSince: Date | null;
  speedingAlerted: boolean;
  fatigueAlerted: boolean;
  nightAlertDate: string | null;
}

export const FRESH_STATE: MonitoringState = {
  recordedAt: null,
  drivingSince: null,
  stoppedSince: null,
  speedingSince: null,
  speedingAlerted: false,
  fatigueAlerted: false,
  nightAlertDate: null,
};

export interface Fix {
  recordedAt: Date;
  speedKmh: number;
}

export interface DerivedAlert {
  kind: SafetyAlertKind;
  occurredAt: Date;
  descriptionZh: string;
  descriptionEn: string;
}

/** The hour of the day in China Standard Time, 0-23. */
export function chinaHour(instant: Date): number {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).getUTCHours();
}

/** 22:00-06:00 China time: the night of the fatigue rule (夜间). */
export function isNight(instant: Date): boolean {
  const hour = chinaHour(instant);
  return hour >= 22 || hour < 6;
}

/** 02:00-05:00 China time: coaches may not run (客运车辆凌晨2时至5时停止运行). */
export function isCoachBanHour(instant: Date): boolean {
  const hour = chinaHour(instant);
  return hour >= 2 && hour < 5;
}

export function speedLimitKmh(category: VehicleCategory, settings: MonitoringSettings): number {
  if (isCoach(category)) return settings.coachSpeedLimitKmh;
  if (category === VehicleCategory.HAZARDOUS_GOODS) return settings.hazardousSpeedLimitKmh;
  return settings.freightSpeedLimitKmh;
}

function chinaClock(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/**
 * The state after one more position (later than `state.recordedAt`) and the alerts it raises. A vehicle
 * drives from its first moving fix; a standstill, or a silence, of the rest period ends the session.
 */
export function advance(
  state: MonitoringState,
  fix: Fix,
  plateNumber: string,
  category: VehicleCategory,
  settings: MonitoringSettings,
): { state: MonitoringState; alerts: DerivedAlert[] } {
  const at = fix.recordedAt.getTime();
  const restMs = settings.restMinutes * 60_000;
  const next: MonitoringState = { ...state, recordedAt: fix.recordedAt };
  const alerts: DerivedAlert[] = [];
  const gap = state.recordedAt === null ? Number.POSITIVE_INFINITY : at - state.recordedAt.getTime();
  if (gap >= restMs) {
    // A terminal falls silent with the engine off: a silence as long as a rest is a rest.
    Object.assign(next, { drivingSince: null, stoppedSince: null, fatigueAlerted: false });
  }
  if (gap > SPEEDING_GAP_MS) Object.assign(next, { speedingSince: null, speedingAlerted: false });

  const moving = fix.speedKmh >= MOVING_KMH;
  if (moving) {
    next.stoppedSince = null;
    next.drivingSince ??= fix.recordedAt;
  } else {
    next.stoppedSince ??= fix.recordedAt;
    if (at - next.stoppedSince.getTime() >= restMs) Object.assign(next, { drivingSince: null, fatigueAlerted: false });
  }

  if (moving && next.drivingSince !== null && !next.fatigueAlerted) {
    const night = isNight(fix.recordedAt);
    const limitHours = night ? settings.fatigueNightHours : settings.fatigueDayHours;
    const drivenMs = at - next.drivingSince.getTime();
    if (drivenMs > limitHours * 3600_000) {
      next.fatigueAlerted = true;
      alerts.push({
        kind: SafetyAlertKind.FATIGUE_DRIVING,
        occurredAt: fix.recordedAt,
        descriptionZh: `疲劳驾驶：车辆 ${plateNumber} 自 ${chinaClock(next.drivingSince)}（北京时间）起连续驾驶 ${minutes(drivenMs)} 分钟，超过${night ? '夜间' : '日间'} ${limitHours} 小时限值，期间未休息 ${settings.restMinutes} 分钟以上。`,
        descriptionEn: `Fatigue driving: ${plateNumber} has driven ${minutes(drivenMs)} minutes without a ${settings.restMinutes}-minute rest since ${chinaClock(next.drivingSince)} China time, beyond the ${night ? 'night' : 'day'} limit of ${limitHours} hours.`,
      });
    }
  }

  const limit = speedLimitKmh(category, settings);
  if (fix.speedKmh > limit) {
    next.speedingSince ??= fix.recordedAt;
    const sustainedMs = at - next.speedingSince.getTime();
    if (!next.speedingAlerted && sustainedMs >= settings.speedingSustainedSeconds * 1000) {
      next.speedingAlerted = true;
      alerts.push({
        kind: SafetyAlertKind.SPEEDING,
        occurredAt: fix.recordedAt,
        descriptionZh: `超速：车辆 ${plateNumber} 于 ${chinaClock(fix.recordedAt)}（北京时间）车速 ${fix.speedKmh} km/h，超过限速 ${limit} km/h，持续 ${Math.round(sustainedMs / 1000)} 秒。`,
        descriptionEn: `Speeding: ${plateNumber} at ${fix.speedKmh} km/h at ${chinaClock(fix.recordedAt)} China time, above its limit of ${limit} km/h for ${Math.round(sustainedMs / 1000)} s.`,
      });
    }
  } else {
    next.speedingSince = null;
    next.speedingAlerted = false;
  }

  if (moving && isCoach(category) && isCoachBanHour(fix.recordedAt)) {
    const night = chinaDate(fix.recordedAt);
    if (next.nightAlertDate !== night) {
      next.nightAlertDate = night;
      alerts.push({
        kind: SafetyAlertKind.NIGHT_COACH,
        occurredAt: fix.recordedAt,
        descriptionZh: `客车夜间违规运行：客车 ${plateNumber} 于 ${chinaClock(fix.recordedAt)}（北京时间）以 ${fix.speedKmh} km/h 行驶，凌晨2时至5时客车应停止运行。`,
        descriptionEn: `Coach running at night: ${plateNumber} was moving at ${fix.speedKmh} km/h at ${chinaClock(fix.recordedAt)} China time; coaches may not run between 02:00 and 05:00.`,
      });
    }
  }
  return { state: next, alerts };
}
