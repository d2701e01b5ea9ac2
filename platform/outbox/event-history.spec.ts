import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { openDataSource } from '../database/data-source.factory';
import { startHttpServer, type RunningHttpServer } from '../http/http-server';
import { createLogger } from '../observability/logger';
import { Counters } from '../observability/metrics';
import { envelopeOf } from '../testing/event-envelopes';
import {
  EVENT_HISTORY_PATH,
  eventHistoryHandler,
  historyRequestTarget,
  HttpEventHistorySource,
  signHistoryRequest,
} from './event-history';
import { EVENT_SIGNATURE_HEADER } from './http-event.transport';
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

const SECRET = 'history-spec-secret';

describe("a department's event history (GET /internal/events/history)", () => {
  let dataDir: string;
  let dataSource: DataSource;
  let server: RunningHttpServer;
  const url = () => `http://127.0.0.1:${server.port}`;
  const signedGet = (target: string) =>
    fetch(`${url()}${target}`, { headers: { [EVENT_SIGNATURE_HEADER]: signHistoryRequest(SECRET, target) } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'event-history-spec-'));
    dataSource = await openDataSource({
      settings: { kind: 'embedded', schema: 'history_spec', poolSize: 1 },
      dataDir,
      entities: [OutboxMessage, InboxEvent],
      migrations: [MessagingTables1700000000000],
      counters: new Counters(),
      logger: createLogger('spec', 'error'),
    });
    // Five events for statistics (the third not delivered yet), each also for credit.
    for (let serial = 1; serial <= 5; serial += 1) {
      const envelope = envelopeOf(
        'case.filed',
        {
          caseNumber: `C${serial}`,
          regionCode: '320102',
          creditCode: null,
          plateNumber: null,
          filedAt: '2026-03-01T00:00:00.000Z',
        },
        'enforcement',
      );
      for (const subscriber of ['statistics', 'credit'])
        await dataSource.getRepository(OutboxMessage).insert({
          eventId: envelope.id,
          eventType: envelope.type,
          subscriber,
          envelope: JSON.stringify(envelope),
          createdAt: new Date(),
          attempts: 1,
          nextAttemptAt: new Date(),
          deliveredAt: serial === 3 ? null : new Date(),
          lastError: null,
        });
    }
    server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      routes: { [EVENT_HISTORY_PATH]: eventHistoryHandler({ dataSource, secret: SECRET }) },
    });
  });
  afterAll(async () => {
    await server.close();
    await dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("pages through the subscriber's events in id order, delivered or not, and ends with next = null", async () => {
    const source = new HttpEventHistorySource('enforcement', url(), SECRET);
    const first = await source.page('statistics', 0, 2);
    const second = await source.page('statistics', first.next!, 2);
    const last = await source.page('statistics', second.next!, 2);
    const pages = [first, second, last];
    expect(pages.map((page) => page.events.map((event) => event.envelope.payload))).toEqual([
      [expect.objectContaining({ caseNumber: 'C1' }), expect.objectContaining({ caseNumber: 'C2' })],
      [expect.objectContaining({ caseNumber: 'C3' }), expect.objectContaining({ caseNumber: 'C4' })],
      [expect.objectContaining({ caseNumber: 'C5' })],
    ]);
    expect(second.events.map((event) => event.delivered)).toEqual([false, true]);
    expect(last.next).toBeNull();
    const ids = pages.flatMap((page) => page.events.map((event) => event.id));
    expect(ids).toEqual([...ids].sort((left, right) => left - right));
  });

  it('refuses what is not a signed GET of a known subscriber with a page size of at most 5000', async () => {
    const now = Date.now();
    const answers = [
      await signedGet(historyRequestTarget('nobody', 0, 10, now)),
      await signedGet(historyRequestTarget('statistics', 0, 0, now)),
      await signedGet(historyRequestTarget('statistics', 0, 5001, now)),
      await signedGet(`${EVENT_HISTORY_PATH}?subscriber=statistics&after=-1&limit=10&at=${now}`),
      await fetch(`${url()}${historyRequestTarget('statistics', 0, 10, now)}`, { method: 'POST' }),
      await fetch(`${url()}${historyRequestTarget('statistics', 0, 10, now)}`),
      await signedGet(historyRequestTarget('statistics', 0, 10, now + 6 * 60_000)),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 405, 401, 401]);
    await expect(
      new HttpEventHistorySource('enforcement', url(), 'another-secret').page('statistics', 0, 1),
    ).rejects.toThrow('enforcement answered 401 for its event history');
  });
});
