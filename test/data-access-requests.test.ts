import { eventually, graphql, query, tokenFor, type GraphQLErrorBody } from './harness/single-window.client';

// Access by request and approval (共享申请与审批), through the gateway: a partner's administrator asks
// for an unconditional and a conditional catalogue item; the first is granted at once, the second waits
// for the credit department's approver, whom the licensing department's approver cannot stand in for.

interface Item {
  id: number;
  coordinate: string;
  status: string;
  decidedBy: string | null;
  expiresAt: string | null;
  refusalReason: string | null;
  grantId: number | null;
}
interface Request {
  id: number;
  clientId: string;
  requestedBy: string;
  items: Item[];
}

const ITEM = 'id coordinate status decidedBy expiresAt refusalReason grantId';
const REQUEST_ACCESS = `mutation RequestAccess($input: RequestDataAccessInput!) {
  requestDataAccess(input: $input) { request { id clientId requestedBy purposes items { ${ITEM} } } }
}`;
const DECIDE_ACCESS = `mutation DecideAccess($input: DecideDataAccessInput!) {
  decideDataAccess(input: $input) { items { ${ITEM} } }
}`;
const REQUESTS = `query Requests($status: DataAccessItemStatus) {
  dataAccessRequests(status: $status, first: 200) { id clientId requestedBy items { ${ITEM} } }
}`;
const GRANTS = `{ dataGrants { id coordinate grantedBy expiresAt inForce } }`;
const INPUT = {
  coordinates: ['Enterprise.name', 'CreditListEntry.criterion'],
  purposes: ['CREDIT_ASSESSMENT', 'INVESTMENT_APPROVAL'],
  legalBasis: '《企业投资项目核准和备案管理条例》第九条',
  reason: '核准投资项目前核查企业是否列入严重失信主体名单',
};

function firstError(errors: GraphQLErrorBody[] | undefined) {
  const error = errors?.[0];
  return {
    code: error?.extensions?.code,
    reason: error?.extensions?.reason,
    field: error?.extensions?.field,
    message: error?.message,
  };
}

