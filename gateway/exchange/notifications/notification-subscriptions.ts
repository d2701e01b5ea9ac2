import { In, IsNull, type DataSource } from 'typeorm';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import type { GrantBook } from '../grants/grant-book';
import { NOTIFIABLE_EVENTS, notifiableEvent } from './notifiable-events';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationSubscription } from './notification-subscription.entity';
import { webhookUrlProblem, type WebhookRules } from './webhook-address';
import { newSigningSecret } from './webhook-signature';

export const MAX_SUBSCRIPTIONS_PER_CLIENT = 20;
export const MAX_DELIVERIES_PAGE = 200;

/**
 * Partners' subscriptions to notifications (订阅通知): a subscription names event types its client's
 * grants in force cover, and a webhook URL the deployment's rules allow (webhook-address.ts).
 */
export class NotificationSubscriptions {
  constructor(
    private readonly dataSource: () => DataSource,
    private readonly grants: GrantBook,
    private readonly rules: WebhookRules,
  ) {}

  /** A new subscription with its signing secret (the only time the secret is given out). */
  async subscribe(
    clientId: string,
    username: string,
    input: { eventTypes: readonly string[]; webhookUrl: string },
  ): Promise<NotificationSubscription> {
    const eventTypes = [...new Set(input.eventTypes)].sort();
    if (eventTypes.length === 0) throw invalidInput('eventTypes', '至少订阅一种事件。name at least one event type');
    const unknown = eventTypes.find((type) => !notifiableEvent(type));
    if (unknown !== undefined)
      throw invalidInput(
        'eventTypes',
        `不可订阅的事件类型 ${unknown}。Not a notifiable event type; one of ${NOTIFIABLE_EVENTS.map((event) => event.type).join(', ')}`,
      );
    const problem = webhookUrlProblem(input.webhookUrl, this.rules);
    if (problem) throw invalidInput('webhookUrl', problem);
    const active = await this.grants.activeFor(clientId);
    for (const type of eventTypes) {
      const missing = active.uncovered(notifiableEvent(type)!.requires);
      if (missing.length > 0)
        throw forbidden(
          `未获授权，不能订阅 ${type}：缺少 ${missing.join(', ')}。Your grants do not cover ${type}: request ${missing.join(', ')} first`,
        );
    }
    return this.dataSource().transaction(async (manager) => {
      const repository = manager.getRepository(NotificationSubscription);
      const count = await repository.countBy({ clientId, endedAt: IsNull() });
      if (count >= MAX_SUBSCRIPTIONS_PER_CLIENT)
        throw invalidInput(
          'webhookUrl',
          `最多 ${MAX_SUBSCRIPTIONS_PER_CLIENT} 个订阅。At most ${MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions per client`,
        );
      return repository.save(
        repository.create({
          clientId,
          eventTypes: eventTypes.join(','),
          webhookUrl: input.webhookUrl,
          secret: newSigningSecret(),
          createdBy: username,
          createdAt: new Date(),
          endedAt: null,
          endedBy: null,
        }),
      );
    });
  }

  /** Ends the client's subscription; its pending deliveries are stopped. */
  async unsubscribe(clientId: string, username: string, id: number): Promise<NotificationSubscription> {
    return this.dataSource().transaction(async (manager) => {
      const repository = manager.getRepository(NotificationSubscription);
      const subscription = await repository.findOneBy({ id, clientId });
      if (!subscription) throw notFound('notification subscription', String(id));
      if (subscription.endedAt) return subscription;
      subscription.endedAt = new Date();
      subscription.endedBy = username;
      await repository.save(subscription);
      await manager
        .getRepository(NotificationDelivery)
        .update(
          { subscriptionId: id, status: 'PENDING' },
          { status: 'STOPPED', lastError: '订阅已取消。The subscription was ended' },
        );
      return subscription;
    });
  }

  /** The client's subscriptions, newest first, ended ones included. */
  list(clientId: string): Promise<NotificationSubscription[]> {
    return this.dataSource()
      .getRepository(NotificationSubscription)
      .find({ where: { clientId }, order: { id: 'DESC' } });
  }

  /** The client's delivery log, newest first: of one subscription, or of all of them. */
  async deliveries(clientId: string, subscriptionId: number | null, first: number): Promise<NotificationDelivery[]> {
    if (first < 1 || first > MAX_DELIVERIES_PAGE) throw invalidInput('first', `1..${MAX_DELIVERIES_PAGE}`);
    const subscriptions = await this.dataSource()
      .getRepository(NotificationSubscription)
      .find({ select: { id: true }, where: subscriptionId === null ? { clientId } : { clientId, id: subscriptionId } });
    if (subscriptionId !== null && subscriptions.length === 0)
      throw notFound('notification subscription', String(subscriptionId));
    if (subscriptions.length === 0) return [];
    return this.dataSource()
      .getRepository(NotificationDelivery)
      .find({
        where: { subscriptionId: In(subscriptions.map((subscription) => subscription.id)) },
        order: { id: 'DESC' },
        take: first,
      });
  }
}
