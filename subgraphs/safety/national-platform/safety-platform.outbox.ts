import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../../platform/database/sql-dialect';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { SafetyDeliveryState, SafetyPlatformDelivery } from './safety-platform-delivery.entity';
import { SAFETY_REPORT_TYPES, type SafetyReport, type SafetyReportSink } from './safety-report';

/** A report safety could never push: a bug in the caller, so its transaction fails rather than store it. */
function reportProblem(report: SafetyReport): string | null {
  if (!(SAFETY_REPORT_TYPES as readonly string[]).includes(report.reportType)) return 'unknown reportType';
  if (typeof report.reportId !== 'string' || report.reportId.length < 1 || report.reportId.length > 64)
    return 'reportId must be 1-64 characters';
  if (!Number.isSafeInteger(report.version) || report.version < 1) return 'version must be a whole number from 1';
  if (!/^\d{6}$/.test(report.regionCode)) return 'regionCode must be six digits';
  if (typeof report.payload !== 'object' || report.payload === null || Array.isArray(report.payload))
    return 'payload must be an object';
  return null;
}

/**
 * The push outbox's writing side: `record` stores a report in the caller's transaction, so it is pushed
 * exactly when that commits; a version recorded before adds nothing. `onRecorded` wakes the relay.
 */
export class SafetyPlatformOutbox implements SafetyReportSink {
  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly onRecorded: () => void = () => undefined,
  ) {}

  async record(manager: EntityManager, report: SafetyReport): Promise<void> {
    const problem = reportProblem(report);
    if (problem !== null) throw new Error(`safety report ${report.reportType}:${report.reportId}: ${problem}`);
    const key = { reportType: report.reportType, reportId: report.reportId, version: report.version };
    if (await manager.existsBy(SafetyPlatformDelivery, key)) return;
    const now = wholeSeconds(this.clock());
    try {
      await manager.insert(SafetyPlatformDelivery, {
        ...key,
        regionCode: report.regionCode,
        payload: JSON.stringify(report.payload),
        state: SafetyDeliveryState.PENDING,
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
