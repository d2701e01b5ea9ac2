import type { Logger } from '../../platform/observability/logger';
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

/**
 * Ships the journal into the audit trail, in journal order, as soon as records arrive; while the
 * database is unavailable it retries with backoff, and the records wait on disk. Each batch is one
 * transaction that extends the chain; the journal's cursor moves only after it commits, and a batch whose
 * outcome is unknown is shipped again with the records already stored left out.
 */
export class AuditShipper {
  private readonly settings: ShipperSettings;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private announced = false;
  // After a restart or a failed commit, some of the next batch may already be stored.
  private uncertain = true;
  private outageSince: number | null = null;
  private shippedListeners: Array<() => void> = [];

  constructor(
    private readonly journal: AuditJournal,
    private readonly trail: AuditTrail,
    private readonly logger: Logger,
    settings: Partial<ShipperSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** A record was journaled: ship it now. */
  announce(): void {
    this.announced = true;
    this.wake?.();
  }

  /** Waits until everything journaled so far is in the trail, or `timeoutMs` passed; says which. */
  async caughtUp(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.journal.caughtUp()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      this.announce();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.shippedListeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => {
      this.wake = null;
    });
  }

  private async run(): Promise<void> {
    let backoffMs = 100;
    while (this.running) {
      this.announced = false;
      let shipped = 0;
      try {
        const records = await this.journal.unshipped(this.settings.batchSize);
        if (records.length > 0) {
          shipped = records.length;
          await this.trail.appendShipped(
            records.map((record) => record.entry),
            this.uncertain,
          );
          this.uncertain = false;
          this.journal.shipped(records.at(-1)!.end);
          if (this.outageSince !== null) {
            this.logger.warn('audit trail reachable again: journaled records shipped', {
              outageMs: Date.now() - this.outageSince,
            });
            this.outageSince = null;
          }
          backoffMs = 100;
          const listeners = this.shippedListeners.splice(0);
          for (const listener of listeners) listener();
        }
      } catch (error) {
        shipped = 0;
        this.uncertain = true;
        if (this.outageSince === null) {
          this.outageSince = Date.now();
          this.logger.error('audit trail unavailable: records wait in the journal', {
            error: error instanceof Error ? error.message : String(error),
          });
        }
        await this.sleep(backoffMs);
        backoffMs = Math.min(this.settings.maxBackoffMs, backoffMs * 2);
        continue;
      }
      // A full batch means more may be waiting; otherwise wait for the next record (or look again soon).
      if (shipped < this.settings.batchSize && !this.announced && this.running) await this.sleep(this.settings.idleMs);
    }
  }
}
