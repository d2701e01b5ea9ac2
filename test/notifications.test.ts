import { PartnerWebhookSimulator } from './harness/partner-webhook.simulator';
import { graphql, tokenFor } from './harness/single-window.client';

// Partners' notifications (订阅通知) through the gateway. The partner here holds no grant yet (grants
// come by request and approval, issue 17 part 2): subscribing is refused by the grant check, naming the
// event type; the delivery itself is covered against real parts in notification-relay.spec.ts.

const SUBSCRIBE = `mutation Subscribe($input: SubscribeNotificationsInput!) {
  subscribeNotifications(input: $input) { subscription { id eventTypes webhookUrl active } signingSecret }
}`;

describe('notifications to partners by webhook', () => {
  let simulator: PartnerWebhookSimulator;
  let partnerAdmin: string;
  beforeAll(async () => {
    simulator = await PartnerWebhookSimulator.start();
    partnerAdmin = await tokenFor('ndrc-partner-admin');
  });
  afterAll(() => simulator.close());

  it('refuses an event type the partner is not granted, naming it, and stores nothing', async () => {
    // Other test files may have subscribed partner-ndrc already: nothing is added by this refusal.
    const subscriptions = async () => {
      const listed = await graphql<{ notificationSubscriptions: Array<{ id: number }> }>(
        `
          {
            notificationSubscriptions {
              id
            }
          }
        `,
        {},
        { token: partnerAdmin },
      );
      expect(listed.errors).toBeUndefined();
      return listed.data!.notificationSubscriptions.map((subscription) => subscription.id);
    };
    const before = await subscriptions();
    const refused = await graphql(
      SUBSCRIBE,
      { input: { eventTypes: ['permit.status-changed', 'case.decided'], webhookUrl: simulator.url } },
      { token: partnerAdmin },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('case.decided');
    expect(refused.errors?.[0]?.message).toContain('EnforcementCase.penalty');
    expect(await subscriptions()).toEqual(before);
  });

  it('refuses a webhook URL with credentials in it and event types that are not notifiable, naming the field', async () => {
    const withCredentials = await graphql(
      SUBSCRIBE,
      { input: { eventTypes: ['case.decided'], webhookUrl: 'https://user:secret@partner.example.cn/hook' } },
      { token: partnerAdmin },
    );
    expect(withCredentials.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'webhookUrl' });
    const notNotifiable = await graphql(
      SUBSCRIBE,
      { input: { eventTypes: ['enterprise.registered'], webhookUrl: simulator.url } },
      { token: partnerAdmin },
    );
    expect(notNotifiable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
  });

  it("lets no one but a partner's administrator subscribe or read a delivery log", async () => {
    const approver = await tokenFor('ministry-credit-approver');
    const refused = await graphql(
      `
        {
          notificationDeliveries(first: 5) {
            id
          }
        }
      `,
      {},
      { token: approver },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await graphql<{ notificationDeliveries: unknown[] }>(
      `
        {
          notificationDeliveries(first: 5) {
            id
            eventId
            status
            attempts
            lastError
            deliveredAt
          }
        }
      `,
      {},
      { token: partnerAdmin },
    );
    expect(own.errors).toBeUndefined();
    expect(Array.isArray(own.data?.notificationDeliveries)).toBe(true);
  });
});
