import { ErrorCode } from '../../platform/errors/domain-error';
import { errorReasons, WORKFLOW_REASONS, type ErrorReasonTable } from '../../platform/errors/error-reasons';

/** Every reason safety gives besides the platform's (docs/error-reasons.md is generated from this). */
export const SAFETY_REASONS = {
  ...WORKFLOW_REASONS,
  WAYBILL_CHECKS_FAILED: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '电子运单未通过核验',
    en: 'The waybill failed checks against the dangerous goods list or the registry (permit, vehicle, load); `extensions.failures` lists every failed check with its code and field.',
  },
  WAYBILL_SERIALS_EXHAUSTED: {
    code: ErrorCode.CONFLICT,
    zh: '本地区当日电子运单编号已用完',
    en: "The origin region has used every waybill number of the day's sequence.",
  },
  HAZARD_SAME_OFFICER: {
    code: ErrorCode.FORBIDDEN,
    zh: '隐患复查须由检查人和整改报告人以外的另一名执法人员进行',
    en: 'Verification of a hidden hazard (复查) needs a second officer: not the one who recorded the inspection, nor the one who reported the rectification.',
  },
  WAYBILL_NOT_VISIBLE: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '电子运单不存在或不在本地区监管范围内',
    en: 'There is no waybill with this number leaving from or arriving in your region.',
  },
} as const satisfies ErrorReasonTable;

export type SafetyReason = keyof typeof SAFETY_REASONS;

export const SAFETY_ERRORS = errorReasons(SAFETY_REASONS);
export const { conflict } = SAFETY_ERRORS;
