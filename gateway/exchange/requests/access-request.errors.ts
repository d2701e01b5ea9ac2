import { ErrorCode } from '../../../platform/errors/domain-error';
import { errorReasons, type ErrorReasonTable } from '../../../platform/errors/error-reasons';

/** The reasons access requests and their decisions give (共享申请与审批); docs/error-reasons.md lists them. */
export const ACCESS_REQUEST_REASONS = {
  ITEM_NOT_SHAREABLE: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '不予共享的数据项不能申请',
    en: 'A requested catalogue item is not shared (不予共享); `extensions.field` names its place in `coordinates` and the message names the item. Nothing was recorded.',
  },
  PURPOSE_NEEDS_NO_PERSONAL_DATA: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '统计分析用途不能申请含个人信息的数据项',
    en: 'STATISTICAL_ANALYSIS never needs personal information: a request with that purpose cannot include an item holding it; the message names the item.',
  },
  ITEM_ALREADY_DECIDED: {
    code: ErrorCode.CONFLICT,
    zh: '该申请项已审批，不能再次审批',
    en: 'Only a PENDING item can be granted or refused; the message names the item already decided. Nothing was changed.',
  },
  GRANT_NOT_IN_FORCE: {
    code: ErrorCode.CONFLICT,
    zh: '该授权已到期或已撤销',
    en: 'The grant has expired or was already revoked; there is nothing to revoke.',
  },
} as const satisfies ErrorReasonTable;

export const ACCESS_REQUEST_ERRORS = errorReasons(ACCESS_REQUEST_REASONS);
