import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { openDataSource, inTransaction } from '../database/data-source.factory';
import { createLogger } from '../observability/logger';
import { Counters } from '../observability/metrics';
import type { SubgraphName } from '../config/config';
import type { EventEnvelope } from './domain-event';
import { applyEventOnce } from './event-inbox';
import { EventOutbox, type EventTransport } from './event-outbox';
import { InboxEvent } from './inbox-event.entity';
import { createInboxTableV1, createOutboxTableV1 } from './messaging-tables';
import { OutboxMessage } from './outbox-message.entity';

class MessagingTables1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }
  async down(): Promise<void> {}
}

/** A subscriber that can be switched off, recording what reached it. */
class RecordingTransport implements EventTransport {
  up = true;
  received: Array<{ subscriber: SubgraphName; envelope: EventEnvelope }> = [];
  deliver(subscriber: SubgraphName, envelope: EventEnvelope): Promise<void> {
    if (!this.up) return Promise.reject(new Error(`${subscriber} is down`));
    this.received.push({ subscriber, envelope });
    return Promise.resolve();
  }
}

async function openMessagingDatabase(): Promise<DataSource> {
  return openDataSource({
    settings: { kind: 'embedded', schema: 'outbox_spec', poolSize: 1 },
    dataDir: mkdtempSync(join(tmpdir(), 'outbox-spec-')),
    entities: [OutboxMessage, InboxEvent],
    migrations: [MessagingTables1700000000000],
    counters: new Counters(),
    logger: createLogger('spec', 'error'),
  });
}

const PAYLOAD = {
  caseNumber: '3201022026000001',
  regionCode: '320102',
  creditCode: null,
  plateNumber: null,
  cause: '超限运输',
  permitNumber: null,
  penalty: 'FINE',
  fineFen: 100,
  summary: 'x',
  decidedAt: new Date().toISOString(),
};

describe('the transactional outbox', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = await openMessagingDatabase();
  });
  afterEach(async () => {
    await dataSource.destroy();
  });

  it('writes one message per subscriber and keeps them while the subscriber is down', async () => {
    const transport = new RecordingTransport();
    const outbox = new EventOutbox(
      dataSource,
      transport,
      { source: 'enforcement', pollIntervalMs: 10_000, maxBackoffMs: 1 },
      createLogger('spec', 'error'),
    );
    await inTransaction(dataSource, (manager) => outbox.publish(manager, 'case.decided', PAYLOAD));
    transport.up = false;
    expect(await outbox.drain()).toBe(0);
    const pending = await dataSource.getRepository(OutboxMessage).find({ order: { subscriber: 'ASC' } });
    expect(pending.map((message) => [message.subscriber, message.attempts, message.deliveredAt])).toEqual([
      ['credit', 1, null],
      ['licensing', 1, null],
      ['statistics', 1, null],
    ]);
    expect(pending[0].lastError).toMatch(/down/);

    transport.up = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await outbox.drain()).toBe(3);
    expect(transport.received.map((delivery) => delivery.subscriber).sort()).toEqual([
      'credit',
      'licensing',
      'statistics',
    ]);
    expect(await outbox.drain()).toBe(0);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const outbox = new EventOutbox(
      dataSource,
      new RecordingTransport(),
      { source: 'enforcement', pollIntervalMs: 10_000, maxBackoffMs: 1 },
      createLogger('spec', 'error'),
    );
    await expect(
      inTransaction(dataSource, async (manager) => {
        await outbox.publish(manager, 'case.decided', PAYLOAD);
        throw new Error('decision failed');
      }),
    ).rejects.toThrow('decision failed');
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(0);
  });
});

describe('the inbox', () => {
  it('applies an event once however often it is delivered', async () => {
    const dataSource = await openMessagingDatabase();
    let applied = 0;
    const handlers = {
      'case.decided': () => {
        applied += 1;
        return Promise.resolve();
      },
    };
    const envelope: EventEnvelope = {
      id: '6f1c4a52-3f55-4d4e-9a38-0d1f1f0b8f11',
      type: 'case.decided',
      source: 'enforcement',
      occurredAt: new Date().toISOString(),
      payload: PAYLOAD,
    };
    expect(await applyEventOnce(dataSource, handlers, envelope)).toBe('applied');
    expect(await applyEventOnce(dataSource, handlers, envelope)).toBe('duplicate');
    expect(applied).toBe(1);
    await dataSource.destroy();
  });

  it('records nothing when the handler fails, so the event is retried', async () => {
    const dataSource = await openMessagingDatabase();
    const envelope: EventEnvelope = {
      id: '7f1c4a52-3f55-4d4e-9a38-0d1f1f0b8f12',
      type: 'case.decided',
      source: 'enforcement',
      occurredAt: new Date().toISOString(),
      payload: PAYLOAD,
    };
    await expect(
      applyEventOnce(
        dataSource,
        {
          'case.decided': () => Promise.reject(new Error('broken')),
        },
        envelope,
      ),
    ).rejects.toThrow('broken');
    expect(await dataSource.getRepository(InboxEvent).count()).toBe(0);
    await dataSource.destroy();
  });
});
