import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { MixedList } from 'typeorm';
import { InitialCredit1764000000000 } from '../../../migrations/credit/1764000000000-initial-credit';
import { PersonalInformationKeysCredit1765000000000 } from '../../../migrations/credit/1765000000000-personal-information-keys';
import { FreeTextEncryptionCredit1765010000000 } from '../../../migrations/credit/1765010000000-free-text-encryption';
import { CreditDisclosure1765100000000 } from '../../../migrations/credit/1765100000000-credit-disclosure';
import type { DatabaseSettings } from '../../../platform/config/config';
import { openDataSource, type MigrationClass } from '../../../platform/database/data-source.factory';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { creditSubgraph } from '../credit.subgraph';
import { CreditDisclosure } from './credit-disclosure.entity';
import { CreditDisclosureRevision } from './credit-disclosure-revision.entity';

// The versions migration runs on databases that already hold disclosures: each keeps its fields, gets
// version 1, its status or severity, the date repair becomes possible and, when published, its history.

async function migrateWithExistingDisclosures(settings: DatabaseSettings, dataDir: string): Promise<void> {
  const open = (migrations: MixedList<MigrationClass>) =>
    openDataSource({
      settings,
      dataDir,
      entities: creditSubgraph.entities,
      migrations,
      counters: new Counters(),
      logger: createLogger('spec', 'error'),
    });
  const before = await open([
    InitialCredit1764000000000,
    PersonalInformationKeysCredit1765000000000,
    FreeTextEncryptionCredit1765010000000,
    CreditDisclosure1765100000000,
  ]);
  const insert = `INSERT INTO credit_disclosure (kind, counterpart_name, credit_code, document_number, matter, legal_basis,
      content, authority_name, authority_code, decided_at, publication_deadline, publish_by, published_at, public_until)
    VALUES (?, '南京顺达货运有限公司', '91320102MA1MY0R10Q', ?, '事项', '依据', '内容', '南京市玄武区交通运输局', '320102',
      ?, '2026-12-09', '2026-12-09 16:00:00', ?, '2027-11-30 20:00:00')`;
  // Decided at 04:00 on 1 December in Beijing: repairable from 1 March, 04:00 there.
  await before.query(insert, [
    'ADMINISTRATIVE_PENALTY',
    '3201022026000001',
    '2026-11-30 20:00:00',
    '2026-12-01 02:00:00',
  ]);
  await before.query(insert, ['ADMINISTRATIVE_LICENSE', '320102HY20261201001', '2026-11-30 20:00:00', null]);
  await before.destroy();

  const after = await open(creditSubgraph.migrations);
  try {
    const disclosures = await after.getRepository(CreditDisclosure).find({ order: { id: 'ASC' } });
    expect(
      disclosures.map((disclosure) => [
        disclosure.documentNumber,
        disclosure.version,
        disclosure.licenseStatus,
        disclosure.severity,
        disclosure.repairableFrom,
        disclosure.displayEndedAt,
        disclosure.content,
      ]),
    ).toEqual([
      ['3201022026000001', 1, null, 'ORDINARY', new Date('2027-02-28T20:00:00Z'), null, '内容'],
      ['320102HY20261201001', 1, 'VALID', null, null, null, '内容'],
    ]);
    const revisions = await after.getRepository(CreditDisclosureRevision).find();
    expect(
      revisions.map((revision) => [revision.disclosureId, revision.version, revision.kind, revision.changes]),
    ).toEqual([[disclosures[0].id, 1, 'PUBLISHED', []]]);
    expect(revisions[0].occurredAt).toEqual(new Date('2026-12-01T02:00:00Z'));
  } finally {
    await after.destroy();
  }
}

describe('the disclosure versions migration', () => {
  it('keeps existing disclosures on the embedded database and gives them versions and history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'credit-migration-'));
    try {
      await migrateWithExistingDisclosures({ kind: 'embedded', schema: 'credit', poolSize: 1 }, dataDir);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // CI sets MYSQL_URL: there the migration runs on MariaDB too, in a schema of its own.
  const mysqlUrl = process.env.MYSQL_URL;
  (mysqlUrl ? it : it.skip)(
    'keeps existing disclosures on MySQL/MariaDB and gives them versions and history',
    async () => {
      const schema = `${process.env.TEST_SCHEMA_PREFIX ?? 'it_'}migration_credit`;
      const server = await createConnection(mysqlUrl!);
      try {
        await server.query(`DROP DATABASE IF EXISTS \`${schema}\``);
        await migrateWithExistingDisclosures({ kind: 'mysql', serverUrl: mysqlUrl, schema, poolSize: 2 }, tmpdir());
      } finally {
        await server.query(`DROP DATABASE IF EXISTS \`${schema}\``);
        await server.end();
      }
    },
  );
});
