import { IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../kit/database/data-source.factory';
import { describeError, type Logger } from '../../kit/observability/logger';
import { outsideRequest } from '../../kit/observability/request-scope';
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
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<number> | null = null;
  private stopped = true;
  /** Consecutive passes that ended in a failure: the whole relay pauses, so a down platform is not hammered. */
  private failedPasses = 0;
  private pausedUntil = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly receiver: DecisionReportReceiver,
    private readonly options: ReportRelayOptions,
    private readonly logger: Logger,
  ) {}

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
    // Not committed yet; a short delay usually finds it committed, the poll catches the rest.
    this.kickSoon();
  }

  start(): void {
    this.stopped = false;
    this.schedule(this.options.pollIntervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.draining;
  }

  private kickSoon(): void {
    if (!this.stopped) this.schedule(20);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    // An enqueue inside a request starts this timer; the relay's work is not that request's.
    this.timer = setTimeout(() => outsideRequest(() => {
      this.timer = null;
      void this.drain().finally(() => {
        if (!this.stopped && !this.timer) this.schedule(this.options.pollIntervalMs);
      });
    }), delayMs);
    this.timer.unref();
  }

  /** Delivers what is due once; returns how many were delivered. Safe to call concurrently. */
  drain(): Promise<number> {
    if (!this.draining) {
      this.draining = this.deliverDue().finally(() => {
        this.draining = null;
      });
    }
    return this.draining;
  }

  /** Doubling from the first retry per failure, capped; up to 20% jitter so instances do not retry in step. */
  private backoffMs(failures: number): number {
    const first = this.options.firstRetryMs ?? FIRST_RETRY_MS;
    const backoff = Math.min(this.options.maxBackoffMs, first * 2 ** Math.min(Math.max(failures - 1, 0), 20));
    return backoff + Math.floor(Math.random() * backoff * 0.2);
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
    const record = (changes: Partial<PlatformReport>) => inTransaction(this.dataSource, (manager) => manager.update(PlatformReport, { id: row.id }, changes));
    const attempts = row.attempts + 1;
    try {
      const receipt = await this.receiver.deliverReport(JSON.parse(row.payload) as DecisionReport);
      const deliveredAt = new Date();
      await record({ attempts, lastAttemptAt: deliveredAt, deliveredAt, nextAttemptAt: null, lastError: null, receiptNumber: receipt.receiptNumber });
      return true;
    } catch (error) {
      // The wait counts from the failure: a timed-out attempt is not retried the moment it gives up.
      const failedAt = new Date();
      const retryInMs = this.backoffMs(attempts);
      // Officers read the last error: a platform's own classification, never an internal message.
      const reason = error instanceof PlatformUnavailable ? error.message.slice(0, 500) : 'unexpected error while reporting (see the licensing log)';
      if (!(error instanceof PlatformUnavailable)) this.logger.error('decision report failed unexpectedly', { applicationNumber: row.applicationNumber, ...describeError(error) });
      await record({ attempts, lastAttemptAt: failedAt, nextAttemptAt: new Date(failedAt.getTime() + retryInMs), lastError: reason });
      // The first failure and then at doubling intervals, not every retry of a long outage.
      const log = (attempts & (attempts - 1)) === 0 ? this.logger.warn : this.logger.debug;
      log('decision report not delivered, will retry', { applicationNumber: row.applicationNumber, attempts, retryInMs, error: reason });
      return false;
    }
  }
}
