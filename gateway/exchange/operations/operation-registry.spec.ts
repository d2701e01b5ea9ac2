import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { PurposeCode } from '../../../platform/auth/purpose';
import { openDataSource } from '../../../platform/database/data-source.factory';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../audit/audit-database';
import { documentHash, type PersistedOperation } from '../../protection/persisted-operations';
import { Catalogue, ShareClass, type CatalogueItem } from '../catalogue/catalogue';
import { DataGrant } from '../grants/data-grant.entity';
import { GrantBook } from '../grants/grant-book';
import { OperationRegistry } from './operation-registry';

const logger = createLogger('spec', 'error');
const SCHEMA = buildSchema(`
  type Query { enterprise(creditCode: String!): Enterprise }
  type Mutation { renameEnterprise(name: String!): Enterprise }
  type Enterprise { creditCode: String! name: String! phone: String }
`);
const CLIENT = 'partner-test';
const NAMES = 'query Names($code: String!) { enterprise(creditCode: $code) { creditCode name } }';
const PHONE = 'query Phone($code: String!) { enterprise(creditCode: $code) { name phone } }';

function item(coordinate: string, category: string): CatalogueItem {
  const [typeName, fieldName] = coordinate.split('.');
  return {
    coordinate,
    typeName,
    fieldName,
    department: 'licensing',
    category,
    shareClass: ShareClass.CONDITIONAL,
    personalInformation: false,
    updateFrequency: 'REAL_TIME',
    legalBasis: '《政务信息资源共享管理暂行办法》',
    description: coordinate,
  };
}
// The phone is of a category the demo client's realm entry does not give it (seed grants stay within).
const CATALOGUE = new Catalogue([
  item('Enterprise.creditCode', 'registry'),
  item('Enterprise.name', 'registry'),
  item('Enterprise.phone', 'contact'),
]);

function seed(clientId: string, document: string): PersistedOperation {
  const name = /(?:query|mutation) (\w+)/.exec(document)![1];
  return { clientId, name, document, sha256: documentHash(document) };
}

interface Codes {
  code?: unknown;
  reason?: unknown;
  coordinates?: unknown;
  coordinate?: unknown;
}

async function refusal(work: Promise<unknown>): Promise<{ message: string } & Codes> {
  try {
    await work;
  } catch (error) {
    const { extensions } = error as { extensions: Codes };
    return { message: (error as Error).message, ...extensions };
  }
  throw new Error('not refused');
}