describe('access by request and approval (共享申请与审批)', () => {
  let partner: string;
  let creditApprover: string;
  let licensingApprover: string;
  beforeAll(async () => {
    [partner, creditApprover, licensingApprover] = await Promise.all([
      tokenFor('ndrc-partner-admin'),
      tokenFor('ministry-credit-approver'),
      tokenFor('ministry-licensing-approver'),
    ]);
  });

  it('grants an unconditional item at once and a conditional one after the owning department approves', async () => {
    const asked = await query<{ requestDataAccess: { request: Request } }>(partner, REQUEST_ACCESS, { input: INPUT });
    const request = asked.requestDataAccess.request;
    expect(request).toMatchObject({ clientId: 'partner-ndrc', requestedBy: 'ndrc-partner-admin' });
    const [name, criterion] = request.items;
    expect(name).toMatchObject({
      coordinate: 'Enterprise.name',
      status: 'GRANTED',
      decidedBy: 'catalogue',
      expiresAt: null,
    });
    expect(criterion).toMatchObject({ coordinate: 'CreditListEntry.criterion', status: 'PENDING', decidedBy: null });

    // The credit approver sees the pending item; the licensing approver does not, and cannot decide it.
    const creditQueue = await query<{ dataAccessRequests: Request[] }>(creditApprover, REQUESTS, { status: 'PENDING' });
    const listed = creditQueue.dataAccessRequests.find((candidate) => candidate.id === request.id);
    expect(listed?.items.map((item) => item.coordinate)).toEqual(['CreditListEntry.criterion']);
    const licensingQueue = await query<{ dataAccessRequests: Request[] }>(licensingApprover, REQUESTS, {
      status: 'PENDING',
    });
    expect(licensingQueue.dataAccessRequests.map((candidate) => candidate.id)).not.toContain(request.id);
    // Sent with milliseconds; kept, answered and read back to whole seconds (MySQL's datetime).
    const requested = new Date(Date.now() + 180 * 86_400_000);
    const expiresAt = new Date(Math.floor(requested.getTime() / 1000) * 1000).toISOString();
    const elsewhere = await graphql(
      DECIDE_ACCESS,
      { input: { itemIds: [criterion.id], decision: 'GRANT', expiresAt: requested.toISOString() } },
      { token: licensingApprover },
    );
    expect(firstError(elsewhere.errors)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(String(criterion.id)) as unknown,
    });

    const decided = await query<{ decideDataAccess: { items: Item[] } }>(creditApprover, DECIDE_ACCESS, {
      input: { itemIds: [criterion.id], decision: 'GRANT', expiresAt: requested.toISOString() },
    });
    expect(decided.decideDataAccess.items[0]).toMatchObject({
      status: 'GRANTED',
      decidedBy: 'ministry-credit-approver',
      expiresAt,
    });

    const grants = await query<{
      dataGrants: Array<{
        id: number;
        coordinate: string;
        grantedBy: string;
        expiresAt: string | null;
        inForce: boolean;
      }>;
    }>(partner, GRANTS);
    const byId = new Map(grants.dataGrants.map((grant) => [grant.id, grant]));
    expect(byId.get(name.grantId!)).toMatchObject({
      coordinate: 'Enterprise.name',
      grantedBy: 'catalogue',
      inForce: true,
    });
    expect(byId.get(decided.decideDataAccess.items[0].grantId!)).toMatchObject({
      coordinate: 'CreditListEntry.criterion',
      grantedBy: 'ministry-credit-approver',
      expiresAt,
      inForce: true,
    });

    // Decided once: deciding again is a conflict with a stable reason.
    const again = await graphql(
      DECIDE_ACCESS,
      { input: { itemIds: [criterion.id], decision: 'REFUSE', reason: '重复审批' } },
      { token: creditApprover },
    );
    expect(firstError(again.errors)).toMatchObject({ code: 'CONFLICT', reason: 'ITEM_ALREADY_DECIDED' });

    // The audit trail names the decided item, and the partner sees who decided and when.
    const admin = await tokenFor('ministry-admin');
    await eventually(async () => {
      const audit = await query<{
        auditRecords: { edges: Array<{ node: { username: string; operationName: string; outcome: string } }> };
      }>(
        admin,
        `query ($entity: String) { auditRecords(entity: $entity, first: 20) { edges { node { username operationName outcome } } } }`,
        { entity: `data-access-item:${criterion.id}` },
      );
      expect(audit.auditRecords.edges.map((edge) => edge.node)).toContainEqual({
        username: 'ministry-credit-approver',
        operationName: 'DecideAccess',
        outcome: 'OK',
      });
    });
    const mine = await query<{ dataAccessRequests: Request[] }>(partner, REQUESTS, {});
    expect(mine.dataAccessRequests.find((candidate) => candidate.id === request.id)?.items).toEqual([
      expect.objectContaining({ coordinate: 'Enterprise.name', status: 'GRANTED' }),
      expect.objectContaining({
        coordinate: 'CreditListEntry.criterion',
        status: 'GRANTED',
        decidedBy: 'ministry-credit-approver',
      }),
    ]);
  });

  it('refuses a request naming a not-shared item, naming it, and records nothing', async () => {
    const before = await query<{ dataAccessRequests: Request[] }>(partner, REQUESTS, {});
    const refused = await graphql(
      REQUEST_ACCESS,
      { input: { ...INPUT, coordinates: ['Permit.status', 'CaseEvidence.fileName'] } },
      { token: partner },
    );
    expect(firstError(refused.errors)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ITEM_NOT_SHAREABLE',
      field: 'coordinates[1]',
      message: expect.stringContaining('CaseEvidence.fileName') as unknown,
    });
    const after = await query<{ dataAccessRequests: Request[] }>(partner, REQUESTS, {});
    expect(after.dataAccessRequests[0]?.id).toBe(before.dataAccessRequests[0]?.id);
  });

  it('needs a reason to refuse, which the partner then reads', async () => {
    const asked = await query<{ requestDataAccess: { request: Request } }>(partner, REQUEST_ACCESS, {
      input: { ...INPUT, coordinates: ['CreditListEntry.criterion'] },
    });
    const [item] = asked.requestDataAccess.request.items;
    const bare = await graphql(
      DECIDE_ACCESS,
      { input: { itemIds: [item.id], decision: 'REFUSE' } },
      { token: creditApprover },
    );
    expect(firstError(bare.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    await query(creditApprover, DECIDE_ACCESS, {
      input: { itemIds: [item.id], decision: 'REFUSE', reason: '申请用途与失信名单数据无直接关联' },
    });
    const mine = await query<{ dataAccessRequests: Request[] }>(partner, REQUESTS, { status: 'REFUSED' });
    expect(
      mine.dataAccessRequests.find((candidate) => candidate.id === asked.requestDataAccess.request.id)?.items,
    ).toEqual([
      expect.objectContaining({ status: 'REFUSED', refusalReason: '申请用途与失信名单数据无直接关联', grantId: null }),
    ]);
  });
});
