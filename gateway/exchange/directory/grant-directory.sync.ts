import type { Logger } from '../../../platform/observability/logger';
import type { GrantBook } from '../grants/grant-book';
import type { PartnerDirectory } from './partner-directory';

export interface GrantDirectorySyncOptions {
  grants: GrantBook;
  directory: PartnerDirectory;
  /** Every client that has or had a grant (so a revoked or expired last grant is taken away too). */
  grantedClients: () => Promise<string[]>;
  /** The categories a client holds in the realm file (seed), kept whatever its grants say. */
  seedCategories: (clientId: string) => ReadonlySet<string>;
  logger: Logger;
  /** Every client is applied again this often, so expiries take effect and lost changes are repaired. */
  intervalMs: number;
  /** First wait after a failure; it doubles up to intervalMs. */
  retryMs?: number;
}

// A grant recorded inside a transaction is heard of before it is committed: the client is applied once
// at once and once more after this wait (the periodic pass would repair it later anyway).
const AFTER_COMMIT_MS = 1_000;

/**
 * Applies partner clients' grants to the identity provider (授权同步): a client's `category:*` scopes
 * become its seed categories plus the categories of its grants in force. State is read afresh on every
 * pass, so a failed or missed application is repaired by the next one; failures are logged and retried
 * with backoff, the client staying pending until it is applied.
 */
export class GrantDirectorySync {
  /** Clients waiting to be applied, each with the number of the last change heard of. */
  private readonly pending = new Map<string, number>();
  private changes = 0;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private periodic: NodeJS.Timeout | null = null;
  private readonly laterTimers = new Set<NodeJS.Timeout>();
  private failures = 0;
  private closed = false;

  constructor(private readonly options: GrantDirectorySyncOptions) {}

  /** Applies every granted client now and then every intervalMs. */
  start(): void {
    this.options.grants.onChange((clientId) => this.changed(clientId));
    this.periodic = setInterval(() => void this.everyClient(), this.options.intervalMs);
    this.periodic.unref();
    void this.everyClient();
  }

  /** A grant of the client was recorded or revoked. */
  changed(clientId: string): void {
    if (this.closed) return;
    this.mark(clientId);
    const later = setTimeout(() => {
      this.laterTimers.delete(later);
      this.mark(clientId);
    }, AFTER_COMMIT_MS);
    later.unref();
    this.laterTimers.add(later);
  }

  /** Resolves when nothing is pending (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.running || (this.timer && this.failures === 0)) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 5)));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.periodic) clearInterval(this.periodic);
    if (this.timer) clearTimeout(this.timer);
    for (const later of this.laterTimers) clearTimeout(later);
    this.laterTimers.clear();
    await this.settled();
  }

  private async everyClient(): Promise<void> {
    try {
      for (const clientId of await this.options.grantedClients()) this.mark(clientId);
    } catch (error) {
      this.options.logger.warn('grant sync could not list the granted clients; trying again next pass', {
        error: message(error),
      });
    }
  }

  private mark(clientId: string): void {
    if (this.closed) return;
    this.pending.set(clientId, ++this.changes);
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.closed || this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.applyPending().finally(() => {
        this.running = null;
        if (this.pending.size > 0) this.schedule(this.failures > 0 ? this.backoff() : 0);
      });
    }, delayMs);
    this.timer.unref();
  }

  private backoff(): number {
    const first = this.options.retryMs ?? 1_000;
    return Math.min(first * 2 ** Math.min(this.failures - 1, 16), this.options.intervalMs);
  }

  private async applyPending(): Promise<void> {
    let failed = false;
    for (const [clientId, change] of [...this.pending]) {
      if (this.closed) return;
      try {
        const categories = await this.categoriesOf(clientId);
        await this.options.directory.setCategories(clientId, categories);
        // A change heard of while applying keeps the client pending for another pass.
        if (this.pending.get(clientId) === change) this.pending.delete(clientId);
        this.options.logger.debug('grant sync applied', { clientId, categories: [...categories].sort() });
      } catch (error) {
        failed = true;
        this.options.logger.warn('grant sync could not apply a client; it stays pending and is retried', {
          clientId,
          attempt: this.failures + 1,
          error: message(error),
        });
      }
    }
    this.failures = failed ? this.failures + 1 : 0;
  }

  /** Seed categories plus those of the grants in force, read from the database (not the book's cache). */
  async categoriesOf(clientId: string): Promise<Set<string>> {
    this.options.grants.forget(clientId);
    const granted = (await this.options.grants.activeFor(clientId)).categories();
    return new Set([...this.options.seedCategories(clientId), ...granted]);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
