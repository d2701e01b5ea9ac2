import { join } from 'node:path';
import { loadWorkingCalendar } from '../../../platform/time/working-calendar';
import { SAFETY_DEFAULTS } from '../safety.config';
import {
  HazardLevel,
  HazardStatus,
  HazardStep,
  hazardStepRefusal,
  isOverdue,
  rectificationDeadline,
} from './hazard-rules';

// dist/subgraphs/safety/hazard -> the project root
const CALENDAR = loadWorkingCalendar(
  join(__dirname, '..', '..', '..', '..', 'platform', 'time', 'working-calendar.json'),
);
const DEFAULTS = SAFETY_DEFAULTS.hazards;

describe('rectification deadlines in working days', () => {
  it('gives a general hazard 10 working days, across the National Day holiday and its make-up Saturday', () => {
    // Found on Monday 28 September 2026: 29, 30 Sep; 1-7 Oct off; 8, 9, Saturday 10 (调休上班), 12-16 Oct.
    expect(rectificationDeadline(CALENDAR, DEFAULTS, HazardLevel.GENERAL, '2026-09-28')).toBe('2026-10-16');
  });

  it('gives a major hazard 30 working days, across the Spring Festival', () => {
    // Found on Friday 13 February 2026: Saturday the 14th works, the 15th-23rd are off, the 28th works.
    expect(rectificationDeadline(CALENDAR, DEFAULTS, HazardLevel.MAJOR, '2026-02-13')).toBe('2026-04-02');
  });

  it('counts from the next day and never ends on a weekend or holiday', () => {
    expect(rectificationDeadline(CALENDAR, DEFAULTS, HazardLevel.GENERAL, '2026-11-27')).toBe('2026-12-11');
    const deadline = rectificationDeadline(CALENDAR, DEFAULTS, HazardLevel.GENERAL, '2026-04-30');
    expect(CALENDAR.isWorkingDay(deadline)).toBe(true);
    expect(CALENDAR.workingDaysBetween('2026-04-30', deadline)).toBe(10);
  });

  it('takes the configured days per level', () => {
    const settings = { generalWorkingDays: 1, majorWorkingDays: 2 };
    expect(rectificationDeadline(CALENDAR, settings, HazardLevel.GENERAL, '2026-12-04')).toBe('2026-12-07');
    expect(rectificationDeadline(CALENDAR, settings, HazardLevel.MAJOR, '2026-12-04')).toBe('2026-12-08');
  });

  it('calls an open hazard overdue only after its deadline day', () => {
    expect(isOverdue(HazardStatus.OPEN, '2026-12-03', '2026-12-03')).toBe(false);
    expect(isOverdue(HazardStatus.OPEN, '2026-12-03', '2026-12-04')).toBe(true);
    expect(isOverdue(HazardStatus.RECTIFIED, '2026-12-03', '2026-12-04')).toBe(false);
    expect(isOverdue(HazardStatus.CLOSED, '2026-12-03', '2026-12-04')).toBe(false);
  });
});

describe('the rectification steps and the second pair of eyes', () => {
  const found = { inspectedBy: 'inspector', rectificationReportedBy: null };
  const reported = { inspectedBy: 'inspector', rectificationReportedBy: 'reporter' };

  it('lets anyone report the rectification of an open hazard, the inspector included', () => {
    expect(hazardStepRefusal(HazardStatus.OPEN, HazardStep.REPORT_RECTIFICATION, 'inspector', found)).toBeNull();
    expect(hazardStepRefusal(HazardStatus.OPEN, HazardStep.REPORT_RECTIFICATION, 'enterprise', found)).toBeNull();
  });

  it('lets a third officer verify, either way', () => {
    expect(hazardStepRefusal(HazardStatus.RECTIFIED, HazardStep.VERIFY_PASSED, 'verifier', reported)).toBeNull();
    expect(hazardStepRefusal(HazardStatus.RECTIFIED, HazardStep.VERIFY_FAILED, 'verifier', reported)).toBeNull();
  });

  it('refuses verification to the officer who reported the rectification and to the inspector', () => {
    for (const step of [HazardStep.VERIFY_PASSED, HazardStep.VERIFY_FAILED]) {
      expect(hazardStepRefusal(HazardStatus.RECTIFIED, step, 'reporter', reported)?.kind).toBe('HAZARD_SAME_OFFICER');
      expect(hazardStepRefusal(HazardStatus.RECTIFIED, step, 'inspector', reported)?.kind).toBe('HAZARD_SAME_OFFICER');
    }
  });

  it('refuses steps the status does not allow', () => {
    expect(hazardStepRefusal(HazardStatus.OPEN, HazardStep.VERIFY_PASSED, 'verifier', found)?.kind).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(hazardStepRefusal(HazardStatus.RECTIFIED, HazardStep.REPORT_RECTIFICATION, 'reporter', reported)?.kind).toBe(
      'ILLEGAL_TRANSITION',
    );
    for (const step of Object.values(HazardStep)) {
      expect(hazardStepRefusal(HazardStatus.CLOSED, step, 'verifier', reported)?.kind).toBe('ILLEGAL_TRANSITION');
    }
  });
});
