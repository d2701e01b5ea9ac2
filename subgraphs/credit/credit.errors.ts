import { ErrorCode } from '../../platform/errors/domain-error';
import { errorReasons, WORKFLOW_REASONS, type ErrorReasonTable } from '../../platform/errors/error-reasons';

/** Every reason credit gives besides the platform's (docs/error-reasons.md is generated from this). */
export const CREDIT_REASONS = {
  CREDIT_RECORD_EXISTS: {
    code: ErrorCode.CONFLICT,
    zh: '该来源的人工信用记录已存在',
    en: 'A manual credit record with this source reference already exists.',
  },
  LIST_ENTRY_EXISTS: {
    code: ErrorCode.CONFLICT,
    zh: '该主体已因同一决定和依据列入名单',
    en: 'The subject is already on the list for the same criterion and one of the same decisions.',
  },
  LIST_ENTRY_REMOVED: {
    code: ErrorCode.CONFLICT,
    zh: '该名单记录已移出',
    en: 'The list entry has already left the list; the message says when and why.',
  },
  STALE_VERSION: WORKFLOW_REASONS.STALE_VERSION,
} as const satisfies ErrorReasonTable;

export type CreditReason = keyof typeof CREDIT_REASONS;

export const CREDIT_ERRORS = errorReasons(CREDIT_REASONS);
export const { conflict } = CREDIT_ERRORS;
