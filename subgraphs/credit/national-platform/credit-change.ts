import type { EntityManager } from 'typeorm';

/** The kinds of credit record the national credit information sharing platform (全国信用信息共享平台) receives. */
export type CreditChangeRecordType = 'DISCLOSURE' | 'LIST_ENTRY' | 'REPAIR';

/**
 * One version of one credit record, as pushed to the national platform. The platform applies a
 * (recordType, recordId, version) once and the versions of a record in order; a correction, a repair
 * decision or a list change is a new version of its record.
 */
export interface CreditChange {
  recordType: CreditChangeRecordType;
  /** Stable and unique within its type, e.g. the disclosure id or the list entry id, as a string. */
  recordId: string;
  /** 1 for the first version, +1 for every change after it. */
  version: number;
  /** The record as it stands at this version: public facts only, never a natural person's information. */
  payload: Record<string, unknown>;
}

/**
 * Where credit writes the changes it must push, inside the transaction that made them, so a change is
 * pushed exactly when it is committed (the national platform outbox implements it).
 */
export interface CreditChangeSink {
  record(manager: EntityManager, change: CreditChange): Promise<void>;
}
