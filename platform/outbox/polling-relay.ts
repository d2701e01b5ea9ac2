import { outsideRequest } from '../observability/request-scope';

/**
 * Wait before the next attempt after `failures` consecutive failures: doubling from `firstMs`, capped at
 * `maxMs`, plus up to 20% jitter so instances do not retry in step.
 */
export function retryBackoffMs(failures: number, firstMs: number, maxMs: number): number {
  const backoff = Math.min(maxMs, firstMs * 2 ** Math.min(Math.max(failures - 1, 0), 20));
  return backoff + Math.floor(Math.random() * backoff * 0.2);
}

/** Log the first failure and then at doubling intervals, not every retry of a long outage. */
export function worthLoggingLoudly(attempts: number): boolean {
  return (attempts & (attempts - 1)) === 0;
}

/**
 * Runs a relay's delivery pass every `pollIntervalMs`, and soon after `kickSoon()` (a write that has
 * just queued something). Passes never overlap; `stop()` waits for the running one.
 */
export class PollingRelay {
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<number> | null = null;
  private stopped = true;

  constructor(
    private readonly pass: () => Promise<number>,
    private readonly pollIntervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.pollIntervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.draining;
  }

  /** The write that called this has not committed yet; a short delay usually finds it committed, the poll catches the rest. */
  kickSoon(): void {
    if (!this.stopped) this.schedule(20);
  }

  /** Runs one pass now (or joins the running one); returns how many items it delivered. */
  drain(): Promise<number> {
    if (!this.draining) {
      this.draining = this.pass().finally(() => {
        this.draining = null;
      });
    }
    return this.draining;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    // A write inside a request starts this timer; the relay's work is not that request's.
    this.timer = setTimeout(
      () =>
        outsideRequest(() => {
          this.timer = null;
          void this.drain().finally(() => {
            if (!this.stopped && !this.timer) this.schedule(this.pollIntervalMs);
          });
        }),
      delayMs,
    );
    this.timer.unref();
  }
}
