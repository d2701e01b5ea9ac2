import { ErrorCode } from '../../platform/errors/domain-error';
import { errorReasons, WORKFLOW_REASONS, type ErrorReasonTable } from '../../platform/errors/error-reasons';

/** Every reason enforcement gives besides the platform's (docs/error-reasons.md is generated from this). */
export const ENFORCEMENT_REASONS = {
  ...WORKFLOW_REASONS,
  CASE_NUMBERS_EXHAUSTED: {
    code: ErrorCode.CONFLICT,
    zh: '本地区本年度案件编号已用完',
    en: "The region has used every case number of the year's sequence.",
  },
  ALREADY_SHARED: {
    code: ErrorCode.CONFLICT,
    zh: '案件已共享给该地区',
    en: 'The case is already shared with that region.',
  },
  NO_PROPOSAL: {
    code: ErrorCode.CONFLICT,
    zh: '案件尚无拟作出的处罚，不能告知',
    en: 'The case has no proposed penalty to notify the party of (proposeCasePenalty first).',
  },
  STATEMENT_RECORDED: {
    code: ErrorCode.CONFLICT,
    zh: '当事人的陈述申辩已记录',
    en: "The party's statement and defence on the case are already recorded.",
  },
  NO_HEARING_RIGHT: {
    code: ErrorCode.CONFLICT,
    zh: '拟作出的处罚不属于听证范围',
    en: 'The proposed penalty gives no right to a hearing (not a major fine, suspension or revocation).',
  },
  HEARING_WAIVED: {
    code: ErrorCode.CONFLICT,
    zh: '当事人已放弃听证',
    en: 'The party gave up its hearing.',
  },
  HEARING_REQUEST_LATE: {
    code: ErrorCode.CONFLICT,
    zh: '已超过申请听证的期限',
    en: 'The period for asking for a hearing has ended; the message gives its last day.',
  },
  RESPONSE_PERIOD_OPEN: {
    code: ErrorCode.CONFLICT,
    zh: '当事人陈述申辩（听证申请）期限未满，暂不能作出决定',
    en: 'The party may still state its case or ask for a hearing; the decision waits until the period ends.',
  },
  NOTICE_REQUIRED: {
    code: ErrorCode.CONFLICT,
    zh: '须先告知当事人拟作出的处罚，再作出决定',
    en: 'A penalty is decided only after the party was notified of it (proposeCasePenalty, notifyCasePenalty).',
  },
  HEAVIER_THAN_NOTIFIED: {
    code: ErrorCode.CONFLICT,
    zh: '处罚决定不得重于已告知的处罚',
    en: 'The decision must stay within the penalty the party was notified of.',
  },
  LEGAL_REVIEW_REQUIRED: {
    code: ErrorCode.CONFLICT,
    zh: '重大处罚须经法制审核通过',
    en: 'A major penalty needs a passed legal review (法制审核) before it is decided.',
  },
  NOTHING_TO_EXECUTE: {
    code: ErrorCode.CONFLICT,
    zh: '案件未作出处罚，无需执行，可直接结案',
    en: 'The case imposes no penalty, so there is nothing to execute; close it.',
  },
  NOT_EXECUTED: {
    code: ErrorCode.CONFLICT,
    zh: '处罚尚未执行，不能结案',
    en: "The case's penalty must be recorded as executed before the case is closed.",
  },
  ASSISTANCE_ANSWERED: {
    code: ErrorCode.CONFLICT,
    zh: '协查请求已答复',
    en: 'The assistance request is already answered.',
  },
} as const satisfies ErrorReasonTable;

export type EnforcementReason = keyof typeof ENFORCEMENT_REASONS;

export const ENFORCEMENT_ERRORS = errorReasons(ENFORCEMENT_REASONS);
export const { conflict } = ENFORCEMENT_ERRORS;
