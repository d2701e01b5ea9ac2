import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { InitialGateway1764000000000 } from '../../migrations/gateway/1764000000000-initial-gateway';
import { openDataSource } from '../../platform/database/data-source.factory';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { AuditJournal, inspectJournal } from './audit-journal';
import { AuditOutcome, AuditRecord } from './audit-record.entity';
import { AuditShipper } from './audit-shipper';
import { AuditTrail, type AuditEntry } from './audit-trail';

function entry(requestId: string): AuditEntry {
  return {
    occurredAt: new Date('2026-12-02T08:00:00Z'),
    requestId,
    subject: 'user-1',
    username: 'nj-enforcement-officer',
    clientId: 'single-window-cli',
    roles: 'enforcement-officer',
    region: '320100',
    purposeCode: null,
    purposeReason: null,
    operationName: 'SingleWindow',
    operationType: 'query',
    documentHash: 'a'.repeat(64),
    variables: '{"name":"王五"}',
    entities: '91320102MA1MY0R10Q',
    subgraphs: 'licensing',
    outcome: AuditOutcome.OK,
    errorCodes: '',
    httpStatus: 200,
    durationMs: 12,
    clientAddress: '127.0.0.1',
  };
}

const ids = (count: number, prefix = 'r') => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

/** A trail whose database can be switched off: appends fail as a lost connection does. */
class SwitchableTrail extends AuditTrail {
  down = false;
  attempts = 0;
  override appendShipped(entries: AuditEntry[], skipStored: boolean): Promise<number> {
    this.attempts += 1;
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:3306'));
    return super.appendShipped(entries, skipStored);
  }
}

describe('the audit journal', () => {
  let directory: string;
  let dataSource: DataSource;
  let trail: SwitchableTrail;
  const logger = createLogger('spec', 'error');

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'audit-journal-spec-'));
    dataSource = await openDataSource({
      settings: { kind: 'embedded', schema: 'gateway', poolSize: 1 },
      dataDir: join(directory, 'db'),
      entities: [AuditRecord],
      migrations: [InitialGateway1764000000000],
      counters: new Counters(),
      logger,
    });
    trail = new SwitchableTrail(dataSource, logger);
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  const stored = async () =>
    (await dataSource.getRepository(AuditRecord).find({ order: { id: 'ASC' } })).map((record) => record.requestId);

  it('keeps appended records on disk, in order, across a reopen, until they are shipped', async () => {
    const journalDirectory = join(directory, 'journal');
    const journal = await AuditJournal.open(journalDirectory);
    await Promise.all(ids(50).map((id) => journal.append(entry(id))));
    await journal.close();
    const reopened = await AuditJournal.open(journalDirectory);
    const records = await reopened.unshipped(1000);
    expect(records.map((record) => record.entry.requestId)).toEqual(ids(50));
    expect(records[0].entry.occurredAt).toEqual(new Date('2026-12-02T08:00:00Z'));
    expect(inspectJournal(journalDirectory)).toEqual({ unshipped: 50, problems: [] });
    reopened.shipped(records[29].end);
    expect((await reopened.unshipped(1000)).map((record) => record.entry.requestId)).toEqual(ids(50).slice(30));
    expect(inspectJournal(journalDirectory).unshipped).toBe(20);
    await reopened.close();
  });

  it('drops a line torn by a crash (its request was never answered) and names an altered one', async () => {
    const journalDirectory = join(directory, 'journal');
    const journal = await AuditJournal.open(journalDirectory);
    await journal.append(entry('kept'));
    await journal.close();
    const [segment] = readdirSync(journalDirectory).filter((name) => name.endsWith('.jsonl'));
    appendFileSync(join(journalDirectory, segment), '{"sm3":"abc","entry":{"requestId":"tor');
    expect(inspectJournal(journalDirectory)).toEqual({ unshipped: 1, problems: [] });
    const reopened = await AuditJournal.open(journalDirectory);
    await reopened.append(entry('after'));
    expect((await reopened.unshipped(10)).map((record) => record.entry.requestId)).toEqual(['kept', 'after']);
    await reopened.close();
    const path = join(journalDirectory, segment);
    writeFileSync(path, readFileSync(path, 'utf8').replace('王五', '李四'));
    expect(inspectJournal(journalDirectory).problems).toEqual([
      { segment: 1, line: 1, problem: 'its content does not match its SM3 (altered)' },
    ]);
  });

  it('starts new segments as they fill and deletes the shipped ones', async () => {
    const journalDirectory = join(directory, 'journal');
    const journal = await AuditJournal.open(journalDirectory, { rotateBytes: 2_000 });
    for (const id of ids(40)) await journal.append(entry(id));
    const segments = () => readdirSync(journalDirectory).filter((name) => name.endsWith('.jsonl'));
    expect(segments().length).toBeGreaterThan(5);
    const records = await journal.unshipped(1000);
    expect(records.map((record) => record.entry.requestId)).toEqual(ids(40));
    journal.shipped(records.at(-1)!.end);
    expect(segments().length).toBeLessThanOrEqual(2);
    expect(journal.caughtUp()).toBe(true);
    expect(journal.pendingBytes()).toBe(0);
    await journal.close();
  });

  it('ships into the trail while the database is up, waits while it is down, and loses nothing', async () => {
    const journal = await AuditJournal.open(join(directory, 'journal'));
    const shipper = new AuditShipper(journal, trail, logger, { idleMs: 20, maxBackoffMs: 50 });
    shipper.start();
    for (const id of ids(10, 'before')) await journal.append(entry(id));
    shipper.announce();
    expect(await shipper.caughtUp(5_000)).toBe(true);
    trail.down = true;
    for (const id of ids(25, 'during')) {
      await journal.append(entry(id));
      shipper.announce();
    }
    expect(await shipper.caughtUp(300)).toBe(false);
    expect(inspectJournal(join(directory, 'journal')).unshipped).toBe(25);
    trail.down = false;
    expect(await shipper.caughtUp(5_000)).toBe(true);
    await shipper.stop();
    await journal.close();
    expect(await stored()).toEqual([...ids(10, 'before'), ...ids(25, 'during')]);
    expect((await trail.verify()).intact).toBe(true);
  });

  it('ships a batch again after a crash between its commit and the cursor, without storing it twice', async () => {
    const journalDirectory = join(directory, 'journal');
    const journal = await AuditJournal.open(journalDirectory);
    for (const id of ids(8)) await journal.append(entry(id));
    // Stored, but the process died before the journal's cursor moved.
    await trail.appendShipped(
      (await journal.unshipped(5)).map((record) => record.entry),
      false,
    );
    await journal.close();
    const restarted = await AuditJournal.open(journalDirectory);
    const shipper = new AuditShipper(restarted, trail, logger, { idleMs: 20 });
    shipper.start();
    expect(await shipper.caughtUp(5_000)).toBe(true);
    await shipper.stop();
    await restarted.close();
    expect(await stored()).toEqual(ids(8));
    expect((await trail.verify()).intact).toBe(true);
  });
});
