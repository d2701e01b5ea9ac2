import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { createConnection } from 'mysql2/promise';
import type { DataSource, MixedList } from 'typeorm';
import type { DatabaseSettings } from '../config/config';
import { openDataSource, type EntityClass, type MigrationClass } from '../database/data-source.factory';
import { DEMO_ENTERPRISES } from '../demo/demo-dataset';
import { createLogger } from '../observability/logger';
import { Counters } from '../observability/metrics';
import { enforcementSubgraph } from '../../subgraphs/enforcement/enforcement.subgraph';
import { DEMO_PARTY_ID_NUMBER } from '../../subgraphs/enforcement/enforcement.seed';
import {
  EnforcementCase,
  PARTY_ID_NUMBER_CIPHER,
} from '../../subgraphs/enforcement/enforcement-case/enforcement-case.entity';
import { CONTACT_PHONE_CIPHER, Enterprise } from '../../subgraphs/licensing/enterprise/enterprise.entity';
import { licensingSubgraph } from '../../subgraphs/licensing/licensing.subgraph';
import { reencryptPersonalInformation } from './reencryption';

// The migration of data stored before encryption: a copy of the demo data written in plain text under the
// earlier migrations is, after the encryption migration and the background pass, stored encrypted only,
// read back the same, and found by its blind index; on the embedded database and on MySQL (CI).

async function opened(
  settings: DatabaseSettings,
  dataDir: string,
  entities: MixedList<EntityClass>,
  migrations: MixedList<MigrationClass>,
): Promise<DataSource> {
  return openDataSource({
    settings,
    dataDir,
    entities,
    migrations,
    counters: new Counters(),
    logger: createLogger('spec', 'error'),
  });
}

async function migrateDemoData(settings: (name: string) => DatabaseSettings, dataDir: string): Promise<void> {
  const all = (list: MixedList<MigrationClass>) => list as MigrationClass[];
  // Licensing: the demo enterprises as they were stored before (no contact phone then).
  let licensing = await opened(
    settings('licensing'),
    dataDir,
    licensingSubgraph.entities,
    all(licensingSubgraph.migrations).slice(0, -2),
  );
  for (const enterprise of DEMO_ENTERPRISES)
    await licensing.query(
      `INSERT INTO enterprise (credit_code, name, legal_representative, region_code, address, registered_at) VALUES (?, ?, ?, ?, ?, '2026-01-05 02:00:00')`,
      [
        enterprise.creditCode,
        enterprise.name,
        enterprise.legalRepresentative,
        enterprise.regionCode,
        enterprise.address,
      ],
    );
  await licensing.destroy();
  // Enforcement: the demo case against a person.
  let enforcement = await opened(
    settings('enforcement'),
    dataDir,
    enforcementSubgraph.entities,
    all(enforcementSubgraph.migrations).slice(0, -2),
  );
  await enforcement.query(
    `INSERT INTO enforcement_case (case_number, region_code, status, cause, party_name, party_id_number, filed_by, filed_at, decision_due_date, version, deadline_extension_days)
     VALUES ('3201022026000001', '320102', 'FILING_PENDING', '驾驶员未随车携带道路运输证', '李明', ?, 'old', '2026-01-05 02:00:00', '2026-04-05', 1, 0)`,
    [DEMO_PARTY_ID_NUMBER],
  );
  await enforcement.destroy();

  licensing = await opened(settings('licensing'), dataDir, licensingSubgraph.entities, licensingSubgraph.migrations);
  enforcement = await opened(
    settings('enforcement'),
    dataDir,
    enforcementSubgraph.entities,
    enforcementSubgraph.migrations,
  );
  try {
    // What each subgraph does in the background at start.
    await reencryptPersonalInformation(licensing, 'licensing', { batchSize: 3 });
    await reencryptPersonalInformation(enforcement, 'enforcement', { batchSize: 3 });

    const storedNames = await licensing.query<Array<{ legal_representative: string }>>(
      'SELECT legal_representative FROM enterprise',
    );
    expect(storedNames).toHaveLength(DEMO_ENTERPRISES.length);
    for (const row of storedNames) expect(row.legal_representative).toMatch(/^sm4e1:licensing-d/);
    const [storedCase] = await enforcement.query<Array<Record<string, string>>>(
      'SELECT party_name, party_id_number, party_id_number_index FROM enforcement_case',
    );
    expect(JSON.stringify(storedCase)).not.toContain(DEMO_PARTY_ID_NUMBER);
    expect(JSON.stringify(storedCase)).not.toContain('李明');

    const enterprises = await licensing.getRepository(Enterprise).find({ order: { id: 'ASC' } });
    expect(enterprises.map((enterprise) => enterprise.legalRepresentative)).toEqual(
      DEMO_ENTERPRISES.map((enterprise) => enterprise.legalRepresentative),
    );
    const found = await enforcement
      .getRepository(EnforcementCase)
      .findBy({ partyIdNumberIndex: PARTY_ID_NUMBER_CIPHER.indexOf(DEMO_PARTY_ID_NUMBER) });
    expect(found.map((row) => [row.partyName, row.partyIdNumber])).toEqual([['李明', DEMO_PARTY_ID_NUMBER]]);

    // The widened columns take the longest value the API accepts, encrypted (MySQL refuses a longer one).
    const longest = '王'.repeat(100);
    await licensing
      .getRepository(Enterprise)
      .update({ id: enterprises[0].id }, { legalRepresentative: longest, contactPhone: '025-84561234' });
    const reread = await licensing.getRepository(Enterprise).findOneByOrFail({ id: enterprises[0].id });
    expect([reread.legalRepresentative, reread.contactPhone]).toEqual([longest, '025-84561234']);
    expect(
      await licensing
        .getRepository(Enterprise)
        .countBy({ contactPhoneIndex: CONTACT_PHONE_CIPHER.indexOf('02584561234') }),
    ).toBe(1);
  } finally {
    await licensing.destroy();
    await enforcement.destroy();
  }
}

describe('the encryption migration on a copy of the demo data', () => {
  it('encrypts what the embedded database held in plain text', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pii-migration-'));
    try {
      await migrateDemoData((name) => ({ kind: 'embedded', schema: name, poolSize: 1 }), dataDir);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // CI sets MYSQL_URL: there the migration runs on MariaDB too, in schemas of its own.
  const mysqlUrl = process.env.MYSQL_URL;
  (mysqlUrl ? it : it.skip)('encrypts what MySQL/MariaDB held in plain text', async () => {
    const prefix = `${process.env.TEST_SCHEMA_PREFIX ?? 'it_'}pii_migration_`;
    const server = await createConnection(mysqlUrl!);
    const drop = async () => {
      for (const name of ['licensing', 'enforcement'])
        await server.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
    };
    try {
      await drop();
      await migrateDemoData(
        (name) => ({ kind: 'mysql', serverUrl: mysqlUrl, schema: `${prefix}${name}`, poolSize: 2 }),
        tmpdir(),
      );
    } finally {
      await drop();
      await server.end();
    }
  });
});
