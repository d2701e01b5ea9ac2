import { ErrorCode } from '../../platform/errors/domain-error';
import { errorReasons, WORKFLOW_REASONS, type ErrorReasonTable } from '../../platform/errors/error-reasons';

/** Every reason licensing gives besides the platform's (docs/error-reasons.md is generated from this). */
export const LICENSING_REASONS = {
  ...WORKFLOW_REASONS,
  ENTERPRISE_EXISTS: {
    code: ErrorCode.CONFLICT,
    zh: '该企业已登记',
    en: 'An enterprise with this unified social credit code is already registered.',
  },
  VEHICLE_EXISTS: {
    code: ErrorCode.CONFLICT,
    zh: '该车辆已登记',
    en: 'A vehicle with this plate number is already registered.',
  },
  MATERIALS_CLOSED: {
    code: ErrorCode.CONFLICT,
    zh: '申请当前阶段不能上传材料',
    en: 'Materials are attached before the application is accepted, or while it is returned for correction.',
  },
  ALREADY_RETURNED: {
    code: ErrorCode.CONFLICT,
    zh: '申请已一次性告知补正，不能再次退回，请受理或不予受理',
    en: 'The application was already returned once naming everything missing (一次性告知); accept it or refuse it.',
  },
  MATERIALS_MISSING: {
    code: ErrorCode.CONFLICT,
    zh: '申请材料不齐全，不能受理或批准（extensions.missingMaterials 列出所缺材料）',
    en: 'A material the permit kind requires is not attached; acceptance and approval wait for it (`extensions.missingMaterials` lists code and name of each).',
  },
  NOTICE_INCOMPLETE: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '一次性告知须列明全部未提交的材料',
    en: 'The return notice (一次性告知) must name every required material not attached yet.',
  },
  MATERIALS_STILL_MISSING: {
    code: ErrorCode.CONFLICT,
    zh: '补正通知所列材料尚未补齐',
    en: 'Materials the return notice named are still missing; attach them before resubmitting.',
  },
  PARALLEL_APPROVAL: {
    code: ErrorCode.CONFLICT,
    zh: '该类申请由途经各省分段审批',
    en: 'This kind of application is decided by each province on its route: use approveRouteSegment or refuseRouteSegment.',
  },
  NOT_ROUTE_APPROVED: {
    code: ErrorCode.CONFLICT,
    zh: '该申请整体审批，不按路段审批',
    en: 'The application is decided as a whole, not by route segments.',
  },
  SEGMENT_ALREADY_DECIDED: {
    code: ErrorCode.CONFLICT,
    zh: '该省路段已作出审批决定',
    en: "The province's route segment was already approved or refused.",
  },
  SERIOUS_DISHONESTY: {
    code: ErrorCode.CONFLICT,
    zh: '申请人被列入严重失信主体名单，该类许可依法不予批准（联合惩戒）',
    en: 'The applicant is on the serious-dishonesty list and the permit kind refuses listed applicants (joint discipline, JOINT_DISCIPLINE_RULES).',
  },
  REVIEW_REQUIRED: {
    code: ErrorCode.CONFLICT,
    zh: '须先记录审查意见，再作出决定',
    en: 'This kind of application is decided only after a review opinion is recorded (reviewPermitApplication).',
  },
  TENDER_AWARD_MISSING: {
    code: ErrorCode.CONFLICT,
    zh: '公共资源交易平台无该项目的中标结果，不能批准',
    en: 'No tender award for the project is on record at the public resource trading platform; the permit cannot be approved.',
  },
  EXTENSION_ALREADY_REQUESTED: {
    code: ErrorCode.CONFLICT,
    zh: '审批期限只能延长一次，已申请过延期',
    en: 'The decision deadline may be extended once, and an extension was already requested or decided.',
  },
  DEADLINE_PASSED: {
    code: ErrorCode.CONFLICT,
    zh: '审批期限已过，不能再延长',
    en: 'The decision deadline has passed; it can no longer be extended.',
  },
  NO_EXTENSION_REQUESTED: {
    code: ErrorCode.CONFLICT,
    zh: '没有待决定的延期申请',
    en: 'No extension of the decision deadline awaits a decision.',
  },
  PERMIT_EXPIRED: {
    code: ErrorCode.CONFLICT,
    zh: '许可证已过有效期，状态不能再变更',
    en: 'The permit has expired; it can no longer be suspended, revoked or restored.',
  },
  NO_SIGNING_KEY: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    zh: '发证机关暂无有效的签名密钥，暂不能签发电子证照',
    en: 'The issuing authority has no signing key valid today, so the permit was not issued; nothing was changed.',
  },
  PLATFORM_UNAVAILABLE: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    zh: '国家平台暂不可用，未作任何更改，请稍后重试',
    en: 'A national platform (investment project approval, public resource trading) did not answer in time; nothing was changed, try again later.',
  },
} as const satisfies ErrorReasonTable;

export type LicensingReason = keyof typeof LICENSING_REASONS;

export const LICENSING_ERRORS = errorReasons(LICENSING_REASONS);
export const { conflict, unavailable } = LICENSING_ERRORS;
