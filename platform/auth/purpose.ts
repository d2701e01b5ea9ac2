import { registerEnumType } from 'type-graphql';

/**
 * Why personal or partner data is being read (PIPL's purpose limitation). Callers declare one per
 * request; it is audited, forwarded to the subgraphs, and unmasks personal information for pii-readers.
 */
export enum PurposeCode {
  LICENSING_REVIEW = 'LICENSING_REVIEW',
  ENFORCEMENT_INVESTIGATION = 'ENFORCEMENT_INVESTIGATION',
  CASE_EXCHANGE = 'CASE_EXCHANGE',
  CREDIT_ASSESSMENT = 'CREDIT_ASSESSMENT',
  JOINT_DISCIPLINE = 'JOINT_DISCIPLINE',
  SAFETY_SUPERVISION = 'SAFETY_SUPERVISION',
  INVESTMENT_APPROVAL = 'INVESTMENT_APPROVAL',
  STATISTICAL_ANALYSIS = 'STATISTICAL_ANALYSIS',
  JUDICIAL_ASSISTANCE = 'JUDICIAL_ASSISTANCE',
}

registerEnumType(PurposeCode, {
  name: 'PurposeCode',
  description:
    'Declared purposes for reading data (用途), sent as the X-Purpose header or the `purpose` request extension.',
  valuesConfig: {
    LICENSING_REVIEW: { description: 'Reviewing a permit application (许可审查).' },
    ENFORCEMENT_INVESTIGATION: { description: 'Investigating an enforcement case (执法调查).' },
    CASE_EXCHANGE: { description: 'Exchanging a case with another region (异地协查、移送).' },
    CREDIT_ASSESSMENT: { description: 'Assessing credit (信用评价).' },
    JOINT_DISCIPLINE: { description: 'Joint rewards and punishments across departments (联合奖惩).' },
    SAFETY_SUPERVISION: { description: 'Safety supervision (安全监管).' },
    INVESTMENT_APPROVAL: { description: 'Investment project approval (投资审批).' },
    STATISTICAL_ANALYSIS: { description: 'Statistics for decisions (统计分析); never needs personal data.' },
    JUDICIAL_ASSISTANCE: { description: 'Assisting a court or procuratorate (司法协助).' },
  },
});

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
