import { ErrorCode, GENERIC_REASONS } from './domain-error';
import { errorReasons, type ErrorReasonTable } from './error-reasons';

/** The reasons any service gives (the gateway's own refusals are in gateway/gateway.errors.ts). */
export const PLATFORM_REASONS = {
  ...GENERIC_REASONS,
  IDP_UNREACHABLE: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    zh: '身份认证服务暂不可用，请稍后重试',
    en: "The identity provider's signing keys could not be fetched; the token was not judged. Try again shortly.",
  },
  DIGEST_MISMATCH: {
    code: ErrorCode.CONFLICT,
    zh: '文件与登记时的SM3摘要不一致，可能已被篡改，不予提供',
    en: 'A stored file (material, evidence) no longer matches the SM3 digest recorded when it was attached, so it is not served or handed over.',
  },
  PERSONAL_INFORMATION_UNREADABLE: {
    code: ErrorCode.CONFLICT,
    zh: '记录中的个人信息无法解密（密钥不符或密文被改动），不予提供，已告知系统管理员',
    en: 'Personal information stored encrypted in the record does not decrypt (another key, or the stored value was truncated or altered): it is not served, never served wrong; the message names the record and column.',
  },
  FILE_MISSING: {
    code: ErrorCode.CONFLICT,
    zh: '文件已从文件库中丢失',
    en: 'A file the database records is missing from the file store.',
  },
} as const satisfies ErrorReasonTable;

export const PLATFORM_ERRORS = errorReasons(PLATFORM_REASONS);