describe('the registry of partners’ operations', () => {
  let dataSource: DataSource;
  let grants: GrantBook;
  const registry = (seeds: PersistedOperation[] = [], seedGrants = false) => {
    const registered = new OperationRegistry({
      dataSource: () => dataSource,
      grants,
      catalogue: () => CATALOGUE,
      logger,
      seeds,
      seedGrants,
      seedCategories: () => new Set(['registry']),
    });
    registered.useSchema(SCHEMA);
    return registered;
  };
  const grant = (coordinate: string, expiresAt: Date | null = null) =>
    grants.record({
      clientId: CLIENT,
      coordinate,
      department: 'licensing',
      category: 'registry',
      purposes: [PurposeCode.CREDIT_ASSESSMENT],
      grantedBy: 'ministry-licensing-approver',
      expiresAt,
    });

  beforeEach(async () => {
    dataSource = await openDataSource({
      settings: { kind: 'embedded', schema: 'gateway', poolSize: 1 },
      dataDir: mkdtempSync(join(tmpdir(), 'operation-registry-spec-')),
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      counters: new Counters(),
      logger,
    });
    grants = new GrantBook(() => dataSource);
    await grant('Enterprise.creditCode');
    await grant('Enterprise.name');
  });
  afterEach(() => dataSource.destroy());

  it('registers a query within the grants, versioned, and lets its client (only) run it', async () => {
    const operations = registry();
    const first = await operations.register(CLIENT, NAMES, 'ndrc-partner-admin');
    expect(first.created).toBe(true);
    expect(first.operation).toMatchObject({
      name: 'Names',
      version: 1,
      coordinates: 'Enterprise.creditCode,Enterprise.name',
    });
    // The same document again is the same version.
    const again = await operations.register(CLIENT, NAMES, 'ndrc-partner-admin');
    expect(again).toMatchObject({ created: false, operation: { id: first.operation.id, version: 1 } });
    // The same name, another document: version 2, both in force.
    const shorter = 'query Names($code: String!) { enterprise(creditCode: $code) { name } }';
    expect((await operations.register(CLIENT, shorter, 'ndrc-partner-admin')).operation.version).toBe(2);
    expect(await operations.allowed(CLIENT, documentHash(NAMES))).toMatchObject({ version: 1 });
    expect(await operations.allowed('partner-other', documentHash(NAMES))).toBeUndefined();
    expect(await operations.document(documentHash(shorter))).toBe(shorter);
  });

  it('refuses an operation reading an item not granted, naming the first and listing all', async () => {
    const refused = await refusal(registry().register(CLIENT, PHONE, 'ndrc-partner-admin'));
    expect(refused).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'OUTSIDE_GRANTS',
      coordinates: ['Enterprise.phone'],
    });
    expect(refused.message).toContain('超出授权范围的数据项：Enterprise.phone');
    expect(await dataSource.query('SELECT COUNT(*) AS count FROM registered_operation')).toEqual([{ count: 0 }]);
  });

  it('refuses mutations, anonymous operations and documents the schema does not have', async () => {
    const operations = registry();
    const mutation = 'mutation Rename { renameEnterprise(name: "x") { name } }';
    expect(await refusal(operations.register(CLIENT, mutation, 'a'))).toMatchObject({ reason: 'INVALID_OPERATION' });
    expect(await refusal(operations.register(CLIENT, '{ enterprise(creditCode: "x") { name } }', 'a'))).toMatchObject({
      reason: 'INVALID_OPERATION',
    });
    const missing = await refusal(
      operations.register(CLIENT, 'query X { enterprise(creditCode: "x") { email } }', 'a'),
    );
    expect(missing.message).toMatch(/email/);
  });

  it('retires a version at once; an unknown name is not found', async () => {
    const operations = registry();
    await operations.register(CLIENT, NAMES, 'ndrc-partner-admin');
    expect(await operations.allowed(CLIENT, documentHash(NAMES))).toBeDefined();
    const retired = await operations.retire(CLIENT, 'Names', null, 'ndrc-partner-admin');
    expect(retired.map((row) => row.version)).toEqual([1]);
    expect(await operations.allowed(CLIENT, documentHash(NAMES))).toBeUndefined();
    expect(await refusal(operations.retire(CLIENT, 'Names', 1, 'x'))).toMatchObject({ reason: 'OPERATION_NOT_FOUND' });
  });

  it('sees a registration made by another replica on a hash miss', async () => {
    const other = registry();
    await registry().register(CLIENT, NAMES, 'ndrc-partner-admin');
    expect(await other.allowed(CLIENT, documentHash(NAMES))).toMatchObject({ name: 'Names', version: 1 });
  });

  it('seeds the files once, with seed grants for what seed queries read within the realm categories, and keeps a revocation', async () => {
    const seeds = [
      seed('partner-demo', PHONE),
      seed('station', 'mutation Rename { renameEnterprise(name: "x") { name } }'),
    ];
    const first = registry(seeds, true);
    await first.ready();
    await registry(seeds, true).ready();
    const rows: unknown = await dataSource.query(
      'SELECT client_id, name, version, registered_by FROM registered_operation ORDER BY id',
    );
    expect(rows).toEqual([
      { client_id: 'partner-demo', name: 'Phone', version: 1, registered_by: 'seed' },
      { client_id: 'station', name: 'Rename', version: 1, registered_by: 'seed' },
    ]);
    const seeded = await dataSource
      .getRepository(DataGrant)
      .find({ where: { grantedBy: 'seed' }, order: { coordinate: 'ASC' } });
    // Enterprise.phone is of a category the realm does not give the client: no seed grant for it.
    expect(seeded.map((row) => `${row.clientId} ${row.coordinate}`)).toEqual(['partner-demo Enterprise.name']);
    await grants.revoke(seeded[0].id, 'ministry-credit-approver');
    await registry(seeds, true).ready();
    expect((await grants.activeFor('partner-demo')).covers('Enterprise.name')).toBe(false);
    // A changed file is a new version, and the seed's older one is retired.
    const changed = [seed('partner-demo', 'query Phone { enterprise(creditCode: "y") { name } }')];
    await registry(changed, true).ready();
    expect(await first.allowed('partner-demo', documentHash(PHONE))).toBeUndefined();
  });

  it('runs an operation only while its grants are in force for the purpose', async () => {
    const operations = registry();
    const { operation } = await operations.register(CLIENT, NAMES, 'ndrc-partner-admin');
    await expect(operations.checkGrants(CLIENT, operation, PurposeCode.CREDIT_ASSESSMENT)).resolves.toBeUndefined();
    expect(await refusal(operations.checkGrants(CLIENT, operation, PurposeCode.JOINT_DISCIPLINE))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'GRANT_REQUIRED',
      coordinate: 'Enterprise.creditCode',
    });
    const active = await grants.activeFor(CLIENT);
    await grants.revoke(active.grants.find((row) => row.coordinate === 'Enterprise.name')!.id, 'approver');
    expect(await refusal(operations.checkGrants(CLIENT, operation, PurposeCode.CREDIT_ASSESSMENT))).toMatchObject({
      reason: 'GRANT_REQUIRED',
      coordinate: 'Enterprise.name',
    });
    await grant('Enterprise.name', new Date(Date.now() + 200));
    await operations.checkGrants(CLIENT, operation, PurposeCode.CREDIT_ASSESSMENT);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await refusal(operations.checkGrants(CLIENT, operation, PurposeCode.CREDIT_ASSESSMENT))).toMatchObject({
      reason: 'GRANT_EXPIRED',
      coordinate: 'Enterprise.name',
    });
  });
});
