import { SAFETY_DEFAULTS } from '../safety.config';
import { PositionAlarm, type VehiclePositionInput } from './inputs/submit-vehicle-positions.input';
import { checkPosition } from './vehicle-position.validation';

const NOW = new Date('2026-12-01T02:00:00Z');
const input = (overrides: Partial<VehiclePositionInput> = {}): VehiclePositionInput => ({
  plateNumber: '苏A12345',
  time: new Date('2026-12-01T01:59:30Z'),
  longitude: 118.796877,
  latitude: 32.060255,
  speed: 62.5,
  heading: 90,
  alarms: [PositionAlarm.EMERGENCY, PositionAlarm.FATIGUE],
  ...overrides,
});
const problems = (overrides: Partial<VehiclePositionInput>) => {
  const outcome = checkPosition(input(overrides), 3, NOW, SAFETY_DEFAULTS.monitoring);
  return 'problems' in outcome ? outcome.problems.map((problem) => `${problem.field} ${problem.code}`) : [];
};

describe('checking one position', () => {
  it('keeps a good position compact: micro-degrees, tenths of km/h, alarm bits', () => {
    const outcome = checkPosition(input(), 0, NOW, SAFETY_DEFAULTS.monitoring);
    expect('position' in outcome && outcome.position).toMatchObject({
      longitudeE6: 118_796_877,
      latitudeE6: 32_060_255,
      speedDkmh: 625,
      heading: 90,
      alarmFlags: 1 | 4,
    });
  });

  it('names the field and a stable code of each problem', () => {
    expect(problems({ longitude: 151.2, latitude: -33.9 })).toEqual([
      'positions[3].longitude OUTSIDE_CHINA',
      'positions[3].latitude OUTSIDE_CHINA',
    ]);
    expect(problems({ speed: -1 })).toEqual(['positions[3].speed INVALID_SPEED']);
    expect(problems({ speed: 400 })).toEqual(['positions[3].speed INVALID_SPEED']);
    expect(problems({ heading: 360 })).toEqual(['positions[3].heading INVALID_HEADING']);
    expect(problems({ heading: 12.5 })).toEqual(['positions[3].heading INVALID_HEADING']);
    expect(problems({ plateNumber: 'ABC' })).toEqual(['positions[3].plateNumber INVALID_PLATE']);
  });

  it('accepts a clock up to the skew ahead and refuses one further ahead', () => {
    expect(problems({ time: new Date('2026-12-01T02:01:00Z') })).toEqual([]);
    expect(problems({ time: new Date('2026-12-01T02:01:01Z') })).toEqual(['positions[3].time FUTURE_TIME']);
    expect(problems({ time: new Date('2026-01-01T00:00:00Z') })).toEqual(['positions[3].time TOO_OLD']);
  });
});
