import { EXCHANGE_CATALOGUE_ENTRY } from '../catalogue/exchange-entry';
import { authorized } from '../../../platform/auth/authorized-resolver';
import type { Identity } from '../../../platform/auth/identity';
import { Permission } from '../../../platform/auth/permission.policy';
import { forbidden } from '../../../platform/errors/domain-error';
import { TextKind } from '../../../platform/graphql/text-fields';
import type { ExchangeContext } from '../exchange.context';
import type { ExchangePart } from '../exchange.part';
import type { NotificationSubscription } from './notification-subscription.entity';

const TYPE_DEFS = `
extend type Query {
  """Your partner client's notification subscriptions (订阅通知), newest first, ended ones included."""
  notificationSubscriptions: [NotificationSubscription!]!
  """
  Your partner client's delivery log, newest first: every event sent (or being sent, failed, stopped) to
  one subscription's webhook, or to all of them when subscriptionId is left out.
  """
  notificationDeliveries(
    """One of your subscriptions; all of them when left out."""
    subscriptionId: Int
    """How many of the newest deliveries, 1 to 200."""
    first: Int = 50
  ): [NotificationDelivery!]!
}

extend type Mutation {
  """
  Subscribes your partner client's webhook to event types its grants in force cover (订阅通知). Each
  delivery is POSTed as JSON { id, type, occurredAt, data } and signed with the secret returned here, once.
  """
  subscribeNotifications(
    """The event types and the webhook."""
    input: SubscribeNotificationsInput!
  ): SubscribeNotificationsPayload!
  """Ends one of your subscriptions; deliveries not yet sent are stopped."""
  unsubscribeNotifications(
    """The subscription's number."""
    id: Int!
  ): NotificationSubscription!
}

"""What to subscribe to and where to deliver it."""
input SubscribeNotificationsInput {
  """Notifiable event types: case.decided, permit.status-changed, permit.issued, credit.list-changed."""
  eventTypes: [String!]!
  """An https URL on a public address (http and local addresses only in development); no credentials in it."""
  webhookUrl: String!
}

"""A new subscription and its signing secret."""
type SubscribeNotificationsPayload ${EXCHANGE_CATALOGUE_ENTRY} {
  """The subscription."""
  subscription: NotificationSubscription!
  """The HMAC-SHA256 key that signs its deliveries (X-Signature); shown only now, keep it secret."""
  signingSecret: String!
}

"""A partner client's webhook for some event types (订阅通知)."""
type NotificationSubscription ${EXCHANGE_CATALOGUE_ENTRY} {
  """The subscription's number."""
  id: Int!
  """The event types delivered."""
  eventTypes: [String!]!
  """Where deliveries are POSTed."""
  webhookUrl: String!
  """The partner administrator who subscribed."""
  createdBy: String!
  """When it was made (UTC); events from before are not delivered."""
  createdAt: DateTimeISO!
  """When it was ended (UTC), if it was."""
  endedAt: DateTimeISO
  """True until it is ended."""
  active: Boolean!
}

"""Where a delivery stands."""
enum NotificationDeliveryStatus {
  """Waiting for its first attempt or its next retry."""
  PENDING
  """The webhook answered 2xx."""
  DELIVERED
  """Every attempt failed; no more are made."""
  FAILED
  """Not sent: the grant is no longer in force, or the subscription was ended (see lastError)."""
  STOPPED
}

"""One event to one subscription's webhook (the delivery log)."""
type NotificationDelivery ${EXCHANGE_CATALOGUE_ENTRY} {
  """The delivery's number."""
  id: Int!
  """The subscription it is for."""
  subscriptionId: Int!
  """The event's id, sent as X-Event-Id; the same event is never sent as another id."""
  eventId: String!
  """The event type."""
  eventType: String!
  """When the event occurred (UTC)."""
  occurredAt: DateTimeISO!
  """Where it stands."""
  status: NotificationDeliveryStatus!
  """Attempts made so far."""
  attempts: Int!
  """The last attempt's failure, or why it was stopped."""
  lastError: String
  """When the webhook accepted it (UTC)."""
  deliveredAt: DateTimeISO
}
`;

/** The partner client of the administrator calling; officers and approvers have none. */
function partnerClientOf(identity: Identity): string {
  if (!identity.partnerClient) throw forbidden('只有合作单位的管理员可以订阅通知。Only a partner’s administrator');
  return identity.partnerClient;
}

export const NOTIFICATIONS_PART: ExchangePart = {
  typeDefs: TYPE_DEFS,
  resolvers: {
    Query: {
      notificationSubscriptions: authorized(
        [Permission.PARTNER_ADMINISTER],
        (_root: unknown, _args: unknown, context: ExchangeContext) =>
          context.exchange.notifications.list(partnerClientOf(context.identity!)),
      ),
      notificationDeliveries: authorized(
        [Permission.PARTNER_ADMINISTER],
        (_root: unknown, args: { subscriptionId?: number | null; first?: number | null }, context: ExchangeContext) =>
          context.exchange.notifications.deliveries(
            partnerClientOf(context.identity!),
            args.subscriptionId ?? null,
            args.first ?? 50,
          ),
      ),
    },
    Mutation: {
      subscribeNotifications: authorized(
        [Permission.PARTNER_ADMINISTER],
        async (
          _root: unknown,
          args: { input: { eventTypes: string[]; webhookUrl: string } },
          context: ExchangeContext,
        ) => {
          const identity = context.identity!;
          const subscription = await context.exchange.notifications.subscribe(
            partnerClientOf(identity),
            identity.username,
            args.input,
          );
          return { subscription, signingSecret: subscription.secret };
        },
      ),
      unsubscribeNotifications: authorized(
        [Permission.PARTNER_ADMINISTER],
        (_root: unknown, args: { id: number }, context: ExchangeContext) =>
          context.exchange.notifications.unsubscribe(
            partnerClientOf(context.identity!),
            context.identity!.username,
            args.id,
          ),
      ),
    },
    NotificationSubscription: {
      eventTypes: (subscription: NotificationSubscription) => subscription.eventTypes.split(','),
      active: (subscription: NotificationSubscription) => subscription.endedAt === null,
    },
  },
  access: {
    SubscribeNotificationsPayload: 'STRUCTURE',
    NotificationSubscription: [Permission.PARTNER_ADMINISTER],
    NotificationDelivery: [Permission.PARTNER_ADMINISTER],
  },
  textFields: {
    SubscribeNotificationsPayload: { signingSecret: TextKind.NOT_PERSONAL },
    NotificationSubscription: {
      eventTypes: TextKind.NOT_PERSONAL,
      webhookUrl: TextKind.NOT_PERSONAL,
      createdBy: TextKind.NOT_PERSONAL,
    },
    NotificationDelivery: {
      eventId: TextKind.NOT_PERSONAL,
      eventType: TextKind.NOT_PERSONAL,
      lastError: TextKind.NOT_PERSONAL,
    },
  },
};
