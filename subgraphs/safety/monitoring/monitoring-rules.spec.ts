import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import { SAFETY_DEFAULTS } from '../safety.config';
import { advance, FRESH_STATE, isNight, type DerivedAlert, type MonitoringState } from './monitoring-rules';
import { SafetyAlertKind } from './safety-alert.entity';

const SETTINGS = SAFETY_DEFAULTS.monitoring;
const { HAZARDOUS_GOODS, SCHEDULED_COACH } = VehicleCategory;

/** Feeds positions `stepSeconds` apart from `start` (UTC) with the given speeds; returns the alerts raised. */
function drive(
  start: string,
  speeds: number[],
  category = HAZARDOUS_GOODS,
  stepSeconds = 30,
  from: MonitoringState = FRESH_STATE,
): { alerts: DerivedAlert[]; state: MonitoringState } {
  let state = from;
  const alerts: DerivedAlert[] = [];
  speeds.forEach((speedKmh, index) => {
    const recordedAt = new Date(new Date(start).getTime() + index * stepSeconds * 1000);
    const result = advance(state, { recordedAt, speedKmh }, '苏A12345', category, SETTINGS);
    state = result.state;
    alerts.push(...result.alerts);
  });
  return { alerts, state };
}

const kinds = (alerts: DerivedAlert[]) => alerts.map((alert) => alert.kind);
const repeat = (count: number, speed: number) => Array.from({ length: count }, () => speed);

describe('speeding (超速)', () => {
  it('raises one alert once a hazardous-goods vehicle has stayed above 80 km/h for 60 s', () => {
    // 02:00 UTC = 10:00 China time.
    expect(kinds(drive('2026-12-01T02:00:00Z', [85, 85]).alerts)).toEqual([]);
    const { alerts } = drive('2026-12-01T02:00:00Z', [85, 86, 87, 88, 90]);
    expect(kinds(alerts)).toEqual([SafetyAlertKind.SPEEDING]);
    expect(alerts[0].occurredAt.toISOString()).toBe('2026-12-01T02:01:00.000Z');
    expect(alerts[0].descriptionZh).toContain('超速');
    expect(alerts[0].descriptionEn).toContain('above its limit of 80 km/h');
  });

  it('does not alert a short burst, and a dip below the limit starts the run again', () => {
    expect(kinds(drive('2026-12-01T02:00:00Z', [85, 85, 70, 85, 85, 70, 85]).alerts)).toEqual([]);
  });

  it('applies the coach limit of 100 km/h to coaches', () => {
    expect(kinds(drive('2026-12-01T02:00:00Z', [95, 95, 95, 95], SCHEDULED_COACH).alerts)).toEqual([]);
    expect(kinds(drive('2026-12-01T02:00:00Z', [105, 105, 105], SCHEDULED_COACH).alerts)).toEqual([
      SafetyAlertKind.SPEEDING,
    ]);
  });
});

describe('fatigue driving (疲劳驾驶)', () => {
  it('alerts by day after more than 4 hours of driving, once per session', () => {
    // 01:00 UTC = 09:00 China time; positions every 5 minutes, 4 h 10 min of driving.
    const { alerts } = drive('2026-12-01T01:00:00Z', repeat(51, 60), HAZARDOUS_GOODS, 300);
    expect(kinds(alerts)).toEqual([SafetyAlertKind.FATIGUE_DRIVING]);
    expect(alerts[0].occurredAt.toISOString()).toBe('2026-12-01T05:05:00.000Z');
    expect(alerts[0].descriptionZh).toContain('日间 4 小时');
  });

  it('alerts at night after more than 2 hours', () => {
    // 15:00 UTC = 23:00 China time.
    const { alerts } = drive('2026-12-01T15:00:00Z', repeat(26, 60), HAZARDOUS_GOODS, 300);
    expect(kinds(alerts)).toEqual([SafetyAlertKind.FATIGUE_DRIVING]);
    expect(alerts[0].descriptionEn).toContain('night limit of 2 hours');
  });

  it('a rest of 20 minutes standing still starts a new session', () => {
    const morning = drive('2026-12-01T01:00:00Z', repeat(37, 60), HAZARDOUS_GOODS, 300); // 3 h
    const rest = drive('2026-12-01T04:05:00Z', repeat(5, 0), HAZARDOUS_GOODS, 300, morning.state); // 20 min
    const afternoon = drive('2026-12-01T04:30:00Z', repeat(25, 60), HAZARDOUS_GOODS, 300, rest.state); // 2 h
    expect(kinds([...morning.alerts, ...rest.alerts, ...afternoon.alerts])).toEqual([]);
    expect(afternoon.state.drivingSince?.toISOString()).toBe('2026-12-01T04:30:00.000Z');
  });

  it('a stop shorter than the rest period does not reset the session', () => {
    const morning = drive('2026-12-01T01:00:00Z', repeat(37, 60), HAZARDOUS_GOODS, 300); // 3 h
    const pause = drive('2026-12-01T04:05:00Z', repeat(3, 0), HAZARDOUS_GOODS, 300, morning.state); // 10 min
    const more = drive('2026-12-01T04:20:00Z', repeat(16, 60), HAZARDOUS_GOODS, 300, pause.state);
    expect(kinds(more.alerts)).toEqual([SafetyAlertKind.FATIGUE_DRIVING]);
  });

  it('a silence as long as a rest counts as a rest', () => {
    const morning = drive('2026-12-01T01:00:00Z', repeat(37, 60), HAZARDOUS_GOODS, 300);
    const after = drive('2026-12-01T04:30:00Z', repeat(25, 60), HAZARDOUS_GOODS, 300, morning.state);
    expect(kinds(after.alerts)).toEqual([]);
  });
});

describe('coaches at night (客车夜间禁行)', () => {
  it('alerts a moving coach between 02:00 and 05:00 China time, once a night', () => {
    // 18:10 UTC = 02:10 China time on 12-02.
    const { alerts } = drive('2026-12-01T18:10:00Z', [50, 50, 50], SCHEDULED_COACH);
    expect(kinds(alerts)).toEqual([SafetyAlertKind.NIGHT_COACH]);
    expect(alerts[0].descriptionZh).toContain('2026-12-02 02:10');
  });

  it('leaves a coach alone at 01:59 and 05:00 China time, a parked coach, and hazardous-goods vehicles', () => {
    expect(drive('2026-12-01T17:59:00Z', [50], SCHEDULED_COACH).alerts).toEqual([]);
    expect(drive('2026-12-01T21:00:00Z', [50], SCHEDULED_COACH).alerts).toEqual([]);
    expect(drive('2026-12-01T18:30:00Z', [0, 0], SCHEDULED_COACH).alerts).toEqual([]);
    expect(drive('2026-12-01T18:30:00Z', [50, 50], HAZARDOUS_GOODS).alerts).toEqual([]);
  });

  it('counts night by China time, not UTC', () => {
    expect(isNight(new Date('2026-12-01T14:00:00Z'))).toBe(true); // 22:00 China time
    expect(isNight(new Date('2026-12-01T13:59:00Z'))).toBe(false);
    expect(isNight(new Date('2026-12-01T22:00:00Z'))).toBe(false); // 06:00 China time
  });
});
