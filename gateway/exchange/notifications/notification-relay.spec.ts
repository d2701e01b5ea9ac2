import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { PurposeCode } from '../../../platform/auth/purpose';
import { openDataSource } from '../../../platform/database/data-source.factory';
import { startHttpServer, type RunningHttpServer } from '../../../platform/http/http-server';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import {
  EVENT_HISTORY_PATH,
  eventHistoryHandler,
  HttpEventHistorySource,
} from '../../../platform/outbox/event-history';
import { createOutboxTableV1 } from '../../../platform/outbox/messaging-tables';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { envelopeOf } from '../../../platform/testing/event-envelopes';
import { PartnerWebhookSimulator } from '../../../test/harness/partner-webhook.simulator';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../audit/audit-database';
import { GrantBook } from '../grants/grant-book';
import { NotificationCursor } from './notification-cursor.entity';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationFeed } from './notification-feed';
import { NotificationRelay, type NotificationSettings } from './notification-relay';
import { NotificationSubscriptions } from './notification-subscriptions';

// The relay against real parts: enforcement's event history served over HTTP from an outbox table, the
// gateway's database with the grant book, and the partner's webhook simulator on loopback.

class OutboxTable1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTableV1(queryRunner);
  }
  async down(): Promise<void> {}
}

const SECRET = 'relay-spec-events-secret';
const CLIENT = 'partner-ndrc';
const logger = createLogger('spec', 'error');
const SETTINGS: NotificationSettings = {
  pollIntervalMs: 60_000,
  maxAttempts: 4,
  firstRetryMs: 10,
  maxRetryMs: 40,
  timeoutMs: 2000,
  rules: { httpsOnly: false, allowPrivate: true },
};

function decided(caseNumber: string): EventPayloads['case.decided'] {
  return {
    caseNumber,
    regionCode: '320102',
    creditCode: '91320102MA1W0000XX',
    plateNumber: '苏A12345',
    cause: '王小明（13812345678）超限运输',
    penalty: 'FINE',
    fineFen: 200000,
    permitNumber: null,
    summary: '罚款贰仟元',
    decidedAt: new Date().toISOString(),
  };
}

