import { randomUUID } from 'node:crypto';
import { IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { SubgraphName } from '../config/config';
import { describeError, type Logger } from '../observability/logger';
import { outsideRequest } from '../observability/request-scope';
import { EVENT_SUBSCRIBERS, type EventEnvelope, type EventPayloads, type EventType } from './domain-event';
import { OutboxMessage } from './outbox-message.entity';
import { outsideTransactions } from '../database/data-source.factory';

/** How an event reaches a subscriber. HTTP today; a message broker can take its place. */
export interface EventTransport {
  deliver(subscriber: SubgraphName, envelope: EventEnvelope): Promise<void>;
}

export interface OutboxOptions {
  source: SubgraphName;
  pollIntervalMs: number;
  maxBackoffMs: number;
  batchSize?: number;
}

const FIRST_RETRY_MS = 500;

/**
 * The transactional outbox: `publish` writes the event in the caller's transaction; the relay delivers
 * it afterwards, at least once, retrying with capped exponential backoff while a subscriber is down.
 */
export class EventOutbox {
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<number> | null = null;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: OutboxOptions,
    private readonly logger: Logger,
  ) {}

  async publish<TType extends EventType>(manager: EntityManager, type: TType, payload: EventPayloads[TType]): Promise<EventEnvelope<TType>> {
    const envelope: EventEnvelope<TType> = {
      id: randomUUID(),
      type,
      source: this.options.source,
      occurredAt: new Date().toISOString(),
      payload,
    };
    const now = new Date();
    const rows = EVENT_SUBSCRIBERS[type].map((subscriber) =>
      manager.create(OutboxMessage, {
        eventId: envelope.id,
        eventType: type,
        subscriber,
        envelope: JSON.stringify(envelope),
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        deliveredAt: null,
        lastError: null,
      }),
    );
    if (rows.length > 0) await manager.insert(OutboxMessage, rows);
    // The transaction has not committed yet; a short delay usually finds it committed, the poll catches the rest.
    this.kickSoon();
    return envelope;
  }

  /**
   * Publishes many events of one type in the caller's transaction with one INSERT (bulk work such as a
   * weigh station's batch opening many draft cases); each event keeps its own id.
   */
  async publishMany<TType extends EventType>(manager: EntityManager, type: TType, payloads: readonly EventPayloads[TType][]): Promise<void> {
    const now = new Date();
    const rows = payloads.flatMap((payload) => {
      const envelope: EventEnvelope<TType> = { id: randomUUID(), type, source: this.options.source, occurredAt: now.toISOString(), payload };
      return EVENT_SUBSCRIBERS[type].map((subscriber) => ({
        eventId: envelope.id,
        eventType: type,
        subscriber,
        envelope: JSON.stringify(envelope),
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        deliveredAt: null,
        lastError: null,
      }));
    });
    if (rows.length === 0) return;
    await manager.createQueryBuilder().insert().into(OutboxMessage).values(rows).updateEntity(false).execute();
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
    // A publish inside a request starts this timer; the relay's work is not that request's.
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

  private async deliverDue(): Promise<number> {
    let delivered = 0;
    try {
      // On the embedded database, never read (or mark) rows of a transaction that is still open.
      const due = await outsideTransactions(this.dataSource, () =>
        this.dataSource.getRepository(OutboxMessage).find({
          where: { deliveredAt: IsNull(), nextAttemptAt: LessThanOrEqual(new Date()) },
          order: { id: 'ASC' },
          take: this.options.batchSize ?? 100,
        }),
      );
      // A subscriber that just failed is not tried again in this pass, so its events keep their order.
      const failedSubscribers = new Set<string>();
      for (const message of due) {
        if (failedSubscribers.has(message.subscriber)) continue;
        if (await this.deliverOne(message)) delivered += 1;
        else failedSubscribers.add(message.subscriber);
      }
    } catch (error) {
      this.logger.error('outbox relay failed', describeError(error));
    }
    return delivered;
  }

  private async deliverOne(message: OutboxMessage): Promise<boolean> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    try {
      await this.transport.deliver(message.subscriber as SubgraphName, JSON.parse(message.envelope) as EventEnvelope);
      await outsideTransactions(this.dataSource, () => repository.update({ id: message.id }, { deliveredAt: new Date(), attempts: message.attempts + 1, lastError: null }));
      return true;
    } catch (error) {
      const attempts = message.attempts + 1;
      const backoff = Math.min(this.options.maxBackoffMs, FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 20));
      const jitter = Math.floor(Math.random() * backoff * 0.2);
      const reason = error instanceof Error ? error.message : String(error);
      await outsideTransactions(this.dataSource, () =>
        repository.update({ id: message.id }, { attempts, nextAttemptAt: new Date(Date.now() + backoff + jitter), lastError: reason.slice(0, 500) }),
      );
      // Log the first failure and then at doubling intervals, not every retry of a long outage.
      const log = (attempts & (attempts - 1)) === 0 ? this.logger.warn : this.logger.debug;
      log('event delivery failed, will retry', {
        eventId: message.eventId,
        subscriber: message.subscriber,
        attempts,
        retryInMs: backoff + jitter,
        error: reason,
      });
      return false;
    }
  }
}
