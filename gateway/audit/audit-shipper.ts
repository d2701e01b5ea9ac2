import type { Logger } from '../../platform/observability/logger';
import { PollingRelay, retryBackoffMs } from '../../platform/outbox/polling-relay';
import type { AuditJournal } from './audit-journal';
import type { AuditTrail } from './audit-trail';

export interface ShipperSettings {
  /** Records per transaction. */
  batchSize: number;
  /** How long to wait before retrying while the trail's database is unavailable, at most. */
  maxBackoffMs: number;
  /** How often to look at the journal when nothing announced a new record. */
  idleMs: number;
}

const DEFAULT_SETTINGS: ShipperSettings = { batchSize: 500, maxBackoffMs: 10_000, idleMs: 1_000 };
const FIRST_BACKOFF_MS = 100;

/**
 * Ships the journal into the audit trail, in journal order, as soon as records arrive (a polling relay,
 * like the event outbox's); while the database is unavailable it retries with backoff, and the records
 * wait on disk. Each batch is one transaction that extends the chain; the journal's cursor moves only
 * after it commits, and a batch whose outcome is unknown is shipped again with the records already stored
 * left out.
 */
export class AuditShipper {
  private readonly settings: ShipperSettings;
  private readonly relay: PollingRelay;
  // After a restart or a failed commit, some of the next batch may already be stored.
  private uncertain = true;
  private failures = 0;
  private retryAt = 0;
  private outageSince: number | null = null;

  constructor(
    private readonly journal: AuditJournal,
    private readonly trail: AuditTrail,
    private readonly logger: Logger,
    settings: Partial<ShipperSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.relay = new PollingRelay(() => this.shipAll(), this.settings.idleMs);
  }

  start(): void {
    this.relay.start();
  }

  /** A record was journaled: ship it now. */
  announce(): void {
    this.relay.kickSoon();
  }

  /** Waits until everything journaled so far is in the trail, or `timeoutMs` passed; says which. */
  async caughtUp(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.journal.caughtUp()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.relay.drain();
      if (!this.journal.caughtUp()) await new Promise((resolve) => setTimeout(resolve, Math.min(left, 50)));
    }
    return true;
  }

  stop(): Promise<void> {
    return this.relay.stop();
  }

  /** One pass: every batch waiting, until the journal is shipped or the trail fails (then backs off). */
  private async shipAll(): Promise<number> {
    if (Date.now() < this.retryAt) return 0;
    let shipped = 0;
    try {
      for (;;) {
        const records = await this.journal.unshipped(this.settings.batchSize);
        if (records.length === 0) break;
        await this.trail.appendShipped(
          records.map((record) => record.entry),
          this.uncertain,
        );
        this.uncertain = false;
        this.journal.shipped(records.at(-1)!.end);
        shipped += records.length;
      }
      if (this.outageSince !== null) {
        this.logger.warn('audit trail reachable again: journaled records shipped', {
          outageMs: Date.now() - this.outageSince,
        });
        this.outageSince = null;
      }
      this.failures = 0;
    } catch (error) {
      this.uncertain = true;
      this.failures += 1;
      this.retryAt = Date.now() + retryBackoffMs(this.failures, FIRST_BACKOFF_MS, this.settings.maxBackoffMs);
      if (this.outageSince === null) {
        this.outageSince = Date.now();
        this.logger.error('audit trail unavailable: records wait in the journal', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return shipped;
  }
}
