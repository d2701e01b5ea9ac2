import { createConnection } from 'mysql2/promise';
import { gql } from './generated';
import { readState } from './harness/harness-state';
import { newCreditCode } from './harness/story';
import { eventually, graphql, restartServiceWith, tokenFor } from './harness/single-window.client';
import { mysqlAddress, TcpProxy, throughProxy } from './harness/tcp-proxy';

// A department's database going away (down, restarting, connections dropped) is an outage the caller
// can tell from a bug: SERVICE_UNAVAILABLE, retryable, and whether anything was written — through the
// gateway, for reads and writes. The outage is staged with a proxy in front of MySQL, so these run
// where the subgraphs use MySQL (CI sets MYSQL_URL); the classification itself is also unit-tested on
// the embedded database (platform/database/database-errors.spec.ts).
const mysqlUrl = process.env.MYSQL_URL;

const ENTERPRISE = gql(`query OutageRead($code: String!) { enterprise(creditCode: $code) { name } }`);
const REGISTER = gql(`mutation OutageWrite($input: RegisterEnterpriseInput!) {
  registerEnterprise(input: $input) { enterprise { creditCode name } }
}`);

function registration(creditCode: string) {
  return {
    input: {
      creditCode,
      name: '停机测试运输有限公司',
      legalRepresentative: '测试人',
      regionCode: '320102',
      address: '测试路1号',
    },
  };
}

(mysqlUrl ? describe : describe.skip)('a department database outage, through the gateway', () => {
  let proxy: TcpProxy;
  let token: string;
  let schema: string;

  beforeAll(async () => {
    token = await tokenFor('ministry-admin');
    const { host, port } = mysqlAddress(mysqlUrl!);
    proxy = await TcpProxy.start(port, host);
    schema = `${readState().environment.DB_SCHEMA_PREFIX}licensing`;
    await restartServiceWith('licensing', { LICENSING_DATABASE_URL: throughProxy(mysqlUrl!, proxy, schema) });
  });
  afterEach(async () => {
    await proxy.restore();
  });
  afterAll(async () => {
    // Stop the proxied process first: restartService alone would find the port taken and the old process healthy.
    await restartServiceWith('licensing', {}).finally(() => proxy.close());
  });

  it.each([
    ['down (connections refused)', 'refuse'],
    ['restarting (connections dropped as they open)', 'reset'],
  ] as const)('answers a read while the database is %s with a retryable SERVICE_UNAVAILABLE', async (_state, mode) => {
    expect((await graphql(ENTERPRISE, { code: '91320102MA1MY0R10Q' }, { token })).errors).toBeUndefined();
    await proxy.cut(mode);
    const read = await graphql(ENTERPRISE, { code: '91320102MA1MY0R10Q' }, { token });
    expect(read.errors).toHaveLength(1);
    expect(read.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'DATABASE_UNAVAILABLE',
      retryable: true,
      written: 'NOTHING',
    });
    expect(read.errors?.[0]?.message).toContain('数据库暂时不可用');
    expect(JSON.stringify(read.errors)).not.toMatch(/Internal server error|127\.0\.0\.1|ECONN|PROTOCOL_/);
  });

  it.each([
    ['down (connections refused)', 'refuse'],
    ['restarting (connections dropped as they open)', 'reset'],
  ] as const)(
    'answers a write while the database is %s as retryable with nothing written, and keeps it so',
    async (_state, mode) => {
      const creditCode = newCreditCode();
      await proxy.cut(mode);
      const write = await graphql(REGISTER, registration(creditCode), { token });
      expect(write.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
        retryable: true,
        written: 'NOTHING',
      });
      expect(write.errors?.[0]?.message).toContain('未写入任何内容');
      await proxy.restore();
      // Nothing was written: the enterprise does not exist, and sending the write again registers it once.
      const after = await graphql(ENTERPRISE, { code: creditCode }, { token });
      expect(after.errors).toBeUndefined();
      expect(after.data?.enterprise).toBeNull();
      const retried = await graphql(REGISTER, registration(creditCode), { token });
      expect(retried.errors).toBeUndefined();
      expect(retried.data?.registerEnterprise.enterprise.creditCode).toBe(creditCode);
    },
  );

  it('answers a write whose connection drops while it waits inside the database: retryable, nothing written', async () => {
    const creditCode = newCreditCode();
    // Another session holds the key's gap, so the registration's INSERT waits inside its transaction.
    const blocker = await createConnection({ uri: mysqlUrl, database: schema });
    try {
      await blocker.query('START TRANSACTION');
      await blocker.query('SELECT id FROM enterprise WHERE credit_code = ? FOR UPDATE', [creditCode]);
      const pending = graphql(REGISTER, registration(creditCode), { token });
      await eventually(async () => {
        const [waiting] = await blocker.query(
          `SELECT COUNT(*) AS count FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE ?`,
          [`%${creditCode}%`],
        );
        if (Number((waiting as Array<{ count: number }>)[0].count) !== 1)
          throw new Error('the INSERT is not waiting yet');
      });
      await proxy.cut('refuse');
      const write = await pending;
      expect(write.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
        retryable: true,
        written: 'NOTHING',
      });
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    await proxy.restore();
    const after = await graphql(ENTERPRISE, { code: creditCode }, { token });
    expect(after.errors).toBeUndefined();
    expect(after.data?.enterprise).toBeNull();
    expect((await graphql(REGISTER, registration(creditCode), { token })).errors).toBeUndefined();
  });

  it('leaves the other departments answering while one database is down', async () => {
    await proxy.cut('refuse');
    const result = await graphql(
      gql(`
        query OutageOtherDepartments($code: String!) {
          enterprise(creditCode: $code) {
            name
          }
          creditProfile(creditCode: $code) {
            rating
          }
        }
      `),
      { code: '91320102MA1MY0R10Q' },
      { token },
    );
    expect(result.data?.creditProfile?.rating).toMatch(/^[ABCD]$/);
    expect(result.errors?.map((error) => [error.path?.[0], error.extensions?.code])).toEqual([
      ['enterprise', 'SERVICE_UNAVAILABLE'],
    ]);
  });
});
