import { createHash, randomInt } from 'node:crypto';
import { subgraphSql } from './harness/subgraph-database';
import {
  clientToken,
  eventually,
  gatewayUrl,
  graphql,
  tokenFor,
  type GraphQLErrorBody,
} from './harness/single-window.client';

// A partner's administrator registers operations through the graph (接口注册); its machine client runs
// them by hash, only while they are in force and every item they read is granted for the purpose.

const CARRIER = '91320102MA1MY0R10Q';
const PURPOSE = { 'x-purpose': 'JOINT_DISCIPLINE', 'x-purpose-reason': encodeURIComponent('联合惩戒名单核查') };
const RUN = `${Date.now()}N${randomInt(1e6)}`;

const REGISTER = `mutation ($document: String!) {
  registerOperation(document: $document) { created operation { name version sha256 coordinates registeredBy inForce } }
}`;

interface Registered {
  registerOperation: {
    created: boolean;
    operation: {
      name: string;
      version: number;
      sha256: string;
      coordinates: string[];
      registeredBy: string;
      inForce: boolean;
    };
  };
}

interface Enterprise {
  enterprise: { name: string; address?: string; registeredAt?: string } | null;
}

function sha256(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

function refusal(errors: GraphQLErrorBody[] | undefined) {
  const extensions = errors?.[0]?.extensions ?? {};
  return { code: extensions.code, reason: extensions.reason, coordinate: extensions.coordinate };
}

describe('operations registered at run time', () => {
  let admin: string;
  let partner: string;

  /** The partner's machine client sends only the hash, with its declared purpose. */
  const runByHash = async (document: string) => {
    const response = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partner}`, ...PURPOSE },
      body: JSON.stringify({
        variables: { creditCode: CARRIER },
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } },
      }),
    });
    return (await response.json()) as { data?: Enterprise | null; errors?: GraphQLErrorBody[] };
  };
  const register = (document: string) => graphql<Registered>(REGISTER, { document }, { token: admin });

  /** A grant of one item to partner-ndrc, written behind the gateway's back (as another replica would). */
  const grantBehindTheBack = (coordinate: string) =>
    subgraphSql(
      'gateway',
      `INSERT INTO data_grant (client_id, coordinate, department, category, purposes, granted_by, granted_at)
       VALUES ('partner-ndrc', ?, 'licensing', 'registry', 'JOINT_DISCIPLINE', 'ministry-licensing-approver', '2026-01-01 00:00:00')`,
      [coordinate],
    );

  beforeAll(async () => {
    admin = await tokenFor('ndrc-partner-admin');
    partner = await clientToken('partner-ndrc');
  });

  it('registers a query within the grants, which the partner then runs by hash; the same document adds no version', async () => {
    const document = `query NdrcNames${RUN}($creditCode: String!) { enterprise(creditCode: $creditCode) { creditCode name regionCode } }`;
    const first = await register(document);
    expect(first.errors).toBeUndefined();
    expect(first.data?.registerOperation).toEqual({
      created: true,
      operation: {
        name: `NdrcNames${RUN}`,
        version: 1,
        sha256: sha256(document),
        coordinates: ['Enterprise.creditCode', 'Enterprise.name', 'Enterprise.regionCode'],
        registeredBy: 'ndrc-partner-admin',
        inForce: true,
      },
    });
    const result = await runByHash(document);
    expect(result.errors).toBeUndefined();
    expect(result.data?.enterprise?.name).toBe('南京玄武危险品运输有限公司');
    const again = await register(document);
    expect(again.data?.registerOperation).toMatchObject({ created: false, operation: { version: 1 } });
    const listed = await graphql<{ registeredOperations: Array<{ name: string; version: number }> }>(
      '{ registeredOperations { name version } }',
      {},
      { token: admin },
    );
    expect(listed.data?.registeredOperations.filter((operation) => operation.name === `NdrcNames${RUN}`)).toEqual([
      { name: `NdrcNames${RUN}`, version: 1 },
    ]);
  });

  it('refuses an operation reading an item outside the grants, naming it, and a mutation', async () => {
    const outside = await register(
      `query Representative${RUN}($creditCode: String!) { enterprise(creditCode: $creditCode) { name legalRepresentative } }`,
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'OUTSIDE_GRANTS',
      field: 'document',
      coordinates: ['Enterprise.legalRepresentative'],
    });
    expect(outside.errors?.[0]?.message).toContain('超出授权范围的数据项：Enterprise.legalRepresentative');
    const mutation = await register(
      `mutation Rename${RUN} { registerEnterprise(input: { creditCode: "${CARRIER}", name: "x", legalRepresentative: "x", regionCode: "320102", address: "x" }) { enterprise { name } } }`,
    );
    expect(refusal(mutation.errors)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_OPERATION' });
    // Neither was stored: the partner's client cannot run them.
    const notRegistered = await graphql(
      `query Representative${RUN}($creditCode: String!) { enterprise(creditCode: $creditCode) { name legalRepresentative } }`,
      { creditCode: CARRIER },
      { token: partner, headers: PURPOSE },
    );
    expect(refusal(notRegistered.errors)).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });
  });

  it('stops a retired operation at once', async () => {
    const document = `query Retired${RUN}($creditCode: String!) { enterprise(creditCode: $creditCode) { name } }`;
    expect((await register(document)).data?.registerOperation.created).toBe(true);
    expect((await runByHash(document)).errors).toBeUndefined();
    const retired = await graphql<{ retireOperation: Array<{ version: number; inForce: boolean }> }>(
      'mutation ($name: String!) { retireOperation(name: $name) { version inForce } }',
      { name: `Retired${RUN}` },
      { token: admin },
    );
    expect(retired.data?.retireOperation).toEqual([{ version: 1, inForce: false }]);
    expect(refusal((await runByHash(document)).errors)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OPERATION_NOT_ALLOWED',
    });
  });

  it('stops the partner’s query once a grant it needs is revoked (GRANT_REQUIRED) or expired (GRANT_EXPIRED)', async () => {
    await grantBehindTheBack('Enterprise.address');
    await grantBehindTheBack('Enterprise.registeredAt');
    const address = `query Address${RUN}($creditCode: String!) { enterprise(creditCode: $creditCode) { name address } }`;
    const since = `query Since${RUN}($creditCode: String!) { enterprise(creditCode: $creditCode) { name registeredAt } }`;
    // The gateway reads grants written elsewhere within its short cache.
    await eventually(async () => expect((await register(address)).errors).toBeUndefined());
    await eventually(async () => expect((await register(since)).errors).toBeUndefined());
    expect((await runByHash(address)).data?.enterprise?.address).toBeTruthy();
    expect((await runByHash(since)).data?.enterprise?.registeredAt).toBeTruthy();

    await subgraphSql(
      'gateway',
      `UPDATE data_grant SET revoked_at = '2026-01-02 00:00:00', revoked_by = 'ministry-licensing-approver'
       WHERE client_id = 'partner-ndrc' AND coordinate = 'Enterprise.address'`,
    );
    await eventually(async () => {
      const result = await runByHash(address);
      expect(result.data ?? null).toBeNull();
      expect(refusal(result.errors)).toEqual({
        code: 'FORBIDDEN',
        reason: 'GRANT_REQUIRED',
        coordinate: 'Enterprise.address',
      });
    });
    await subgraphSql(
      'gateway',
      `UPDATE data_grant SET expires_at = '2026-01-02 00:00:00'
       WHERE client_id = 'partner-ndrc' AND coordinate = 'Enterprise.registeredAt'`,
    );
    await eventually(async () =>
      expect(refusal((await runByHash(since)).errors)).toEqual({
        code: 'FORBIDDEN',
        reason: 'GRANT_EXPIRED',
        coordinate: 'Enterprise.registeredAt',
      }),
    );
    // An operation whose items are all still granted runs on.
    const names = `query Still${RUN}($creditCode: String!) { enterprise(creditCode: $creditCode) { name } }`;
    await register(names);
    expect((await runByHash(names)).data?.enterprise?.name).toBe('南京玄武危险品运输有限公司');
  });
});
