import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { loadMasterKey } from '../platform/crypto/master-key';
import { createDataKey, personalInformationKeys } from '../platform/crypto/personal-information-keys';
import { reencryptPersonalInformation, valuesNotUnder } from '../platform/crypto/reencryption';
import { blindIndexOf, openText, parseEnvelope, sealText, SymmetricKey } from '../platform/crypto/sm4-envelope';
import { openDataSource } from '../platform/database/data-source.factory';
import { residentIdCheckCharacter } from '../platform/codes/resident-id';
import { createLogger } from '../platform/observability/logger';
import { Counters } from '../platform/observability/metrics';
import { enforcementSubgraph } from '../subgraphs/enforcement/enforcement.subgraph';
import { PARTY_ID_NUMBER_CIPHER } from '../subgraphs/enforcement/enforcement-case/enforcement-case.entity';

// `npm run bench:crypto`: what encrypting personal information costs.
// 1. Per field: SM4-CBC + HMAC-SM3 encrypt and decrypt, and the HMAC-SM3 blind index, in microseconds.
// 2. With MYSQL_URL: BENCH_ROWS cases (default 1,000,000) bulk-loaded into schema `bench_pii_enforcement`,
//    then a key rotation's re-encryption pass over them (rows/s), and a blind-index lookup among them.

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SCHEMA = 'bench_pii_enforcement';
const COLUMN = 'enforcement_case.party_id_number';

function microsecondsPer(iterations: number, work: () => void): number {
  for (let index = 0; index < Math.min(iterations, 2000); index++) work();
  const started = process.hrtime.bigint();
  for (let index = 0; index < iterations; index++) work();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

function perField(): void {
  const key = new SymmetricKey('bench-d1', SymmetricKey.generateSecret());
  const indexKey = SymmetricKey.generateSecret();
  const idNumber = '320102198503123016';
  const sealed = sealText(key, idNumber, COLUMN);
  const envelope = parseEnvelope(sealed);
  const rows = [
    ['encrypt (resident ID, 18 bytes)', microsecondsPer(50_000, () => sealText(key, idNumber, COLUMN))],
    ['decrypt (resident ID, 18 bytes)', microsecondsPer(50_000, () => openText(key, parseEnvelope(sealed), COLUMN))],
    ['decrypt, envelope parsed', microsecondsPer(50_000, () => openText(key, envelope, COLUMN))],
    ['encrypt (name, 12 bytes)', microsecondsPer(50_000, () => sealText(key, '欧阳明华', COLUMN))],
    ['blind index (HMAC-SM3)', microsecondsPer(50_000, () => blindIndexOf(indexKey, COLUMN, idNumber))],
  ] as const;
  console.log('\nper field (one core, Node OpenSSL)');
  for (const [name, micros] of rows) console.log(`  ${name.padEnd(34)} ${micros.toFixed(1).padStart(7)} µs`);
}

function idNumber(index: number): string {
  const first = `3201021985${String(index).padStart(7, '0')}`.slice(0, 17);
  return first + residentIdCheckCharacter(first);
}

async function rotation(mysqlUrl: string): Promise<void> {
  const admin = await createConnection(mysqlUrl);
  await admin.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``);
  await admin.end();
  const dataSource = await openDataSource({
    settings: { kind: 'mysql', serverUrl: mysqlUrl, schema: SCHEMA, poolSize: 4 },
    dataDir: '.data',
    entities: enforcementSubgraph.entities,
    migrations: enforcementSubgraph.migrations,
    counters: new Counters(),
    logger: createLogger('bench', 'warn'),
  });
  try {
    const first = personalInformationKeys.activeKey('enforcement');
    let started = Date.now();
    const batch = 2000;
    for (let offset = 0; offset < ROWS; offset += batch) {
      const values: unknown[] = [];
      const count = Math.min(batch, ROWS - offset);
      for (let index = offset; index < offset + count; index++) {
        const id = idNumber(index);
        values.push(
          `32010220269${String(index).padStart(5, '0')}`.slice(-16),
          sealText(first, '欧阳明华', 'enforcement_case.party_name'),
          sealText(first, id, COLUMN),
          PARTY_ID_NUMBER_CIPHER.indexOf(id),
        );
      }
      const placeholders = Array.from(
        { length: count },
        () => "(?, '320102', 'FILED', '超限运输', ?, ?, ?, 'bench', NOW(), CURDATE(), 1, 0)",
      );
      await dataSource.query(
        `INSERT INTO enforcement_case (case_number, region_code, status, cause, party_name, party_id_number, party_id_number_index, filed_by, filed_at, decision_due_date, version, deadline_extension_days) VALUES ${placeholders.join(', ')}`,
        values,
      );
    }
    const loadSeconds = (Date.now() - started) / 1000;
    console.log(
      `\n${ROWS} cases loaded, encrypted, in ${loadSeconds.toFixed(1)} s (${Math.round(ROWS / loadSeconds)} rows/s)`,
    );

    started = Date.now();
    const lookup = await dataSource.query<Array<{ id: number }>>(
      'SELECT id FROM enforcement_case WHERE party_id_number_index = ?',
      [PARTY_ID_NUMBER_CIPHER.indexOf(idNumber(Math.floor(ROWS / 2)))],
    );
    console.log(`blind-index lookup among ${ROWS}: ${lookup.length} row in ${Date.now() - started} ms`);

    const master = loadMasterKey({ file: null, production: false });
    const next = await createDataKey(dataSource, 'enforcement', master);
    await personalInformationKeys.load(dataSource, 'enforcement', master);
    started = Date.now();
    // Every table with encrypted columns is passed over; the cases hold the values.
    const progress = (await reencryptPersonalInformation(dataSource, 'enforcement', { batchSize: 1000 })).find(
      (table) => table.table === 'enforcement_case',
    )!;
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `rotation: ${progress.rowsRewritten} rows re-encrypted (2 fields each) in ${seconds.toFixed(1)} s = ${Math.round(progress.rowsRewritten / seconds)} rows/s; left under old keys: ${await valuesNotUnder(dataSource, 'enforcement', next)}`,
    );
  } finally {
    await dataSource.destroy();
    const cleanup = await createConnection(mysqlUrl);
    await cleanup.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``);
    await cleanup.end();
  }
}

async function main(): Promise<void> {
  console.log(
    `load average ${(await import('node:os'))
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  perField();
  const mysqlUrl = process.env.MYSQL_URL;
  if (!mysqlUrl) console.log('\nMYSQL_URL not set: the rotation figure needs MySQL');
  else await rotation(mysqlUrl);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
