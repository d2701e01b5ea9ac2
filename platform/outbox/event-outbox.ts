import { randomUUID } from 'node:crypto';
import { IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { SubgraphName } from '../config/config';
import { describeError, type Logger } from '../observability/logger';
import { EVENT_SUBSCRIBERS, type EventEnvelope, type EventPayloads, type EventType } from './domain-event';
import { OutboxMessage } from './outbox-message.entity';
import { PollingRelay, retryBackoffMs, worthLoggingLoudly } from './polling-relay';

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
  private readonly relay: PollingRelay;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: OutboxOptions,
    private readonly logger: Logger,
  ) {
    this.relay = new PollingRelay(() => this.deliverDue(), options.pollIntervalMs);
  }

  /** One row per subscriber of the event's type. */
  private messagesFor(envelope: EventEnvelope, now: Date) {
    return EVENT_SUBSCRIBERS[envelope.type].map((subscriber) => ({
      eventId: envelope.id,
      eventType: envelope.type,
      subscriber,
      envelope: JSON.stringify(envelope),
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      deliveredAt: null,
      lastError: null,
    }));
  }

  async publish<TType extends EventType>(
    manager: EntityManager,
    type: TType,
    payload: EventPayloads[TType],
  ): Promise<EventEnvelope<TType>> {
    const envelope: EventEnvelope<TType> = {
      id: randomUUID(),
      type,
      source: this.options.source,
      occurredAt: new Date().toISOString(),
      payload,
    };
    const rows = this.messagesFor(envelope, new Date());
    if (rows.length > 0) await manager.insert(OutboxMessage, rows);
    this.relay.kickSoon();
    return envelope;
  }

  /**
   * Publishes many events of one type in the caller's transaction with one INSERT (bulk work such as a
   * weigh station's batch opening many draft cases); each event keeps its own id.
   */
  async publishMany<TType extends EventType>(
    manager: EntityManager,
    type: TType,
    payloads: readonly EventPayloads[TType][],
  ): Promise<void> {
    const now = new Date();
    const rows = payloads.flatMap((payload) =>
      this.messagesFor(
        { id: randomUUID(), type, source: this.options.source, occurredAt: now.toISOString(), payload },
        now,
      ),
    );
    if (rows.length === 0) return;
    await manager.createQueryBuilder().insert().into(OutboxMessage).values(rows).updateEntity(false).execute();
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

  private async deliverDue(): Promise<number> {
    let delivered = 0;
    try {
      const due = await this.dataSource.getRepository(OutboxMessage).find({
        where: { deliveredAt: IsNull(), nextAttemptAt: LessThanOrEqual(new Date()) },
        order: { id: 'ASC' },
        take: this.options.batchSize ?? 100,
      });
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
      await repository.update(
        { id: message.id },
        { deliveredAt: new Date(), attempts: message.attempts + 1, lastError: null },
      );
      return true;
    } catch (error) {
      const attempts = message.attempts + 1;
      const retryInMs = retryBackoffMs(attempts, FIRST_RETRY_MS, this.options.maxBackoffMs);
      const reason = error instanceof Error ? error.message : String(error);
      await repository.update(
        { id: message.id },
        { attempts, nextAttemptAt: new Date(Date.now() + retryInMs), lastError: reason.slice(0, 500) },
      );
      const level = worthLoggingLoudly(attempts) ? 'warn' : 'debug';
      this.logger[level]('event delivery failed, will retry', {
        eventId: message.eventId,
        subscriber: message.subscriber,
        attempts,
        retryInMs,
        error: reason,
      });
      return false;
    }
  }
}
