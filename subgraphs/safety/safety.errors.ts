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
} as const satisfies ErrorReasonTable;

export type SafetyReason = keyof typeof SAFETY_REASONS;

export const SAFETY_ERRORS = errorReasons(SAFETY_REASONS);
export const { conflict } = SAFETY_ERRORS;
