import { z } from 'zod';
import { creditCodeProblem } from '../../../platform/codes/credit-code';

// The bodies of NATIONAL-CREDIT-CONTRACT.md, checked field by field by the adapter (answers) and by the
// simulator (requests). Fields the contract does not name are ignored in answers.

export const CREDIT_RECORD_TYPES = ['DISCLOSURE', 'LIST_ENTRY', 'REPAIR'] as const;

/** `POST /api/credit-records`: one version of one record. */
export const pushedChangeBody = z
  .object({
    recordType: z.enum(CREDIT_RECORD_TYPES),
    recordId: z.string().min(1).max(64),
    version: z.number().int().min(1).max(2_147_483_647),
    recordedAt: z.string().datetime({ offset: true }),
    payload: z.record(z.unknown()),
  })
  .strict();

/** 201 (accepted) or 200 (duplicate): the platform's receipt (回执). */
export const pushReceiptAnswer = z.object({
  recordType: z.enum(CREDIT_RECORD_TYPES),
  recordId: z.string(),
  version: z.number().int(),
  status: z.enum(['ACCEPTED', 'DUPLICATE']),
  receiptNumber: z.string().min(1).max(64),
});

/** 409: the version the platform expects next for the record. */
export const outOfOrderAnswer = z.object({
  status: z.literal('OUT_OF_ORDER'),
  expectedVersion: z.number().int().min(1),
});

const listEntry = z.object({
  listName: z.string().min(1).max(100),
  listingAuthority: z.string().min(1).max(100),
  listedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  reference: z.string().min(1).max(100).nullable().optional(),
});

/** `GET /api/subjects/{creditCode}/standing`. */
export const standingAnswer = z.object({
  creditCode: z
    .string()
    .refine((code) => creditCodeProblem(code) === null, 'must be a valid unified social credit code'),
  asOf: z.string().datetime({ offset: true }),
  entries: z.array(listEntry).max(200),
});
