import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../../platform/database/sql-dialect';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { CREDIT_RECORD_TYPES } from './credit-platform-payloads';
import type { CreditChange, CreditChangeSink } from './credit-change';
import { CreditDeliveryState, CreditPlatformDelivery } from './credit-platform-delivery.entity';

/** A change credit could never push: a bug in the caller, so its transaction fails rather than store it. */
function changeProblem(change: CreditChange): string | null {
  if (!(CREDIT_RECORD_TYPES as readonly string[]).includes(change.recordType)) return 'unknown recordType';
  if (typeof change.recordId !== 'string' || change.recordId.length < 1 || change.recordId.length > 64)
    return 'recordId must be 1-64 characters';
  if (!Number.isSafeInteger(change.version) || change.version < 1) return 'version must be a whole number from 1';
  if (typeof change.payload !== 'object' || change.payload === null || Array.isArray(change.payload))
    return 'payload must be an object';
  return null;
}

/**
 * The push outbox's writing side: `record` stores a change in the caller's transaction, so it is pushed
 * exactly when it commits; a version recorded before (a redelivered event, a second publication run)
 * adds nothing. `onRecorded` wakes the relay.
 */
export class CreditPlatformOutbox implements CreditChangeSink {
  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly onRecorded: () => void = () => undefined,
  ) {}

  async record(manager: EntityManager, change: CreditChange): Promise<void> {
    const problem = changeProblem(change);
    if (problem !== null) throw new Error(`credit change ${change.recordType}:${change.recordId}: ${problem}`);
    const record = { recordType: change.recordType, recordId: change.recordId };
    if (await manager.existsBy(CreditPlatformDelivery, { ...record, version: change.version })) return;
    // The platform takes a record's versions from 1 without gaps. A record made before this link existed
    // (published earlier, or written by an import) first reaches it at a later version: that version is
    // numbered next after what the platform has, and its own number travels in the payload.
    const latest = await manager
      .createQueryBuilder(CreditPlatformDelivery, 'delivery')
      .select('MAX(delivery.version)', 'version')
      .where('delivery.recordType = :recordType AND delivery.recordId = :recordId', record)
      .getRawOne<{ version: number | string | null }>();
    const next = Number(latest?.version ?? 0) + 1;
    const version = Math.min(change.version, next);
    const payload = version === change.version ? change.payload : { ...change.payload, recordVersion: change.version };
    const key = { ...record, version };
    // Whole seconds, as DATETIME keeps them: recordedAt is the same text on every database and attempt.
    const now = wholeSeconds(this.clock());
    try {
      await manager.insert(CreditPlatformDelivery, {
        ...key,
        payload: JSON.stringify(payload),
        state: CreditDeliveryState.PENDING,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        lastAttemptAt: null,
        deliveredAt: null,
        receiptNumber: null,
        leaseOwner: null,
        leaseUntil: null,
      });
    } catch (error) {
      // Another transaction recorded the same version first (it waited on the unique index): a no-op.
      if (isUniqueViolation(error)) return;
      throw error;
    }
    this.onRecorded();
  }
}
