import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { createConnection, type Connection } from 'mysql2/promise';
import { Column, Entity, PrimaryColumn, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TcpProxy, mysqlAddress, throughProxy } from '../../test/harness/tcp-proxy';
import type { DatabaseSettings } from '../config/config';
import { formatClientError } from '../errors/domain-error';
import { createLogger } from '../observability/logger';
import { Counters } from '../observability/metrics';
import { withinRequest } from '../observability/request-scope';
import { openDataSource } from './data-source.factory';
import { DatabaseFailure, databaseFailureOf, isDeadlock, isUniqueViolation } from './database-errors';

@Entity({ name: 'probe' })
class Probe {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 20 })
  note: string;
}

class CreateProbe1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE probe (id int PRIMARY KEY, note varchar(20) NOT NULL)');
    await runner.query(`INSERT INTO probe (id, note) VALUES (1, 'one'), (2, 'two')`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE probe');
  }
}

function open(settings: DatabaseSettings): Promise<DataSource> {
  return openDataSource({
    settings,
    dataDir: mkdtempSync(join(tmpdir(), 'database-errors-')),
    entities: [Probe],
    migrations: [CreateProbe1700000000000],
    counters: new Counters(),
    logger: createLogger('spec', 'error'),
  });
}

/** The error `statement` fails with. */
function failureOf(dataSource: DataSource, statement: string): Promise<unknown> {
  return dataSource.query<unknown>(statement).then(
    () => {
      throw new Error(`${statement} did not fail`);
    },
    (error: unknown) => error,
  );
}

