import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { MixedList } from 'typeorm';
import { InitialLicensing1764000000000 } from '../../../migrations/licensing/1764000000000-initial-licensing';
import type { DatabaseSettings } from '../../../platform/config/config';
import { openDataSource, type MigrationClass } from '../../../platform/database/data-source.factory';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { licensingSubgraph } from '../licensing.subgraph';
import { ApplicationTransition } from './application-transition.entity';
import { PermitApplication } from './permit-application.entity';

// The workflow migration runs on databases that already hold applications: it must keep every row and
// status (on MySQL a careless column change drops and re-adds the column) and give them their history.

async function migrateWithExistingApplications(settings: DatabaseSettings, dataDir: string): Promise<void> {
  const open = (migrations: MixedList<MigrationClass>) =>
    openDataSource({
      settings,
      dataDir,
      entities: licensingSubgraph.entities,
      migrations,
      counters: new Counters(),
      logger: createLogger('spec', 'error'),
    });
  const before = await open([InitialLicensing1764000000000]);
  const insert = `INSERT INTO permit_application (application_number, credit_code, kind, scope, region_code, status, submitted_by, submitted_at, accepted_at, decided_by, decided_at, decision_comment, permit_number, version)
                  VALUES (?, '91320102MA1MY0R10Q', 'ROAD_FREIGHT_TRANSPORT', '普通货运', '320102', ?, 'old-officer', '2026-03-02 01:00:00', ?, ?, ?, ?, NULL, ?)`;
  await before.query(insert, ['XK-OLD-1', 'SUBMITTED', null, null, null, null, 1]);
  await before.query(insert, [
    'XK-OLD-2',
    'APPROVED',
    '2026-03-03 01:00:00',
    'old-reviewer',
    '2026-03-10 01:00:00',
    '限普通货运',
    3,
  ]);
  await before.query(insert, ['XK-OLD-3', 'REJECTED', null, 'old-reviewer', '2026-03-04 01:00:00', '材料不全', 2]);
  await before.destroy();

  const after = await open(licensingSubgraph.migrations);
  try {
    const applications = await after.getRepository(PermitApplication).find({ order: { id: 'ASC' } });
    expect(
      applications.map((application) => [application.applicationNumber, application.status, application.version]),
    ).toEqual([
      ['XK-OLD-1', 'SUBMITTED', 1],
      ['XK-OLD-2', 'APPROVED', 3],
      ['XK-OLD-3', 'REJECTED', 2],
    ]);
    const rows = await after
      .getRepository(ApplicationTransition)
      .find({ order: { applicationId: 'ASC', occurredAt: 'ASC' } });
    expect(
      rows.map((row) => [row.applicationId, row.action, row.fromStatus, row.toStatus, row.actor, row.comment]),
    ).toEqual([
      [1, 'SUBMIT', null, 'SUBMITTED', 'old-officer', null],
      [2, 'SUBMIT', null, 'SUBMITTED', 'old-officer', null],
      [2, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'unrecorded', null],
      [2, 'APPROVE', 'ACCEPTED', 'APPROVED', 'old-reviewer', '限普通货运'],
      [3, 'SUBMIT', null, 'SUBMITTED', 'old-officer', null],
      [3, 'REJECT', 'SUBMITTED', 'REJECTED', 'old-reviewer', '材料不全'],
    ]);
    // The status column now takes the longest status (MySQL refuses a longer value in strict mode).
    await after.query(
      `UPDATE permit_application SET status = 'AWAITING_EXTERNAL_VERIFICATION' WHERE application_number = 'XK-OLD-1'`,
    );
    expect(
      (await after.getRepository(PermitApplication).findOneByOrFail({ applicationNumber: 'XK-OLD-1' })).status,
    ).toBe('AWAITING_EXTERNAL_VERIFICATION');
  } finally {
    await after.destroy();
  }
}

describe('the permit workflow migration', () => {
  it('keeps existing applications on the embedded database and gives them their history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'licensing-migration-'));
    try {
      await migrateWithExistingApplications({ kind: 'embedded', schema: 'licensing', poolSize: 1 }, dataDir);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // CI sets MYSQL_URL: there the migration runs on MariaDB too, in a schema of its own.
  const mysqlUrl = process.env.MYSQL_URL;
  (mysqlUrl ? it : it.skip)('keeps existing applications on MySQL/MariaDB and gives them their history', async () => {
    const schema = `${process.env.TEST_SCHEMA_PREFIX ?? 'it_'}migration_licensing`;
    const server = await createConnection(mysqlUrl!);
    try {
      await server.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await migrateWithExistingApplications({ kind: 'mysql', serverUrl: mysqlUrl, schema, poolSize: 2 }, tmpdir());
    } finally {
      await server.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await server.end();
    }
  });
});
