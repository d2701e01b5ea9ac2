import { ErrorCode } from '../../platform/errors/domain-error';
import { errorReasons, WORKFLOW_REASONS, type ErrorReasonTable } from '../../platform/errors/error-reasons';

/** Every reason credit gives besides the platform's (docs/error-reasons.md is generated from this). */
export const CREDIT_REASONS = {
  ...WORKFLOW_REASONS,
  CREDIT_RECORD_EXISTS: {
    code: ErrorCode.CONFLICT,
    zh: '该来源的人工信用记录已存在',
    en: 'A manual credit record with this source reference already exists.',
  },
  REPAIR_NOT_YET_POSSIBLE: {
    code: ErrorCode.CONFLICT,
    zh: '尚未届满最短公示期，暂不能申请信用修复（消息中注明可申请日期）',
    en: 'The penalty has not been public for its minimum period yet; the message names the date (China Standard Time) from which repair may be applied for.',
  },
  REPAIR_NOT_APPLICABLE: {
    code: ErrorCode.CONFLICT,
    zh: '该公示信息不能申请信用修复（非行政处罚，或已停止公示）',
    en: 'Only a penalty still on public display can be repaired: not a licence, nor one whose display already ended.',
  },
  REPAIR_APPLICATION_OPEN: {
    code: ErrorCode.CONFLICT,
    zh: '该公示信息已有待审核的信用修复申请',
    en: 'The disclosure already has a repair application waiting for a decision; one at a time.',
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
} as const satisfies ErrorReasonTable;

export type CreditReason = keyof typeof CREDIT_REASONS;

export const CREDIT_ERRORS = errorReasons(CREDIT_REASONS);
export const { conflict } = CREDIT_ERRORS;
