import { In, IsNull, type DataSource, type Repository } from 'typeorm';
import type { SubgraphName } from '../../../platform/config/config';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import type { EventHistorySource } from '../../../platform/outbox/event-history';
import { NOTIFIABLE_EVENTS, notifiableEvent, type NotifiableEvent } from './notifiable-events';
import { NotificationCursor } from './notification-cursor.entity';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationSubscription } from './notification-subscription.entity';

// Reads the departments' event histories (platform/outbox/event-history.ts) for the notifiable event
// types and turns each event into one delivery per subscription that wants it. The read position is a
// cursor in the gateway's database, advanced in the transaction that stores the deliveries, so nothing
// is lost or doubled across restarts; the departments deliver to each other exactly as before.

const PAGE_SIZE = 500;
const MAX_PAGES_PER_PASS = 20;
/**
 * Outbox ids are given at insert and seen at commit: a row of a transaction that committed after a
 * later-numbered one can appear behind the cursor. Each pass reads again this many ids behind it; the
 * unique (subscription, event) key makes the second sighting a no-op.
 */
export const LOOKBACK_IDS = 200;

/** One history the feed reads: a department's outbox rows kept for one of its subscribers. */
export interface FeedSource {
  source: SubgraphName;
  readFrom: SubgraphName;
  history: EventHistorySource;
}

/** The (department, subscriber) histories the notifiable event types need, one each. */
export function feedSourcesNeeded(): Array<{ source: SubgraphName; readFrom: SubgraphName }> {
  const seen = new Map<string, { source: SubgraphName; readFrom: SubgraphName }>();
  for (const event of NOTIFIABLE_EVENTS)
    seen.set(`${event.source}:${event.readFrom}`, { source: event.source, readFrom: event.readFrom });
  return [...seen.values()];
}

/** The payload fields the table names (codes only); the grants cut them again at each attempt. */
function passedOn(event: NotifiableEvent, envelope: EventEnvelope): string {
  const payload = envelope.payload as unknown as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const field of Object.keys(event.fields)) if (payload[field] !== undefined) data[field] = payload[field];
  return JSON.stringify(data);
}

export class NotificationFeed {
  constructor(
    private readonly dataSource: () => DataSource,
    private readonly sources: readonly FeedSource[],
  ) {}

  /** Reads every source's new events; returns how many deliveries were stored. Throws the first source's failure after trying all. */
  async pass(): Promise<number> {
    // Nobody subscribed: no history is read (events from before a subscription are never delivered,
    // so the cursor may stay behind until there is one).
    if ((await this.dataSource().getRepository(NotificationSubscription).countBy({ endedAt: IsNull() })) === 0)
      return 0;
    let stored = 0;
    let failure: Error | null = null;
    for (const source of this.sources) {
      try {
        stored += await this.read(source);
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    if (failure) throw failure;
    return stored;
  }

  private async read(feed: FeedSource): Promise<number> {
    const name = `${feed.source}:${feed.readFrom}`;
    const cursor = await this.dataSource().getRepository(NotificationCursor).findOneBy({ name });
    let readUpTo = cursor?.readUpTo ?? 0;
    let after = Math.max(0, readUpTo - LOOKBACK_IDS);
    let stored = 0;
    for (let page = 0; page < MAX_PAGES_PER_PASS; page += 1) {
      const history = await feed.history.page(feed.readFrom, after, PAGE_SIZE);
      if (history.events.length === 0) break;
      const lastId = history.events[history.events.length - 1].id;
      const envelopes = history.events
        .map((event) => event.envelope)
        .filter((envelope) => {
          const event = notifiableEvent(envelope.type);
          return event && event.source === feed.source && event.readFrom === feed.readFrom;
        });
      const next = Math.max(readUpTo, lastId);
      stored += await this.dataSource().transaction(async (manager) => {
        const inserted = await this.storeDeliveries(
          manager.getRepository(NotificationDelivery),
          manager.getRepository(NotificationSubscription),
          envelopes,
        );
        await manager.getRepository(NotificationCursor).save({ name, readUpTo: next, updatedAt: new Date() });
        return inserted;
      });
      readUpTo = next;
      if (history.next === null) break;
      after = history.next;
    }
    return stored;
  }

  private async storeDeliveries(
    deliveries: Repository<NotificationDelivery>,
    subscriptions: Repository<NotificationSubscription>,
    envelopes: readonly EventEnvelope[],
  ): Promise<number> {
    if (envelopes.length === 0) return 0;
    const active = await subscriptions.findBy({ endedAt: IsNull() });
    if (active.length === 0) return 0;
    const wanted: NotificationDelivery[] = [];
    const now = new Date();
    for (const envelope of envelopes) {
      const event = notifiableEvent(envelope.type)!;
      const occurredAt = new Date(envelope.occurredAt);
      for (const subscription of active) {
        if (!subscription.eventTypes.split(',').includes(envelope.type)) continue;
        if (occurredAt.getTime() < subscription.createdAt.getTime()) continue;
        wanted.push(
          Object.assign(new NotificationDelivery(), {
            subscriptionId: subscription.id,
            eventId: envelope.id,
            eventType: envelope.type,
            occurredAt,
            data: passedOn(event, envelope),
            status: 'PENDING',
            attempts: 0,
            nextAttemptAt: now,
            lastError: null,
            deliveredAt: null,
            createdAt: now,
          }),
        );
      }
    }
    if (wanted.length === 0) return 0;
    const existing = await deliveries.find({
      select: { subscriptionId: true, eventId: true },
      where: { eventId: In([...new Set(wanted.map((delivery) => delivery.eventId))]) },
    });
    const known = new Set(existing.map((delivery) => `${delivery.subscriptionId}:${delivery.eventId}`));
    const fresh = wanted.filter((delivery) => !known.has(`${delivery.subscriptionId}:${delivery.eventId}`));
    if (fresh.length > 0) await deliveries.insert(fresh);
    return fresh.length;
  }
}
