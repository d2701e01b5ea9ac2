/**
 * Why personal or partner data is being read (PIPL's purpose limitation). Callers declare one per
 * request (the X-Purpose header or the `purpose` request extension); it is audited, forwarded to the
 * subgraphs, and unmasks personal information for pii-readers.
 */
export enum PurposeCode {
  /** Reviewing a permit application (许可审查). */
  LICENSING_REVIEW = 'LICENSING_REVIEW',
  /** Investigating an enforcement case (执法调查). */
  ENFORCEMENT_INVESTIGATION = 'ENFORCEMENT_INVESTIGATION',
  /** Exchanging a case with another region (异地协查、移送). */
  CASE_EXCHANGE = 'CASE_EXCHANGE',
  /** Assessing credit (信用评价). */
  CREDIT_ASSESSMENT = 'CREDIT_ASSESSMENT',
  /** Joint rewards and punishments across departments (联合奖惩). */
  JOINT_DISCIPLINE = 'JOINT_DISCIPLINE',
  /** Safety supervision (安全监管). */
  SAFETY_SUPERVISION = 'SAFETY_SUPERVISION',
  /** Investment project approval (投资审批). */
  INVESTMENT_APPROVAL = 'INVESTMENT_APPROVAL',
  /** Statistics for decisions (统计分析); never needs personal data. */
  STATISTICAL_ANALYSIS = 'STATISTICAL_ANALYSIS',
  /** Assisting a court or procuratorate (司法协助). */
  JUDICIAL_ASSISTANCE = 'JUDICIAL_ASSISTANCE',
}

export interface Purpose {
  code: PurposeCode;
  reason: string;
}

export const PURPOSE_HEADER = 'x-purpose';
export const PURPOSE_REASON_HEADER = 'x-purpose-reason';
/** How the gateway forwards the declared purpose to subgraphs (base64url JSON; trusted only with the gateway secret). */
export const FORWARDED_PURPOSE_HEADER = 'x-single-window-purpose';

const CODES = new Set<string>(Object.values(PurposeCode));

/** Returns the purpose, null when none was declared, or a string saying what is wrong. */
export function parsePurpose(code: unknown, reason: unknown): Purpose | null | string {
  if (code === undefined || code === null || code === '') return null;
  if (typeof code !== 'string' || !CODES.has(code)) return `purpose code must be one of ${[...CODES].join(', ')}`;
  if (typeof reason !== 'string' || reason.trim().length < 4 || reason.length > 500) {
    return 'purpose reason must be 4-500 characters saying why (X-Purpose-Reason, URL-encoded, or extensions.purpose.reason)';
  }
  return { code: code as PurposeCode, reason: reason.trim() };
}

export function encodeForwardedPurpose(purpose: Purpose): string {
  return Buffer.from(JSON.stringify(purpose)).toString('base64url');
}

export function decodeForwardedPurpose(header: string | undefined): Purpose | null {
  if (!header) return null;
  try {
    const decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      code?: unknown;
      reason?: unknown;
    };
    const parsed = parsePurpose(decoded.code, decoded.reason);
    return typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}
