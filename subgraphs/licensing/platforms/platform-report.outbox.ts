import { IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { describeError, type Logger } from '../../../platform/observability/logger';
import { PollingRelay, retryBackoffMs, worthLoggingLoudly } from '../../../platform/outbox/polling-relay';
import type { DecisionReportReceiver } from './investment-platform.adapter';
import { PlatformUnavailable, type DecisionReport, type DecisionReporter } from './national-platforms';
import { decisionReportPayload } from './platform-payloads';
import { PlatformReport, ReportedDecision } from './platform-report.entity';

export interface ReportRelayOptions {
  /** How often the relay looks for due reports. */
  pollIntervalMs: number;
  /** Longest wait between attempts while the platform is down. */
  maxBackoffMs: number;
  /** Wait after a first failure, doubled with every further one (default 500 ms). */
  firstRetryMs?: number;
  batchSize?: number;
}

const FIRST_RETRY_MS = 500;

/**
 * Decision reports to the investment platform (办理结果回传) through an outbox. `enqueue` records the
 * report in the deciding transaction, once per application number; the relay delivers what is pending,
 * at least once, sending the application number as the idempotency key, and records every attempt.
 * While the platform is down the relay backs off (per report and as a whole); reports wait, none is lost.
 */
export class PlatformReportOutbox implements DecisionReporter {
  private readonly relay: PollingRelay;
  /** Consecutive passes that ended in a failure: the whole relay pauses, so a down platform is not hammered. */
  private failedPasses = 0;
  private pausedUntil = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly receiver: DecisionReportReceiver,
    private readonly options: ReportRelayOptions,
    private readonly logger: Logger,
  ) {
    this.relay = new PollingRelay(() => this.deliverDue(), options.pollIntervalMs);
  }

  async enqueue(manager: EntityManager, report: DecisionReport): Promise<void> {
    // A malformed report is a bug in the caller: fail its transaction rather than store what the platform would refuse.
    const checked = decisionReportPayload.parse(report);
    if (await manager.existsBy(PlatformReport, { applicationNumber: checked.applicationNumber })) return;
    const now = new Date();
    await manager.insert(PlatformReport, {
      applicationNumber: checked.applicationNumber,
      projectCode: checked.projectCode,
      decision: checked.decision as ReportedDecision,
      regionCode: checked.authorityRegionCode,
      payload: JSON.stringify(checked),
      enqueuedAt: now,
      attempts: 0,
      lastAttemptAt: null,
      nextAttemptAt: now,
      lastError: null,
      deliveredAt: null,
      receiptNumber: null,
    });
    this.relay.kickSoon();
  }

  start(): void {
    this.relay.start();
  }

  stop(): Promise<void> {
    return this.relay.stop();
  }

  /** Delivers what is due once; returns how many were delivered. Safe to call concurrently. */
  drain(): Promise<number> {
    return this.relay.drain();
  }

  private backoffMs(failures: number): number {
    return retryBackoffMs(failures, this.options.firstRetryMs ?? FIRST_RETRY_MS, this.options.maxBackoffMs);
  }

  private async deliverDue(): Promise<number> {
    if (Date.now() < this.pausedUntil) return 0;
    let delivered = 0;
    try {
      // Longest-waiting first: a report that just failed goes to the back, so none starves behind it.
      const due = await inTransaction(this.dataSource, (manager) =>
        manager.find(PlatformReport, {
          where: { deliveredAt: IsNull(), nextAttemptAt: LessThanOrEqual(new Date()) },
          order: { nextAttemptAt: 'ASC', id: 'ASC' },
          take: this.options.batchSize ?? 50,
        }),
      );
      for (const report of due) {
        if (!(await this.deliverOne(report))) {
          // The platform is most likely down: stop this pass, try again after the relay's own backoff.
          this.failedPasses += 1;
          this.pausedUntil = Date.now() + this.backoffMs(this.failedPasses);
          return delivered;
        }
        delivered += 1;
      }
      this.failedPasses = 0;
    } catch (error) {
      this.logger.error('platform report relay failed', describeError(error));
    }
    return delivered;
  }

  private async deliverOne(row: PlatformReport): Promise<boolean> {
    // Short transactions of their own: on the embedded database they queue behind the deciding ones,
    // so the relay never reads a report whose decision is still uncommitted (one connection there).
    const record = (changes: Partial<PlatformReport>) =>
      inTransaction(this.dataSource, (manager) => manager.update(PlatformReport, { id: row.id }, changes));
    const attempts = row.attempts + 1;
    try {
      const receipt = await this.receiver.deliverReport(JSON.parse(row.payload) as DecisionReport);
      const deliveredAt = new Date();
      await record({
        attempts,
        lastAttemptAt: deliveredAt,
        deliveredAt,
        nextAttemptAt: null,
        lastError: null,
        receiptNumber: receipt.receiptNumber,
      });
      return true;
    } catch (error) {
      // The wait counts from the failure: a timed-out attempt is not retried the moment it gives up.
      const failedAt = new Date();
      const retryInMs = this.backoffMs(attempts);
      // Officers read the last error: a platform's own classification, never an internal message.
      const reason =
        error instanceof PlatformUnavailable
          ? error.message.slice(0, 500)
          : 'unexpected error while reporting (see the licensing log)';
      if (!(error instanceof PlatformUnavailable))
        this.logger.error('decision report failed unexpectedly', {
          applicationNumber: row.applicationNumber,
          ...describeError(error),
        });
      await record({
        attempts,
        lastAttemptAt: failedAt,
        nextAttemptAt: new Date(failedAt.getTime() + retryInMs),
        lastError: reason,
      });
      const level = worthLoggingLoudly(attempts) ? 'warn' : 'debug';
      this.logger[level]('decision report not delivered, will retry', {
        applicationNumber: row.applicationNumber,
        attempts,
        retryInMs,
        error: reason,
      });
      return false;
    }
  }
}