/** What a subgraph's client sees for `error` thrown by a resolver of the request run by `work`. */
async function clientErrorOf(work: () => Promise<unknown>): Promise<Record<string, unknown> | undefined> {
  const format = formatClientError(() => undefined);
  return withinRequest(async () => {
    try {
      await work();
    } catch (error) {
      const wrapped = new GraphQLError('boom', {
        originalError: error as Error,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      const formatted = format({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
      return { message: formatted.message, ...formatted.extensions };
    }
    throw new Error('expected the work to fail');
  });
}

describe('database errors, classified in one place', () => {
  it('tells an outage from a bug whatever wraps the driver error', () => {
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), {
      code: 'PROTOCOL_CONNECTION_LOST',
      fatal: true,
    });
    const wrapped = new GraphQLError('x', {
      originalError: Object.assign(new Error('query failed'), { driverError: lost }),
    });
    expect(databaseFailureOf(wrapped)).toBe(DatabaseFailure.UNAVAILABLE);
    expect(databaseFailureOf(new Error('x', { cause: { code: 'ECONNREFUSED' } }))).toBe(DatabaseFailure.UNAVAILABLE);
    expect(databaseFailureOf({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe(DatabaseFailure.BUSY);
    expect(databaseFailureOf({ code: 'ER_PARSE_ERROR', errno: 1064, sqlState: '42000' })).toBeNull();
    expect(databaseFailureOf(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
  });

  it('masks a bug as before', async () => {
    expect(
      await clientErrorOf(() => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'id')"))),
    ).toEqual({ message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' });
  });

  describe('on the embedded database', () => {
    let dataSource: DataSource;
    beforeAll(async () => {
      dataSource = await open({ kind: 'embedded', schema: 'probe', poolSize: 1 });
    });
    afterAll(() => dataSource.destroy());

    it('recognises a unique-key violation, which is no outage', async () => {
      const error = await failureOf(dataSource, `INSERT INTO probe (id, note) VALUES (1, 'again')`);
      expect(isUniqueViolation(error)).toBe(true);
      expect(databaseFailureOf(error)).toBeNull();
    });

    const diskFailure = () => Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });

    it('says nothing was written when a transaction that wrote fails and rolls back', async () => {
      const answer = await clientErrorOf(() =>
        dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE probe SET note = 'rolled back' WHERE id = 1`);
          throw diskFailure();
        }),
      );
      expect(answer).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, written: 'NOTHING' });
      expect(await dataSource.query('SELECT note FROM probe WHERE id = 1')).toEqual([{ note: 'one' }]);
    });

    it('says something may be stored when the request committed a write before failing', async () => {
      const answer = await clientErrorOf(async () => {
        await dataSource.query(`UPDATE probe SET note = 'kept' WHERE id = 2`);
        throw diskFailure();
      });
      expect(answer).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: false, written: 'UNKNOWN' });
    });
  });

  // CI sets MYSQL_URL: these provoke the real errors on MariaDB/MySQL (a proxy stands in for the server going away).
  const mysqlUrl = process.env.MYSQL_URL;
  (mysqlUrl ? describe : describe.skip)('on MySQL/MariaDB (real driver errors)', () => {
    const schema = `${process.env.TEST_SCHEMA_PREFIX ?? 'it_'}database_errors`;
    let server: Connection;
    let proxy: TcpProxy;
    let dataSource: DataSource;
    const other: Connection[] = [];
    const session = async () => {
      const connection = await createConnection({ uri: mysqlUrl, database: schema });
      await connection.query('SET SESSION innodb_lock_wait_timeout = 1');
      other.push(connection);
      return connection;
    };

    beforeAll(async () => {
      server = await createConnection(mysqlUrl!);
      await server.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      const { host, port } = mysqlAddress(mysqlUrl!);
      proxy = await TcpProxy.start(port, host);
      dataSource = await open({ kind: 'mysql', serverUrl: throughProxy(mysqlUrl!, proxy, ''), schema, poolSize: 2 });
    });
    afterEach(async () => {
      await proxy.restore();
      for (const connection of other.splice(0)) await connection.end().catch(() => undefined);
    });
    afterAll(async () => {
      await dataSource.destroy().catch(() => undefined);
      await proxy.close();
      await server.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await server.end();
    });

    it('answers a read while the server is down as a retryable outage, not an internal error', async () => {
      await proxy.cut('refuse');
      const answer = await clientErrorOf(() => dataSource.query('SELECT note FROM probe WHERE id = 1'));
      expect(answer).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
        retryable: true,
        written: 'NOTHING',
      });
      expect(String(answer?.message)).toContain('数据库暂时不可用');
    });

    it('says nothing was written when the connection drops inside a transaction before its commit', async () => {
      const answer = await clientErrorOf(() =>
        dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE probe SET note = 'changed' WHERE id = 1`);
          await proxy.cut('reset');
          await manager.query(`UPDATE probe SET note = 'changed' WHERE id = 2`);
        }),
      );
      expect(answer).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, written: 'NOTHING' });
      await proxy.restore();
      expect(await dataSource.query('SELECT note FROM probe ORDER BY id')).toEqual([{ note: 'one' }, { note: 'two' }]);
    });

    it('does not promise anything when a commit loses its answer', async () => {
      const answer = await clientErrorOf(() =>
        dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE probe SET note = 'maybe' WHERE id = 2`);
          // The connection drops as COMMIT is sent: the server may or may not have committed.
          const runner = manager.queryRunner!;
          const commit = runner.commitTransaction.bind(runner);
          runner.commitTransaction = async () => {
            await proxy.cut('reset');
            return commit();
          };
        }),
      );
      expect(answer).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: false, written: 'UNKNOWN' });
    });

    it('says a write made before the outage in the same request may be stored', async () => {
      await dataSource.query(`UPDATE probe SET note = 'two' WHERE id = 2`);
      const answer = await clientErrorOf(async () => {
        await dataSource.transaction((manager) => manager.query(`UPDATE probe SET note = 'first' WHERE id = 2`));
        await proxy.cut('refuse');
        await dataSource.query(`UPDATE probe SET note = 'second' WHERE id = 2`);
      });
      expect(answer).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: false, written: 'UNKNOWN' });
    });

    it('classifies a lock wait timeout as busy, and the transaction that waited wrote nothing', async () => {
      const holder = await session();
      await holder.query('START TRANSACTION');
      await holder.query('SELECT * FROM probe WHERE id = 1 FOR UPDATE');
      try {
        const answer = await clientErrorOf(() =>
          dataSource.transaction(async (manager) => {
            await manager.query('SET SESSION innodb_lock_wait_timeout = 1');
            await manager.query(`UPDATE probe SET note = 'written' WHERE id = 2`);
            await manager.query(`UPDATE probe SET note = 'waited' WHERE id = 1`);
          }),
        );
        expect(answer).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          reason: 'DATABASE_BUSY',
          retryable: true,
          written: 'NOTHING',
        });
      } finally {
        await holder.query('ROLLBACK');
      }
      expect(await dataSource.query('SELECT note FROM probe WHERE id = 2')).not.toEqual([{ note: 'written' }]);
    });

    it('classifies a deadlock as busy and as a deadlock', async () => {
      const first = await session();
      const second = await session();
      await first.query('START TRANSACTION');
      await second.query('START TRANSACTION');
      await first.query('SELECT * FROM probe WHERE id = 1 FOR UPDATE');
      await second.query('SELECT * FROM probe WHERE id = 2 FOR UPDATE');
      const crossed = await Promise.allSettled([
        first.query('SELECT * FROM probe WHERE id = 2 FOR UPDATE'),
        second.query('SELECT * FROM probe WHERE id = 1 FOR UPDATE'),
      ]);
      await first.query('ROLLBACK');
      await second.query('ROLLBACK');
      const victim = crossed.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(isDeadlock(victim?.reason)).toBe(true);
      expect(databaseFailureOf(victim?.reason)).toBe(DatabaseFailure.BUSY);
    });

    it('classifies a connection the server killed as unavailable', async () => {
      const victim = await session();
      const [[{ id }]] = (await victim.query('SELECT CONNECTION_ID() AS id')) as unknown as [[{ id: number }]];
      await server.query(`KILL ${Number(id)}`);
      const error = await victim.query('SELECT 1').catch((caught: unknown) => caught);
      expect(databaseFailureOf(error)).toBe(DatabaseFailure.UNAVAILABLE);
    });

    it('recognises a unique-key violation and a bug in SQL, neither an outage', async () => {
      const duplicate = await failureOf(dataSource, `INSERT INTO probe (id, note) VALUES (1, 'x')`);
      expect(isUniqueViolation(duplicate)).toBe(true);
      expect(databaseFailureOf(duplicate)).toBeNull();
      const bug = await failureOf(dataSource, 'SELEC 1');
      expect(databaseFailureOf(bug)).toBeNull();
    });
  });
});
