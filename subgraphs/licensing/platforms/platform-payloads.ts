import { z } from 'zod';
import { creditCodeProblem } from '../../../platform/codes/credit-code';
import { regionCodeProblem } from '../../../platform/codes/region-code';

// The JSON bodies of the platform contract (PLATFORM-CONTRACT.md), checked on both sides: the adapters
// refuse an answer that does not match, the simulators refuse a report that does not. Unknown keys are
// dropped, so a platform may add fields without breaking the single window.

const regionCode = z.string().refine((value) => regionCodeProblem(value) === null, 'must be a GB/T 2260 region code');
const creditCode = z
  .string()
  .refine((value) => creditCodeProblem(value) === null, 'must be a valid unified social credit code');
const instant = z.string().datetime({ offset: true });

/** `GET /api/projects/{projectCode}` on the investment project approval platform. */
export const investmentProjectPayload = z.object({
  projectCode: z.string().min(1).max(24),
  name: z.string().min(1).max(200),
  regionCode,
  approvalStatus: z.enum(['APPROVED', 'PENDING', 'REJECTED']),
});

/** `GET /api/tender-awards/{projectCode}` on the public resource trading platform. */
export const tenderAwardPayload = z.object({
  projectCode: z.string().min(1).max(24),
  noticeNumber: z.string().min(1).max(64),
  winningBidderCreditCode: creditCode,
  awardedAt: instant,
});

/** `POST /api/decision-reports` body (办理结果回传); the application number is also the idempotency key. */
export const decisionReportPayload = z.object({
  applicationNumber: z.string().min(1).max(32),
  projectCode: z.string().min(1).max(24),
  decision: z.enum(['APPROVED', 'REJECTED']),
  permitNumber: z.string().min(1).max(32).nullable(),
  decidedAt: instant,
  authorityRegionCode: regionCode,
  comment: z.string().max(1000).nullable(),
});

/** The platform's answer to a report: its receipt (回执) for the application. */
export const reportReceiptPayload = z.object({
  applicationNumber: z.string().min(1).max(32),
  receiptNumber: z.string().min(1).max(64),
});

export type ReportReceipt = z.infer<typeof reportReceiptPayload>;
