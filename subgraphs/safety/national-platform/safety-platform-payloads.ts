import { z } from 'zod';
import { creditCodeProblem } from '../../../platform/codes/credit-code';
import { SAFETY_REPORT_TYPES } from './safety-report';

// The bodies of NATIONAL-SAFETY-CONTRACT.md, checked field by field by the adapter (answers) and by the
// simulator (requests). Fields the contract does not name are ignored in answers.

const creditCode = z.string().refine((code) => creditCodeProblem(code) === null, 'must be a valid credit code');
const regionCode = z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code');
const instant = z.string().datetime({ offset: true });

/** The summary of a cross-province waybill (跨省运输电子运单摘要): codes and figures, no personal names. */
export const crossProvinceWaybillPayload = z
  .object({
    waybillNumber: z.string().min(1).max(32),
    carrierCreditCode: creditCode,
    plateNumber: z.string().min(7).max(8),
    unNumber: z.string().regex(/^UN\d{4}$|^\d{4}$/, 'must be a UN number'),
    hazardClass: z.string().min(1).max(3),
    quantityKg: z.number().int().min(1),
    originRegionCode: regionCode,
    destinationRegionCode: regionCode,
    status: z.enum(['IN_TRANSIT', 'ARRIVED', 'CANCELLED']),
    createdAt: instant,
    departedAt: instant.nullable(),
    arrivedAt: instant.nullable(),
    cancelledAt: instant.nullable(),
  })
  .strict();

/** `POST /api/safety-reports`: one version of one report. */
export const pushedReportBody = z
  .object({
    reportType: z.enum(SAFETY_REPORT_TYPES),
    reportId: z.string().min(1).max(64),
    version: z.number().int().min(1).max(2_147_483_647),
    regionCode,
    recordedAt: instant,
    payload: z.record(z.unknown()),
  })
  .strict();

/** 201 (accepted) or 200 (duplicate): the platform's receipt (回执). */
export const reportReceiptAnswer = z.object({
  reportType: z.enum(SAFETY_REPORT_TYPES),
  reportId: z.string(),
  version: z.number().int(),
  status: z.enum(['ACCEPTED', 'DUPLICATE']),
  receiptNumber: z.string().min(1).max(64),
});

/** 409: the version the platform expects next for the report. */
export const outOfOrderAnswer = z.object({
  status: z.literal('OUT_OF_ORDER'),
  expectedVersion: z.number().int().min(1),
});
