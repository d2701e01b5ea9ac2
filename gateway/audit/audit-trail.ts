import { In, LessThan, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { inLockedTransaction } from '../../platform/database/sql-dialect';
import type { Logger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { wholeSeconds } from '../../platform/time/whole-seconds';
import { chainHash, GENESIS_HASH, type ChainedContent } from './audit-chain';
import { AuditOutcome, AuditRecord, AuditRecordKind } from './audit-record.entity';

export type AuditEntry = Omit<ChainedContent, 'kind' | 'previousHash'>;

interface Pending {
  entry: AuditEntry;
  resolve(): void;
  reject(error: unknown): void;
}

export interface ChainVerification {
  intact: boolean;
  recordsChecked: number;
  /** The first record that does not match its hash or link, when broken. */
  firstBrokenId: number | null;
  problem: string | null;
  /** The checkpoint the remaining chain starts from, when old records were pruned. */
  anchoredAt: number | null;
}

const CHAIN_LOCK = 'single_window_audit_chain';

export const AUDIT_RECORDS_METRIC = 'audit_records_total';
export const AUDIT_BATCHES_METRIC = 'audit_batches_total';
/** Summed over answers: how long each waited for its audit record to be stored (journal, or trail as fallback). */
export const AUDIT_WAIT_MICROSECONDS_METRIC = 'audit_wait_microseconds_total';

/**
 * The gateway's tamper-evident audit trail. Appends are group-committed: requests arriving while a
 * batch is written wait for the next one, so a busy gateway writes one transaction per batch, not per
 * request, and each caller is answered only once its record is stored.
 */
export class AuditTrail {
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  /** The trail's database; throws an outage while it is not reachable. */
  private readonly dataSource: () => DataSource;

  constructor(
    dataSource: DataSource | (() => DataSource),
    private readonly logger: Logger,
    private readonly counters = new Counters(),
  ) {
    this.dataSource = typeof dataSource === 'function' ? dataSource : () => dataSource;
  }

  append(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.writing) this.writing = this.writeBatches();
    });
  }

  /** Waits until everything appended so far is stored. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeBatches(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, 500);
        try {
          await this.withChainLock((manager, previousHash) =>
            this.insertChained(
              manager,
              previousHash,
              batch.map((pending) => ({ ...pending.entry, kind: AuditRecordKind.REQUEST })),
            ),
          );
          // The answer's wait is counted where it waits (the gateway), journal or this fallback alike.
          this.counters.increment(AUDIT_RECORDS_METRIC, batch.length);
          this.counters.increment(AUDIT_BATCHES_METRIC);
          for (const pending of batch) pending.resolve();
        } catch (error) {
          this.logger.error('audit records could not be written', {
            error: error instanceof Error ? error.message : String(error),
            records: batch.length,
          });
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  /**
   * Appends entries shipped from the gateway's journal, in their order, in one transaction. With
   * `skipStored` (after a restart, or when a commit's outcome was lost with the connection) entries whose
   * request id is already in the trail are left out, so shipping again never stores a record twice.
   * Returns how many were stored.
   */
  async appendShipped(entries: AuditEntry[], skipStored: boolean): Promise<number> {
    if (entries.length === 0) return 0;
    const stored = await this.withChainLock(async (manager, previousHash) => {
      let toStore = entries;
      if (skipStored) {
        const since = new Date(Math.min(...entries.map((entry) => wholeSeconds(entry.occurredAt).getTime())));
        const present = await manager.find(AuditRecord, {
          select: { requestId: true },
          // occurredAt narrows the search to the index's range; request ids are unique per request.
          where: { occurredAt: MoreThanOrEqual(since), requestId: In(entries.map((entry) => entry.requestId)) },
        });
        const presentIds = new Set(present.map((record) => record.requestId));
        toStore = entries.filter((entry) => !presentIds.has(entry.requestId));
      }
      if (toStore.length > 0)
        await this.insertChained(
          manager,
          previousHash,
          toStore.map((entry) => ({ ...entry, kind: AuditRecordKind.REQUEST })),
        );
      return toStore.length;
    });
    this.counters.increment(AUDIT_RECORDS_METRIC, stored);
    this.counters.increment(AUDIT_BATCHES_METRIC);
    return stored;
  }

  /** Runs `work` holding the chain against every other writer of it, in any gateway process; the head is read inside. */
  private withChainLock<T>(work: (manager: EntityManager, previousHash: string) => Promise<T>): Promise<T> {
    return inLockedTransaction(this.dataSource(), CHAIN_LOCK, async (manager) => {
      const head = await manager.find(AuditRecord, {
        select: { id: true, hash: true },
        order: { id: 'DESC' },
        take: 1,
      });
      return work(manager, head[0]?.hash ?? GENESIS_HASH);
    });
  }

  private async insertChained(
    manager: EntityManager,
    previousHash: string,
    entries: Array<Omit<ChainedContent, 'previousHash'>>,
  ): Promise<void> {
    let link = previousHash;
    const rows = entries.map((entry) => {
      const content: ChainedContent = { ...entry, previousHash: link };
      link = chainHash(content);
      return manager.create(AuditRecord, { ...content, hash: link });
    });
    // One statement per batch; ids follow insertion order, which is chain order.
    await manager.insert(AuditRecord, rows);
  }

  /**
   * Deletes request records older than the retention and writes a checkpoint record naming the last
   * pruned record and its hash; verification starts from it, so what remains stays verifiable.
   */
  async prune(retentionDays: number, now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    return this.withChainLock(async (manager, previousHash) => {
      const last = await manager.find(AuditRecord, {
        where: { occurredAt: LessThan(cutoff) },
        order: { id: 'DESC' },
        take: 1,
      });
      if (last.length === 0) return 0;
      const through = last[0];
      const result = await manager.delete(AuditRecord, { id: LessThan(through.id + 1) });
      await this.insertChained(manager, previousHash, [
        {
          kind: AuditRecordKind.CHECKPOINT,
          occurredAt: now,
          requestId: `prune-through-${through.id}`,
          subject: null,
          username: 'audit-retention',
          clientId: null,
          roles: '',
          region: null,
          purposeCode: null,
          purposeReason: `pruned ${result.affected ?? 0} records older than ${retentionDays} days`,
          operationName: null,
          operationType: null,
          // The anchor: the id and hash of the last pruned record.
          documentHash: through.hash,
          variables: JSON.stringify({ prunedThroughId: through.id, prunedThroughHash: through.hash }),
          entities: '',
          subgraphs: '',
          outcome: AuditOutcome.OK,
          errorCodes: '',
          httpStatus: 0,
          durationMs: 0,
          clientAddress: null,
        },
      ]);
      return result.affected ?? 0;
    });
  }

  /** Walks the whole chain in id order and names the first record whose hash or link is wrong. */
  async verify(batchSize = 2000): Promise<ChainVerification> {
    const repository = this.dataSource().getRepository(AuditRecord);
    // A checkpoint anchors the oldest remaining record to the last pruned one.
    const checkpoint = await repository.findOne({ where: { kind: AuditRecordKind.CHECKPOINT }, order: { id: 'DESC' } });
    const anchor = checkpoint
      ? (JSON.parse(checkpoint.variables) as { prunedThroughId: number; prunedThroughHash: string })
      : null;
    let expectedPrevious = anchor?.prunedThroughHash ?? GENESIS_HASH;
    let afterId = 0;
    let checked = 0;
    for (;;) {
      const rows = await repository
        .createQueryBuilder('record')
        .where('record.id > :afterId', { afterId })
        .orderBy('record.id', 'ASC')
        .take(batchSize)
        .getMany();
      if (rows.length === 0) break;
      for (const row of rows) {
        const { id: _id, hash, ...content } = row;
        if (row.previousHash !== expectedPrevious) {
          return {
            intact: false,
            recordsChecked: checked,
            firstBrokenId: row.id,
            problem: 'its link to the previous record does not match (a record before it was removed or altered)',
            anchoredAt: anchor?.prunedThroughId ?? null,
          };
        }
        if (chainHash(content) !== hash) {
          return {
            intact: false,
            recordsChecked: checked,
            firstBrokenId: row.id,
            problem: 'its content does not match its hash (the record was altered)',
            anchoredAt: anchor?.prunedThroughId ?? null,
          };
        }
        expectedPrevious = hash;
        checked += 1;
        afterId = row.id;
      }
    }
    return {
      intact: true,
      recordsChecked: checked,
      firstBrokenId: null,
      problem: null,
      anchoredAt: anchor?.prunedThroughId ?? null,
    };
  }
}