describe('notifications: subscriptions, the feed and the relay', () => {
  let directory: string;
  let gateway: DataSource;
  let enforcement: DataSource;
  let history: RunningHttpServer;
  let simulator: PartnerWebhookSimulator;
  let grants: GrantBook;
  let subscriptions: NotificationSubscriptions;

  const feed = () =>
    new NotificationFeed(
      () => gateway,
      [
        {
          source: 'enforcement',
          readFrom: 'statistics',
          history: new HttpEventHistorySource('enforcement', `http://127.0.0.1:${history.port}`, SECRET),
        },
      ],
    );
  const relay = (settings: Partial<NotificationSettings> = {}) =>
    new NotificationRelay(() => gateway, feed(), grants, { ...SETTINGS, ...settings }, logger);

  /** Enforcement decides a case: one outbox row per subscriber of case.decided, as its outbox writes them. */
  async function decide(caseNumber: string): Promise<string> {
    const envelope = envelopeOf('case.decided', decided(caseNumber), 'enforcement');
    for (const subscriber of ['credit', 'statistics', 'licensing'])
      await enforcement.getRepository(OutboxMessage).insert({
        eventId: envelope.id,
        eventType: envelope.type,
        subscriber,
        envelope: JSON.stringify(envelope),
        createdAt: new Date(),
        attempts: 0,
        nextAttemptAt: new Date(),
        deliveredAt: null,
        lastError: null,
      });
    return envelope.id;
  }

  const grant = (coordinate: string, expiresAt: Date | null = null) =>
    grants.record({
      clientId: CLIENT,
      coordinate,
      department: 'enforcement',
      category: 'enforcement',
      purposes: [PurposeCode.JOINT_DISCIPLINE],
      grantedBy: 'ministry-enforcement-approver',
      expiresAt,
    });
  const deliveryOf = (eventId: string) => gateway.getRepository(NotificationDelivery).findOneByOrFail({ eventId });

  /** Runs passes until the event's delivery is no longer pending (retries are due within milliseconds here). */
  async function settle(running: NotificationRelay, eventId: string): Promise<NotificationDelivery> {
    for (let pass = 0; pass < 200; pass += 1) {
      await running.drain();
      const delivery = await gateway.getRepository(NotificationDelivery).findOneBy({ eventId });
      if (delivery && delivery.status !== 'PENDING') return delivery;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`delivery of ${eventId} still pending`);
  }

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'notification-relay-spec-'));
    gateway = await openDataSource({
      settings: { kind: 'embedded', schema: 'gateway', poolSize: 1 },
      dataDir: directory,
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      counters: new Counters(),
      logger,
    });
    enforcement = await openDataSource({
      settings: { kind: 'embedded', schema: 'enforcement', poolSize: 1 },
      dataDir: directory,
      entities: [OutboxMessage],
      migrations: [OutboxTable1700000000000],
      counters: new Counters(),
      logger,
    });
    history = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      routes: { [EVENT_HISTORY_PATH]: eventHistoryHandler({ dataSource: enforcement, secret: SECRET }) },
    });
    simulator = await PartnerWebhookSimulator.start();
    grants = new GrantBook(() => gateway);
    subscriptions = new NotificationSubscriptions(() => gateway, grants, SETTINGS.rules);
  });
  afterAll(async () => {
    await simulator.close();
    await history.close();
    await enforcement.destroy();
    await gateway.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('refuses an event type the grants in force do not cover, naming it, and types that are not notifiable', async () => {
    await expect(
      subscriptions.subscribe(CLIENT, 'ndrc-partner-admin', {
        eventTypes: ['case.decided'],
        webhookUrl: simulator.url,
      }),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('case.decided') as unknown,
    });
    await expect(
      subscriptions.subscribe(CLIENT, 'ndrc-partner-admin', { eventTypes: ['case.filed'], webhookUrl: simulator.url }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'eventTypes' } });
    const strict = new NotificationSubscriptions(() => gateway, grants, { httpsOnly: true, allowPrivate: false });
    await expect(
      strict.subscribe(CLIENT, 'ndrc-partner-admin', { eventTypes: ['case.decided'], webhookUrl: simulator.url }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'webhookUrl' } });
    expect(await subscriptions.list(CLIENT)).toEqual([]);
  });

  it('delivers a decided penalty signed, with only the granted codes, once per event across restarts', async () => {
    await decide('3201022026000001'); // before anyone subscribed: never delivered
    await grant('EnforcementCase.penalty');
    await grant('EnforcementCase.caseNumber');
    await grant('EnforcementCase.fineFen');
    const subscription = await subscriptions.subscribe(CLIENT, 'ndrc-partner-admin', {
      eventTypes: ['case.decided'],
      webhookUrl: simulator.url,
    });
    expect(subscription.secret).toMatch(/^whsec_[\w-]{43}$/);
    simulator.useSecret(subscription.secret);
    const eventId = await decide('3201022026000002');

    expect(await settle(relay(), eventId)).toMatchObject({ status: 'DELIVERED', attempts: 1, lastError: null });
    expect(simulator.received).toHaveLength(1);
    const [got] = simulator.received;
    expect(got).toMatchObject({ eventId, signatureValid: true, status: 200 });
    expect(got.body).toEqual({
      id: eventId,
      type: 'case.decided',
      occurredAt: expect.any(String) as unknown,
      data: { caseNumber: '3201022026000002', penalty: 'FINE', fineFen: 200000 },
    });
    // A new relay (a gateway restart) reads from the stored cursor: nothing is stored or sent again.
    const restarted = relay();
    await restarted.drain();
    expect(await gateway.getRepository(NotificationDelivery).countBy({ subscriptionId: subscription.id })).toBe(1);
    expect(simulator.received).toHaveLength(1);
    const cursor = await gateway.getRepository(NotificationCursor).findOneByOrFail({ name: 'enforcement:statistics' });
    expect(cursor.readUpTo).toBeGreaterThan(0);
    // The partner's delivery log shows it.
    expect(await subscriptions.deliveries(CLIENT, subscription.id, 10)).toEqual([
      expect.objectContaining({ eventId, eventType: 'case.decided', status: 'DELIVERED', attempts: 1 }),
    ]);
  });

  it('retries with backoff: failing twice then succeeding makes 3 attempts, applied once', async () => {
    simulator.failNext(2);
    const before = simulator.received.length;
    const eventId = await decide('3201022026000003');
    expect(await settle(relay(), eventId)).toMatchObject({ status: 'DELIVERED', attempts: 3 });
    expect(simulator.received.slice(before).map((request) => [request.eventId, request.status])).toEqual([
      [eventId, 500],
      [eventId, 500],
      [eventId, 200],
    ]);
    expect([...simulator.applied.keys()].filter((id) => id === eventId)).toHaveLength(1);
  });

  it('gives up after the last attempt and shows it failed, with the last error', async () => {
    simulator.failNext(10);
    const eventId = await decide('3201022026000004');
    expect(await settle(relay({ maxAttempts: 3 }), eventId)).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      lastError: 'HTTP 500',
      deliveredAt: null,
    });
    simulator.failNext(0);
  });

  it('stops at once when the grant expires or is revoked: marked with the reason, not sent', async () => {
    const before = simulator.received.length;
    const all = await grants.history(CLIENT);
    const penalty = all.find((one) => one.coordinate === 'EnforcementCase.penalty')!;
    const shortLived = await grant('EnforcementCase.penalty', new Date(Date.now() + 300));
    await grants.revoke(penalty.id, 'ministry-enforcement-approver');
    // Only the short-lived grant covers it now; once it has expired nothing may go out.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const eventId = await decide('3201022026000005');
    const stopped = await settle(relay(), eventId);
    expect(stopped).toMatchObject({ status: 'STOPPED', attempts: 0 });
    expect(stopped.lastError).toContain('EnforcementCase.penalty');
    expect(simulator.received.length).toBe(before);
    expect(shortLived.expiresAt).not.toBeNull();
  });

  it('stops what is pending when the partner unsubscribes', async () => {
    await grant('EnforcementCase.penalty');
    const [subscription] = await subscriptions.list(CLIENT);
    const eventId = await decide('3201022026000006');
    await feed().pass();
    expect((await deliveryOf(eventId)).status).toBe('PENDING');
    await subscriptions.unsubscribe(CLIENT, 'ndrc-partner-admin', subscription.id);
    expect(await deliveryOf(eventId)).toMatchObject({
      status: 'STOPPED',
      lastError: expect.stringContaining('ended') as unknown,
    });
    await expect(subscriptions.deliveries('partner-other', subscription.id, 10)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
