import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit-record.entity';
import { wholeSeconds } from '../../platform/time/whole-seconds';

/** The hash the first record of a fresh trail links to. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedContent = Omit<AuditRecord, 'id' | 'hash'>;

// The fields, in a fixed order, that the hash covers: everything but the row id and the hash itself.
const HASHED_FIELDS: ReadonlyArray<keyof ChainedContent> = [
  'kind',
  'occurredAt',
  'requestId',
  'subject',
  'username',
  'clientId',
  'roles',
  'region',
  'purposeCode',
  'purposeReason',
  'operationName',
  'operationType',
  'documentHash',
  'variables',
  'entities',
  'subgraphs',
  'outcome',
  'errorCodes',
  'httpStatus',
  'durationMs',
  'clientAddress',
  'previousHash',
];

/** Canonical encoding: a JSON array of the hashed fields in order, times as whole-second UTC ISO strings. */
export function canonicalContent(record: ChainedContent): string {
  return JSON.stringify(
    HASHED_FIELDS.map((field) => {
      const value = record[field];
      // Hash what the database will give back.
      return value instanceof Date ? wholeSeconds(value).toISOString() : value;
    }),
  );
}

/** SM3 (GB/T 32905-2016) over the canonical content, which includes the previous record's hash. */
export function chainHash(record: ChainedContent): string {
  return createHash('sm3').update(canonicalContent(record), 'utf8').digest('hex');
}
