import { ErrorCode } from '../../platform/errors/domain-error';
import { errorReasons, type ErrorReasonTable } from '../../platform/errors/error-reasons';

/** Every reason credit gives besides the platform's (docs/error-reasons.md is generated from this). */
export const CREDIT_REASONS = {
  CREDIT_RECORD_EXISTS: {
    code: ErrorCode.CONFLICT,
    zh: '该来源的人工信用记录已存在',
    en: 'A manual credit record with this source reference already exists.',
  },
} as const satisfies ErrorReasonTable;

export type CreditReason = keyof typeof CREDIT_REASONS;

export const CREDIT_ERRORS = errorReasons(CREDIT_REASONS);
export const { conflict } = CREDIT_ERRORS;
