import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { DatabaseSettings } from '../../../platform/config/config';
import { openDataSource } from '../../../platform/database/data-source.factory';
import { DomainError } from '../../../platform/errors/domain-error';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../audit/audit-database';
import { entry } from '../../audit/audit-entry.fixture';
import { AuditOutcome } from '../../audit/audit-record.entity';
import { AuditTrail } from '../../audit/audit-trail';
import { partnerUsage, usageRange } from './partner-usage';

const logger = createLogger('partner-usage-spec', 'error');

// The day is computed in SQL, which differs between the databases: the counting runs on the embedded
// SQLite and, where MYSQL_URL is set (CI), on MariaDB/MySQL too.
const mysqlUrl = process.env.MYSQL_URL;
const mysqlSchema = `${process.env.TEST_SCHEMA_PREFIX ?? 'it_'}partner_usage`;
const DATABASES: Array<[string, DatabaseSettings]> = [
  ['embedded SQLite', { kind: 'embedded', schema: 'gateway', poolSize: 1 }],
  ...(mysqlUrl
    ? [
        ['MySQL', { kind: 'mysql', serverUrl: mysqlUrl, schema: mysqlSchema, poolSize: 2 }] as [
          string,
          DatabaseSettings,
        ],
      ]
    : []),
];

async function dropMysqlSchema(): Promise<void> {
  if (!mysqlUrl) return;
  const server = await createConnection(mysqlUrl);
  await server.query(`DROP DATABASE IF EXISTS \`${mysqlSchema}\``);
  await server.end();
}

describe.each(DATABASES)('partner usage from the audit trail on %s', (_name, settings) => {
  let dataSource: DataSource;
  let trail: AuditTrail;

  const call = (at: string, overrides: Parameters<typeof entry>[0] = {}) =>
    trail.append(
      entry({
        occurredAt: new Date(at),
        requestId: randomUUID(),
        clientId: 'partner-ndrc',
        username: 'service-account-partner-ndrc',
        operationName: 'EnterpriseCreditAndPermits',
        ...overrides,
      }),
    );

  beforeEach(async () => {
    if (settings.kind === 'mysql') await dropMysqlSchema();
    dataSource = await openDataSource({
      settings,
      dataDir: mkdtempSync(join(tmpdir(), 'partner-usage-spec-')),
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      counters: new Counters(),
      logger,
    });
    trail = new AuditTrail(dataSource, logger);
  });
  afterEach(async () => {
    await dataSource.destroy();
    if (settings.kind === 'mysql') await dropMysqlSchema();
  });

  it('counts calls and refusals per operation and China Standard Time day, for the client asked only', async () => {
    // 2026-03-01 15:59 UTC is 23:59 in Beijing; 16:00 UTC is already 2 March there.
    await call('2026-03-01T15:59:00Z');
    await call('2026-03-01T16:00:00Z');
    await call('2026-03-02T02:00:00Z', { outcome: AuditOutcome.REFUSED, httpStatus: 403 });
    await call('2026-03-02T03:00:00Z', { operationName: 'TransportIndicatorTrend' });
    await call('2026-03-02T03:00:00Z', { clientId: 'partner-mps' });
    // Outside the range: the day before and the day after, in Beijing.
    await call('2026-02-28T15:59:00Z');
    await call('2026-03-02T16:00:00Z');
    await trail.flush();

    expect(await partnerUsage(dataSource, 'partner-ndrc', '2026-03-01', '2026-03-02')).toEqual([
      {
        day: '2026-03-01',
        clientId: 'partner-ndrc',
        operationName: 'EnterpriseCreditAndPermits',
        calls: 1,
        refused: 0,
      },
      {
        day: '2026-03-02',
        clientId: 'partner-ndrc',
        operationName: 'EnterpriseCreditAndPermits',
        calls: 2,
        refused: 1,
      },
      { day: '2026-03-02', clientId: 'partner-ndrc', operationName: 'TransportIndicatorTrend', calls: 1, refused: 0 },
    ]);
    expect(await partnerUsage(dataSource, 'partner-none', '2026-03-01', '2026-03-02')).toEqual([]);
  });

  it('refuses a bad date, a reversed range and one longer than 366 days, naming the field', () => {
    const fieldOf = (from: string, to: string) => {
      try {
        usageRange(from, to);
        return null;
      } catch (error) {
        return error instanceof DomainError ? error.extensions.field : 'not a domain error';
      }
    };
    expect(fieldOf('2026-02-30', '2026-03-01')).toBe('from');
    expect(fieldOf('2026-03-01', 'tomorrow')).toBe('to');
    expect(fieldOf('2026-03-02', '2026-03-01')).toBe('to');
    expect(fieldOf('2025-01-01', '2026-01-02')).toBe('to');
    expect(fieldOf('2025-01-01', '2026-01-01')).toBeNull();
  });
});
