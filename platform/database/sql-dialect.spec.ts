import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { DatabaseSettings } from '../config/config';
import { inTransaction } from './data-source.factory';
import { forUpdate, inLockedTransaction, isUniqueViolation } from './sql-dialect';
import { Counter, EMBEDDED_LEDGER, openLedger, Transfer } from './testing/ledger.fixture';

// The data layer's dialect helpers do what they promise on the embedded database and, where CI sets
// MYSQL_URL, on MySQL/MariaDB in a schema of their own.

const CONCURRENT = 12;

const mysqlUrl = process.env.MYSQL_URL;
const databases: Array<[string, DatabaseSettings | null]> = [
  ['the embedded database', EMBEDDED_LEDGER],
  [
    'MySQL/MariaDB',
    mysqlUrl
      ? {
          kind: 'mysql',
          serverUrl: mysqlUrl,
          schema: `${process.env.TEST_SCHEMA_PREFIX ?? 'it_'}dialect_spec`,
          poolSize: CONCURRENT,
        }
      : null,
  ],
];

async function dropSchema(settings: DatabaseSettings): Promise<void> {
  if (settings.kind !== 'mysql' || !settings.serverUrl) return;
  const server = await createConnection(settings.serverUrl);
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${settings.schema}\``);
  } finally {
    await server.end();
  }
}

describe.each(databases)('the data layer on %s', (_name, settings) => {
  const run = settings ? it : it.skip;
  let dataDir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    if (!settings) return;
    dataDir = mkdtempSync(join(tmpdir(), 'sql-dialect-spec-'));
    await dropSchema(settings);
    dataSource = await openLedger(settings, dataDir);
  });

  afterEach(async () => {
    if (!settings) return;
    await dataSource.destroy();
    await dropSchema(settings);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Read, pause (so the transactions overlap), write the value read plus one. */
  async function increment(read: (id: number) => Promise<Counter>, write: (counter: Counter) => Promise<void>) {
    const counter = await read(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    counter.value += 1;
    await write(counter);
  }

  run('loses no update when transactions read a row forUpdate and write it back at the same time', async () => {
    await dataSource.manager.insert(Counter, { value: 0 });
    await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        inTransaction(dataSource, (manager) =>
          increment(
            (id) =>
              forUpdate(
                manager.createQueryBuilder(Counter, 'counter').where('counter.id = :id', { id }),
              ).getOneOrFail(),
            async (counter) => void (await manager.save(counter)),
          ),
        ),
      ),
    );
    expect((await dataSource.manager.findOneByOrFail(Counter, { id: 1 })).value).toBe(CONCURRENT);
  });

  run('runs transactions under one named lock one after another', async () => {
    await Promise.all(
      Array.from({ length: CONCURRENT }, (_, index) =>
        inLockedTransaction(dataSource, 'dialect_spec_chain', async (manager) => {
          // Appends after the last row, like a hash chain: a gap or repeat means two overlapped.
          const last = await manager.find(Transfer, { order: { id: 'DESC' }, take: 1 });
          await new Promise((resolve) => setTimeout(resolve, 5));
          await manager.insert(Transfer, { label: `after ${last[0]?.lineCount ?? -1}`, lineCount: index });
        }),
      ),
    );
    const chain = await dataSource.manager.find(Transfer, { order: { id: 'ASC' } });
    expect(chain.map((transfer) => transfer.label)).toEqual(
      chain.map((_transfer, position) => `after ${position === 0 ? -1 : chain[position - 1].lineCount}`),
    );
  });

  run('recognises a duplicate key, and nothing else, as a unique violation', async () => {
    const { identifiers } = await dataSource.manager.insert(Transfer, { label: 'first', lineCount: 0 });
    const duplicate = await dataSource.manager
      .insert(Transfer, { id: Number(identifiers[0].id), label: 'again', lineCount: 0 })
      .catch((error: unknown) => error);
    const missingColumn: unknown = await dataSource.manager
      .query('SELECT no_such_column FROM transfer')
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(missingColumn)).toBe(false);
  });
});
