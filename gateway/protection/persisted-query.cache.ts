import type { PersistedOperations } from './persisted-operations';

const APQ_PREFIX = 'apq:';
const MAX_REGISTERED = 10_000;

/**
 * Apollo Server's persisted-query store, preloaded with every registered machine-client operation so
 * a client may send only the hash. Officers' clients may register their own documents (automatic
 * persisted queries); those are bounded in number and give no extra rights: safelisting checks the
 * registry, not this cache.
 */
export class PersistedQueryCache {
  private readonly registered = new Map<string, string>();
  private readonly learned = new Map<string, string>();

  constructor(operations: PersistedOperations) {
    for (const operation of operations.all())
      this.registered.set(`${APQ_PREFIX}${operation.sha256}`, operation.document);
  }

  async get(key: string): Promise<string | undefined> {
    return this.registered.get(key) ?? this.learned.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    if (this.registered.has(key)) return;
    if (this.learned.size >= MAX_REGISTERED) this.learned.delete(this.learned.keys().next().value as string);
    this.learned.set(key, value);
  }

  async delete(key: string): Promise<boolean | void> {
    this.learned.delete(key);
  }
}
