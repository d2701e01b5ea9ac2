import { registerEnumType } from 'type-graphql';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import type { HazardSettings } from '../safety.config';

export enum HazardLevel {
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
}

registerEnumType(HazardLevel, {
  name: 'HazardLevel',
  description: 'How grave a hidden hazard is (隐患等级).',
  valuesConfig: {
    GENERAL: { description: 'A general hidden hazard (一般隐患): put right by the enterprise at once or soon.' },
    MAJOR: {
      description:
        'A major hidden hazard (重大隐患): needs a rectification plan and is reported to the national platform.',
    },
  },
});

export enum HazardStatus {
  OPEN = 'OPEN',
  RECTIFIED = 'RECTIFIED',
  CLOSED = 'CLOSED',
}

registerEnumType(HazardStatus, {
  name: 'HazardStatus',
  description: 'Where the rectification of a hidden hazard stands (整改状态).',
  valuesConfig: {
    OPEN: { description: 'Found and not yet put right (待整改), or a rectification that failed verification.' },
    RECTIFIED: { description: 'Rectification reported with evidence, awaiting verification (已整改待复查).' },
    CLOSED: { description: 'Verified by a second officer (复查销号); final.' },
  },
});

/** The steps of a hazard's rectification, and the statuses each needs and leads to. */
export enum HazardStep {
  REPORT_RECTIFICATION = 'REPORT_RECTIFICATION',
  VERIFY_PASSED = 'VERIFY_PASSED',
  VERIFY_FAILED = 'VERIFY_FAILED',
}

export const HAZARD_STEPS: Readonly<Record<HazardStep, { from: HazardStatus; to: HazardStatus }>> = {
  REPORT_RECTIFICATION: { from: HazardStatus.OPEN, to: HazardStatus.RECTIFIED },
  VERIFY_PASSED: { from: HazardStatus.RECTIFIED, to: HazardStatus.CLOSED },
  VERIFY_FAILED: { from: HazardStatus.RECTIFIED, to: HazardStatus.OPEN },
};

/** Who has acted on a hazard so far, by username. */
export interface HazardActors {
  inspectedBy: string;
  rectificationReportedBy: string | null;
}

export type HazardRefusal =
  { kind: 'ILLEGAL_TRANSITION'; message: string } | { kind: 'HAZARD_SAME_OFFICER'; message: string };

/**
 * Whether `actor` may take `step` on a hazard in `status`: the status must allow it, and verification
 * (复查) is a second pair of eyes — never the officer who recorded the inspection nor the one who
 * reported the rectification. Null when allowed.
 */
export function hazardStepRefusal(
  status: HazardStatus,
  step: HazardStep,
  actor: string,
  actors: HazardActors,
): HazardRefusal | null {
  const rule = HAZARD_STEPS[step];
  if (status !== rule.from)
    return { kind: 'ILLEGAL_TRANSITION', message: `The hazard is ${status}; ${step} needs it ${rule.from}` };
  if (step === HazardStep.VERIFY_PASSED || step === HazardStep.VERIFY_FAILED) {
    if (actor === actors.inspectedBy)
      return {
        kind: 'HAZARD_SAME_OFFICER',
        message: '检查人不得复查本人发现的隐患 (the inspecting officer may not verify the rectification)',
      };
    if (actor === actors.rectificationReportedBy)
      return {
        kind: 'HAZARD_SAME_OFFICER',
        message: '报告整改的人员不得复查 (the officer who reported the rectification may not verify it)',
      };
  }
  return null;
}

/**
 * The rectification deadline (整改期限) of a hazard found on `inspectedOn` (China date YYYY-MM-DD):
 * the configured number of working days for its level, counted from the next day on the platform's
 * working calendar (weekends and public holidays do not count, make-up working days do).
 */
export function rectificationDeadline(
  calendar: WorkingCalendar,
  settings: HazardSettings,
  level: HazardLevel,
  inspectedOn: string,
): string {
  const days = level === HazardLevel.MAJOR ? settings.majorWorkingDays : settings.generalWorkingDays;
  return calendar.addWorkingDays(inspectedOn, days);
}

/** Open past its deadline: not rectified by the end of the deadline day (China time). */
export function isOverdue(status: HazardStatus, deadline: string, today: string): boolean {
  return status === HazardStatus.OPEN && deadline < today;
}
