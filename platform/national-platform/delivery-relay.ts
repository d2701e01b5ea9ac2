import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Between, In, MoreThan, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { inTransaction } from '../database/data-source.factory';
import { forUpdateSkipLocked } from '../database/sql-dialect';
import { describeError, type Logger } from '../observability/logger';
import { PollingRelay, retryBackoffMs, worthLoggingLoudly } from '../outbox/polling-relay';
import { NationalPlatformUnavailable } from './platform-unavailable';

/** The states of a delivery row; each platform's entity uses these values. */
const PENDING = 'PENDING';
const DELIVERED = 'DELIVERED';
const REFUSED = 'REFUSED';

/** The columns every push outbox to a national platform has (one row per version of a record). */
export interface DeliveryRow {
  id: number;
  version: number;
  payload: string;
  state: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  receiptNumber: string | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

/** What a platform made of a pushed version (transient failures throw NationalPlatformUnavailable instead). */
export type DeliveryOutcome =
  /** Applied now, or applied earlier with the same body (a retry after a lost answer). */
  | { outcome: 'ACCEPTED' | 'DUPLICATE'; receiptNumber: string }
  /** The platform has not applied the version before this one: send that first. */
  | { outcome: 'OUT_OF_ORDER'; expectedVersion: number }
  /** Refused for good: a malformed body, or another body under the same record and version. */
  | { outcome: 'REFUSED'; reason: string };

/** One platform's push outbox: its entity, which properties name a record, and how to send a row. */
export interface DeliveryTable<Row extends DeliveryRow> {
  entity: new () => Row;
  /** The properties that, with `version`, name one version of one record (e.g. recordType, recordId). */
  typeProperty: keyof Row & string;
  idProperty: keyof Row & string;
  /** For logs: `national credit platform`. */
  platformName: string;
  /** The subgraph whose log holds unexpected failures (officers read `see the credit log`). */
  subgraph: string;
  push(row: Row): Promise<DeliveryOutcome>;
}

export interface DeliveryRelayOptions {
  /** How often the relay looks for due deliveries (OUTBOX_POLL_MS). */
  pollIntervalMs: number;
  /** Longest wait between attempts while the platform is down (OUTBOX_MAX_BACKOFF_MS). */
  maxBackoffMs: number;
  /** Wait after a first failure, doubled with every further one (default 500 ms). */
  firstRetryMs?: number;
  /** Pushes in flight at once (CREDIT_PLATFORM_CONCURRENCY, SAFETY_PLATFORM_CONCURRENCY). */
  concurrency: number;
  /** The adapter's timeout for one push: a claimed row is only sent while its lease outlasts it. */
  requestTimeoutMs: number;
  /** Deliveries claimed at once (default 200). */
  batchSize?: number;
  /** This relay's name in the lease column (default host, process and a random part). */
  owner?: string;
}

const FIRST_RETRY_MS = 500;
const BATCH_SIZE = 200;

/** What became of one claimed row. */
type Result<Row> =
  | { row: Row; outcome: DeliveryOutcome }
  | { row: Row; outcome: 'UNAVAILABLE'; reason: string }
  | { row: Row; outcome: 'UNSENT' };

/** Runs `work` over `items` with at most `limit` at once. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Delivers a push outbox to a national platform: at least once (the platform is idempotent by type, id
 * and version), version n of a record only after n-1 is delivered, several records at once.
 *
 * A pass claims due rows whose earlier versions are all delivered, in one short transaction (SELECT ...
 * FOR UPDATE SKIP LOCKED on MySQL/MariaDB; the embedded database has one writer) that stamps them with
 * this relay's lease; sends them `concurrency` at a time; and records every answer in one transaction,
 * only where the lease is still its own. A relay that dies between send and acknowledgement leaves rows
 * leased: another relay (or it, restarted) takes them over when the lease has run out and sends again,
 * which the platform answers as a duplicate. The lease is three request timeouts long, and a row is
 * never sent once fewer than one timeout of its lease is left, so two relays never send one row at once.
 * While the platform fails, each row waits with its own backoff and the relay probes with one row at a
 * time, pausing between probes with the same backoff.
 */
export class LeasedDeliveryRelay<Row extends DeliveryRow> {
  readonly owner: string;
  private readonly relay: PollingRelay;
  private readonly leaseMs: number;
  private failedPasses = 0;
  private pausedUntil = 0;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly table: DeliveryTable<Row>,
    private readonly options: DeliveryRelayOptions,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`.slice(0, 64);
    this.leaseMs = Math.max(10_000, 3 * options.requestTimeoutMs);
    this.relay = new PollingRelay(() => this.deliverDue(), options.pollIntervalMs);
  }

  start(): void {
    this.stopping = false;
    this.relay.start();
  }

  /** Stops taking new rows; waits for the pushes in flight and records their answers. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.relay.stop();
  }

  /** A change was just recorded: look soon rather than at the next poll. */
  kickSoon(): void {
    this.relay.kickSoon();
  }

  /** Delivers what is due now (joining a pass in progress); returns how many were delivered. */
  drain(): Promise<number> {
    return this.relay.drain();
  }

  private backoffMs(failures: number): number {
    return retryBackoffMs(failures, this.options.firstRetryMs ?? FIRST_RETRY_MS, this.options.maxBackoffMs);
  }

  private async deliverDue(): Promise<number> {
    let delivered = 0;
    // Batch after batch until nothing is due: a backlog drains without waiting for the next poll.
    while (!this.stopping && this.clock().getTime() >= this.pausedUntil) {
      try {
        const claimed = await this.claim(this.failedPasses > 0 ? 1 : (this.options.batchSize ?? BATCH_SIZE));
        if (claimed.length === 0) break;
        const results = await this.send(claimed);
        await this.acknowledge(results);
        delivered += results.filter((result) => isDelivered(result.outcome)).length;
        if (results.some((result) => result.outcome === 'UNAVAILABLE')) {
          // The platform is most likely down: pause the whole relay, then probe with one row.
          this.failedPasses += 1;
          this.pausedUntil = this.clock().getTime() + this.backoffMs(this.failedPasses);
          break;
        }
        // The probe got through after an outage: what waited out its backoff meanwhile is due at once, so
        // the backlog drains now rather than at each row's next backoff (up to OUTBOX_MAX_BACKOFF_MS).
        if (this.failedPasses > 0 && results.some((result) => isDelivered(result.outcome)))
          await this.resumeBackedOff();
        this.failedPasses = 0;
      } catch (error) {
        // The database (or a bug): rows stay leased until their lease runs out, then are taken again.
        this.logger.error(`${this.table.platformName} relay failed`, describeError(error));
        break;
      }
    }
    return delivered;
  }

  /** Pending rows waiting out a backoff become due now. */
  private async resumeBackedOff(): Promise<void> {
    const now = this.clock();
    const result = await this.dataSource
      .getRepository(this.table.entity)
      .update(this.where({ state: PENDING, nextAttemptAt: MoreThan(now) }), this.changes({ nextAttemptAt: now }));
    if ((result.affected ?? 0) > 0)
      this.logger.info(`${this.table.platformName} answers again; backed-off pushes resumed`, {
        resumed: result.affected,
      });
  }

  /** Due rows whose earlier versions are all delivered, leased to this relay. */
  private claim(limit: number): Promise<Row[]> {
    return inTransaction(this.dataSource, async (manager) => {
      const now = this.clock();
      const { entity, typeProperty, idProperty } = this.table;
      const query = manager.createQueryBuilder(entity, 'delivery');
      const earlierUndelivered = query
        .subQuery()
        .select('1')
        .from(entity, 'earlier')
        .where(`earlier.${typeProperty} = delivery.${typeProperty}`)
        .andWhere(`earlier.${idProperty} = delivery.${idProperty}`)
        .andWhere('earlier.version < delivery.version')
        .andWhere('earlier.state <> :delivered')
        .getQuery();
      const due = await forUpdateSkipLocked(
        query
          .where('delivery.state = :pending')
          .andWhere('delivery.nextAttemptAt <= :now')
          .andWhere('(delivery.leaseUntil IS NULL OR delivery.leaseUntil < :now)')
          .andWhere(`NOT EXISTS ${earlierUndelivered}`)
          .setParameters({ pending: PENDING, delivered: DELIVERED, now })
          .orderBy('delivery.nextAttemptAt', 'ASC')
          .addOrderBy('delivery.id', 'ASC')
          .limit(limit),
      ).getMany();
      if (due.length === 0) return [];
      const leaseUntil = new Date(now.getTime() + this.leaseMs);
      await manager.update(
        entity,
        this.where({ id: In(due.map((row) => row.id)) }),
        this.changes({ leaseOwner: this.owner, leaseUntil }),
      );
      return due.map((row) => Object.assign(row, { leaseOwner: this.owner, leaseUntil }));
    });
  }

  private async send(claimed: Row[]): Promise<Result<Row>[]> {
    const results: Result<Row>[] = [];
    let platformFailing = false;
    await eachConcurrently(claimed, this.options.concurrency, async (row) => {
      // No new push once the platform failed, the relay is stopping, or the lease would not outlast it.
      const leaseLeft = (row.leaseUntil?.getTime() ?? 0) - this.clock().getTime();
      if (platformFailing || this.stopping || leaseLeft <= this.options.requestTimeoutMs) {
        results.push({ row, outcome: 'UNSENT' });
        return;
      }
      try {
        results.push({ row, outcome: await this.table.push(row) });
      } catch (error) {
        platformFailing = true;
        // Officers read the reason: the platform's classification, never an internal message.
        const reason =
          error instanceof NationalPlatformUnavailable
            ? error.message
            : `unexpected error while pushing (see the ${this.table.subgraph} log)`;
        if (!(error instanceof NationalPlatformUnavailable))
          this.logger.error(`${this.table.subgraph} push failed unexpectedly`, {
            ...this.keyOf(row),
            ...describeError(error),
          });
        results.push({ row, outcome: 'UNAVAILABLE', reason: reason.slice(0, 500) });
      }
    });
    return results;
  }

  /** Every answer of a batch in one transaction, each only where this relay still holds the lease. */
  private acknowledge(results: Result<Row>[]): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      const now = this.clock();
      const released = { leaseOwner: null, leaseUntil: null };
      const delivered: Array<{ row: Row; receiptNumber: string }> = [];
      const unsent: number[] = [];
      for (const result of results) {
        const { row } = result;
        const mine = { id: row.id, leaseOwner: this.owner };
        const attempted = { attempts: row.attempts + 1, lastAttemptAt: now, ...released };
        if (result.outcome === 'UNSENT') {
          unsent.push(row.id);
        } else if (result.outcome === 'UNAVAILABLE') {
          await this.retryLater(manager, row, mine, attempted, result.reason);
        } else {
          const answer = result.outcome;
          switch (answer.outcome) {
            case 'ACCEPTED':
            case 'DUPLICATE':
              delivered.push({ row, receiptNumber: answer.receiptNumber });
              break;
            case 'OUT_OF_ORDER':
              await this.outOfOrder(manager, row, mine, attempted, answer.expectedVersion, now);
              break;
            case 'REFUSED':
              await this.refused(manager, row, mine, attempted, answer.reason);
              break;
          }
        }
      }
      if (unsent.length > 0)
        await manager.update(
          this.table.entity,
          this.where({ id: In(unsent), leaseOwner: this.owner }),
          this.changes(released),
        );
      if (delivered.length > 0) await this.markDelivered(manager, delivered, now);
    });
  }

  private async refused(
    manager: EntityManager,
    row: Row,
    mine: { id: number; leaseOwner: string },
    attempted: Partial<DeliveryRow>,
    reason: string,
  ): Promise<void> {
    await manager.update(
      this.table.entity,
      this.where(mine),
      this.changes({
        ...attempted,
        state: REFUSED,
        nextAttemptAt: null,
        lastError: `平台拒收 (refused by the platform): ${reason}`.slice(0, 500),
      }),
    );
    this.logger.warn(`${this.table.subgraph} push refused by the ${this.table.platformName}`, {
      ...this.keyOf(row),
      reason,
    });
  }

  private async outOfOrder(
    manager: EntityManager,
    row: Row,
    mine: { id: number; leaseOwner: string },
    attempted: Partial<DeliveryRow>,
    expectedVersion: number,
    now: Date,
  ): Promise<void> {
    await this.retryLater(
      manager,
      row,
      mine,
      attempted,
      `平台要求先送达第${expectedVersion}版 (the platform expects version ${expectedVersion} first)`,
    );
    // The platform lost versions it had acknowledged: send them again, in order.
    if (expectedVersion < row.version)
      await manager.update(
        this.table.entity,
        this.where({
          [this.table.typeProperty]: row[this.table.typeProperty],
          [this.table.idProperty]: row[this.table.idProperty],
          version: Between(expectedVersion, row.version - 1),
          state: DELIVERED,
        }),
        this.changes({ state: PENDING, nextAttemptAt: now, deliveredAt: null }),
      );
  }

  private async retryLater(
    manager: EntityManager,
    row: Row,
    mine: { id: number; leaseOwner: string },
    attempted: Partial<DeliveryRow>,
    reason: string,
  ): Promise<void> {
    const attempts = row.attempts + 1;
    const retryInMs = this.backoffMs(attempts);
    await manager.update(
      this.table.entity,
      this.where(mine),
      this.changes({
        ...attempted,
        // The wait counts from the failure: a timed-out attempt is not retried the moment it gives up.
        nextAttemptAt: new Date(this.clock().getTime() + retryInMs),
        lastError: reason.slice(0, 500),
      }),
    );
    const level = worthLoggingLoudly(attempts) ? 'warn' : 'debug';
    this.logger[level](`${this.table.subgraph} push not delivered, will retry`, {
      ...this.keyOf(row),
      attempts,
      retryInMs,
      error: reason,
    });
  }

  /** A row's record and version, for logs. */
  private keyOf(row: Row): Record<string, unknown> {
    return {
      [this.table.typeProperty]: row[this.table.typeProperty],
      [this.table.idProperty]: row[this.table.idProperty],
      version: row.version,
    };
  }

  // TypeORM cannot see that criteria over DeliveryRow's columns fit every Row: the casts say so once.
  private where(criteria: Record<string, unknown>): FindOptionsWhere<Row> {
    return criteria as FindOptionsWhere<Row>;
  }

  private changes(values: Partial<DeliveryRow>): QueryDeepPartialEntity<Row> {
    return values as QueryDeepPartialEntity<Row>;
  }

  /** One UPDATE for every delivered row of the batch, each with its receipt number. */
  private async markDelivered(
    manager: EntityManager,
    delivered: Array<{ row: Row; receiptNumber: string }>,
    now: Date,
  ): Promise<void> {
    const parameters: Record<string, unknown> = { owner: this.owner, ids: delivered.map((each) => each.row.id) };
    const cases = delivered.map((each, index) => {
      parameters[`id${index}`] = each.row.id;
      parameters[`receipt${index}`] = each.receiptNumber;
      return `WHEN :id${index} THEN :receipt${index}`;
    });
    await manager
      .createQueryBuilder()
      .update(this.table.entity)
      .set({
        state: DELIVERED,
        attempts: () => 'attempts + 1',
        lastAttemptAt: now,
        deliveredAt: now,
        nextAttemptAt: null,
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
        receiptNumber: () => `CASE id ${cases.join(' ')} END`,
      } as QueryDeepPartialEntity<DeliveryRow> as QueryDeepPartialEntity<Row>)
      .where('id IN (:...ids)')
      .andWhere('lease_owner = :owner')
      .setParameters(parameters)
      .execute();
  }
}

function isDelivered<Row>(outcome: Result<Row>['outcome']): boolean {
  return typeof outcome === 'object' && (outcome.outcome === 'ACCEPTED' || outcome.outcome === 'DUPLICATE');
}
