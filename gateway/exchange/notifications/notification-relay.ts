import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { describeError, type Logger } from '../../../platform/observability/logger';
import { PollingRelay, retryBackoffMs, worthLoggingLoudly } from '../../../platform/outbox/polling-relay';
import type { GrantBook } from '../grants/grant-book';
import { grantedData, notifiableEvent } from './notifiable-events';
import type { NotificationFeed } from './notification-feed';
import { NotificationDelivery, type DeliveryStatus } from './notification-delivery.entity';
import { NotificationSubscription } from './notification-subscription.entity';
import { publicOnlyLookup, webhookUrlProblem, type WebhookRules } from './webhook-address';
import { EVENT_ID_HEADER, signNotification, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

/** How the relay runs (README, Configuration: NOTIFICATION_*). */
export interface NotificationSettings {
  pollIntervalMs: number;
  /** Attempts before a delivery is marked FAILED. */
  maxAttempts: number;
  firstRetryMs: number;
  maxRetryMs: number;
  /** Per attempt, connecting and reading the answer included. */
  timeoutMs: number;
  rules: WebhookRules;
}

const BATCH = 20;

/** One POST to a webhook, connecting only to checked addresses; resolves with the status, rejects on a network failure. */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        // A new connection each time, so every attempt's addresses are checked by the lookup.
        agent: false,
        lookup: publicOnlyLookup(options.allowPrivate),
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        // The answer's body is not used; read and dropped so the socket closes.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function shortError(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.slice(0, 480);
}

/**
 * Delivers the stored deliveries to partners' webhooks (at least once; the receiver dedupes on
 * X-Event-Id), each attempt signed, checked against the grants in force, retried with exponential
 * backoff up to `maxAttempts`, then FAILED. Reads the histories first (NotificationFeed) in each pass.
 */
export class NotificationRelay {
  private readonly relay: PollingRelay;
  private failures = 0;

  constructor(
    private readonly dataSource: () => DataSource,
    private readonly feed: NotificationFeed,
    private readonly grants: GrantBook,
    private readonly settings: NotificationSettings,
    private readonly logger: Logger,
  ) {
    this.relay = new PollingRelay(() => this.pass(), settings.pollIntervalMs);
  }

  start(): void {
    this.relay.start();
  }

  stop(): Promise<void> {
    return this.relay.stop();
  }

  /** One pass now: read new events, then attempt what is due. Returns how many were delivered. */
  drain(): Promise<number> {
    return this.relay.drain();
  }

  private async pass(): Promise<number> {
    try {
      await this.feed.pass();
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      if (worthLoggingLoudly(this.failures))
        this.logger.warn('notification feed: an event history could not be read', {
          failures: this.failures,
          ...describeError(error),
        });
    }
    try {
      return await this.deliverDue();
    } catch (error) {
      this.logger.error('notification relay pass failed', describeError(error));
      return 0;
    }
  }

  private async deliverDue(): Promise<number> {
    const repository = this.dataSource().getRepository(NotificationDelivery);
    const due = await repository.find({
      where: { status: 'PENDING', nextAttemptAt: LessThanOrEqual(new Date()) },
      order: { id: 'ASC' },
      take: BATCH,
    });
    if (due.length === 0) return 0;
    const subscriptions = new Map(
      (
        await this.dataSource()
          .getRepository(NotificationSubscription)
          .findBy({ id: In([...new Set(due.map((delivery) => delivery.subscriptionId))]) })
      ).map((subscription) => [subscription.id, subscription]),
    );
    let delivered = 0;
    for (const delivery of due) {
      // Claimed by moving its next attempt past this one's timeout: another replica skips it meanwhile.
      const claim = await repository.update(
        { id: delivery.id, status: 'PENDING', attempts: delivery.attempts },
        { nextAttemptAt: new Date(Date.now() + this.settings.timeoutMs + 5_000) },
      );
      if (claim.affected === 0) continue;
      if (await this.attempt(delivery, subscriptions.get(delivery.subscriptionId))) delivered += 1;
    }
    return delivered;
  }

  private async finish(
    delivery: NotificationDelivery,
    status: DeliveryStatus,
    changes: Partial<NotificationDelivery>,
  ): Promise<void> {
    await this.dataSource()
      .getRepository(NotificationDelivery)
      .update({ id: delivery.id }, { status, ...changes });
  }

  private async attempt(
    delivery: NotificationDelivery,
    subscription: NotificationSubscription | undefined,
  ): Promise<boolean> {
    if (!subscription || subscription.endedAt) {
      await this.finish(delivery, 'STOPPED', { lastError: '订阅已取消。The subscription was ended' });
      return false;
    }
    const event = notifiableEvent(delivery.eventType);
    // Judged now, at this attempt: an expired or revoked grant stops the notification before it is sent.
    const active = await this.grants.activeFor(subscription.clientId);
    const data = event
      ? grantedData(event, JSON.parse(delivery.data) as Record<string, unknown>, (coordinate) =>
          active.covers(coordinate),
        )
      : null;
    if (!event || !data) {
      const missing = event ? active.uncovered(event.requires) : [delivery.eventType];
      await this.finish(delivery, 'STOPPED', {
        lastError: `授权已过期或被撤销，未发送：${missing.join(', ')}。Not sent: the grant for ${missing.join(', ')} is no longer in force`,
      });
      return false;
    }
    const urlProblem = webhookUrlProblem(subscription.webhookUrl, this.settings.rules);
    if (urlProblem) {
      await this.finish(delivery, 'STOPPED', { lastError: `未发送：${urlProblem}` });
      return false;
    }
    const body = JSON.stringify({
      id: delivery.eventId,
      type: delivery.eventType,
      occurredAt: delivery.occurredAt.toISOString(),
      data,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const attempts = delivery.attempts + 1;
    let failure: string;
    try {
      const status = await postWebhook(
        subscription.webhookUrl,
        {
          [SIGNATURE_HEADER]: signNotification(subscription.secret, timestamp, body),
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_ID_HEADER]: delivery.eventId,
        },
        body,
        { timeoutMs: this.settings.timeoutMs, allowPrivate: this.settings.rules.allowPrivate },
      );
      if (status >= 200 && status <= 299) {
        await this.finish(delivery, 'DELIVERED', { attempts, deliveredAt: new Date(), lastError: null });
        return true;
      }
      failure = `HTTP ${status}`;
    } catch (error) {
      failure = shortError(error);
    }
    if (attempts >= this.settings.maxAttempts) {
      this.logger.warn('notification failed for good', { deliveryId: delivery.id, attempts, error: failure });
      await this.finish(delivery, 'FAILED', { attempts, lastError: failure });
    } else {
      const waitMs = retryBackoffMs(attempts, this.settings.firstRetryMs, this.settings.maxRetryMs);
      await this.finish(delivery, 'PENDING', {
        attempts,
        lastError: failure,
        nextAttemptAt: new Date(Date.now() + waitMs),
      });
    }
    return false;
  }
}
