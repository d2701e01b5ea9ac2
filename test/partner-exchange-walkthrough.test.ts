import { createHash } from 'node:crypto';
import { PartnerWebhookSimulator } from './harness/partner-webhook.simulator';
import {
  clientToken,
  eventually,
  gatewayUrl,
  graphql,
  query,
  tokenFor,
  type GraphQLErrorBody,
} from './harness/single-window.client';
import { story } from './harness/story';

// The README's walk-through as a partner ministry (数据共享交换), through the gateway, end to end, for
// partner-samr: a partner with no seed operations and only the registry in the realm, so everything it
// reads after this comes from the catalogue, a request and a department's approval.

const PURPOSE = {
  'x-purpose': 'JOINT_DISCIPLINE',
  'x-purpose-reason': encodeURIComponent('联合惩戒：核查严重失信主体'),
};
const GRANTED_ITEMS = ['CreditListEntry.creditCode', 'CreditListEntry.criterion', 'CreditListEntry.startedAt'];
const OPERATION = `query SamrSeriousDishonesty($creditCode: String) {
  creditListEntries(list: SERIOUS_DISHONESTY, creditCode: $creditCode, first: 10) {
    totalCount
    edges { node { creditCode criterion startedAt } }
  }
}`;

interface Item {
  id: number;
  coordinate: string;
  status: string;
  grantId: number | null;
}
interface Entries {
  creditListEntries: { totalCount: number; edges: Array<{ node: { creditCode: string; criterion: string } }> };
}

function scopesOf(token: string): string[] {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { scope?: string };
  return (payload.scope ?? '').split(' ');
}

function hashOf(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** The partner's machine client runs its registered operation by hash, with its declared purpose. */
async function runAsPartner(creditCode: string): Promise<{ data?: Entries | null; errors?: GraphQLErrorBody[] }> {
  const token = await clientToken('partner-samr');
  const response = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...PURPOSE },
    body: JSON.stringify({
      variables: { creditCode },
      extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(OPERATION) } },
    }),
  });
  return (await response.json()) as { data?: Entries | null; errors?: GraphQLErrorBody[] };
}

/** A Jiangsu credit officer puts a new enterprise on the serious-dishonesty list (信用名单). */
async function listSeriouslyDishonest(admin: string, creditOfficer: string): Promise<string> {
  const { creditCode } = await story(admin).enterprise('320102', '走查失信运输有限公司');
  await eventually(() =>
    query(
      creditOfficer,
      `mutation ($input: ListCreditSubjectInput!) { listCreditSubject(input: $input) { entry { id } } }`,
      {
        input: {
          creditCode,
          criterion: 'FRAUDULENT_LICENSING',
          regionCode: '320102',
          documentNumbers: [`苏交信认〔2026〕${Date.now() % 100_000}号`],
          reason: '以欺骗手段取得道路运输经营许可，经认定列入。',
        },
      },
    ),
  );
  return creditCode;
}

describe('a partner ministry walks through the data exchange (数据共享交换)', () => {
  let samrAdmin: string;
  let creditApprover: string;
  let licensingApprover: string;
  let admin: string;
  let creditOfficer: string;
  let simulator: PartnerWebhookSimulator;

  beforeAll(async () => {
    [samrAdmin, creditApprover, licensingApprover, admin, creditOfficer] = await Promise.all(
      [
        'samr-partner-admin',
        'ministry-credit-approver',
        'ministry-licensing-approver',
        'ministry-admin',
        'js-credit-officer',
      ].map((username) => tokenFor(username)),
    );
    simulator = await PartnerWebhookSimulator.start();
  });
  afterAll(() => simulator.close());

  it('browses, asks, is approved, registers, runs, is notified, and is stopped when the grant ends', async () => {
    // 1. The catalogue names the credit department's conditional items.
    const catalogue = await query<{
      dataCatalogue: { items: Array<{ coordinate: string; department: string; category: string; shareClass: string }> };
    }>(
      samrAdmin,
      `{ dataCatalogue(department: "credit", shareClass: CONDITIONAL) { items { coordinate department category shareClass } } }`,
    );
    for (const coordinate of GRANTED_ITEMS)
      expect(catalogue.dataCatalogue.items).toContainEqual({
        coordinate,
        department: 'credit',
        category: 'credit',
        shareClass: 'CONDITIONAL',
      });

    // Before any grant: the client holds the registry only, and the operation cannot be registered.
    expect(scopesOf(await clientToken('partner-samr'))).not.toContain('category:credit');
    const early = await graphql(
      `
        mutation ($d: String!) {
          registerOperation(document: $d) {
            created
          }
        }
      `,
      { d: OPERATION },
      { token: samrAdmin },
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OUTSIDE_GRANTS' });
    expect(early.errors?.[0]?.extensions?.coordinates).toEqual(expect.arrayContaining(GRANTED_ITEMS));

    // 2. The partner's administrator asks; conditional items wait for the credit department.
    const asked = await query<{ requestDataAccess: { request: { id: number; items: Item[] } } }>(
      samrAdmin,
      `mutation ($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { request { id items { id coordinate status grantId } } } }`,
      {
        input: {
          coordinates: GRANTED_ITEMS,
          purposes: ['JOINT_DISCIPLINE'],
          legalBasis: '《社会信用体系建设规划纲要（2014—2020年）》',
          reason: '市场监管部门对严重失信主体实施联合惩戒前核查名单',
        },
      },
    );
    const items = asked.requestDataAccess.request.items;
    expect(items.map((item) => item.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    const itemIds = items.map((item) => item.id);

    // 3. Only the owning department decides: licensing's approver is refused, credit's grants until tomorrow.
    const wrongDepartment = await graphql(
      `
        mutation ($input: DecideDataAccessInput!) {
          decideDataAccess(input: $input) {
            items {
              id
            }
          }
        }
      `,
      { input: { itemIds, decision: 'GRANT', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
      { token: licensingApprover },
    );
    expect(wrongDepartment.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const decided = await query<{ decideDataAccess: { items: Item[] } }>(
      creditApprover,
      `mutation ($input: DecideDataAccessInput!) { decideDataAccess(input: $input) { items { id coordinate status grantId } } }`,
      { input: { itemIds, decision: 'GRANT', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
    );
    expect(decided.decideDataAccess.items.map((item) => item.status)).toEqual(['GRANTED', 'GRANTED', 'GRANTED']);

    // The grant reaches the identity provider: a new client token carries the credit category.
    await eventually(async () => expect(scopesOf(await clientToken('partner-samr'))).toContain('category:credit'));

    // 4. The administrator registers the operation, now within the grants.
    const registered = await query<{ registerOperation: { created: boolean; operation: { coordinates: string[] } } }>(
      samrAdmin,
      `mutation ($d: String!) { registerOperation(document: $d) { created operation { coordinates } } }`,
      { d: OPERATION },
    );
    expect(registered.registerOperation.created).toBe(true);
    expect([...registered.registerOperation.operation.coordinates].sort()).toEqual([...GRANTED_ITEMS].sort());

    // 5. It subscribes to the list's changes, and a credit officer lists an enterprise.
    const subscribed = await query<{ subscribeNotifications: { subscription: { id: number }; signingSecret: string } }>(
      samrAdmin,
      `mutation ($input: SubscribeNotificationsInput!) { subscribeNotifications(input: $input) { subscription { id } signingSecret } }`,
      { input: { eventTypes: ['credit.list-changed'], webhookUrl: simulator.url } },
    );
    simulator.useSecret(subscribed.subscribeNotifications.signingSecret);
    const listed = await listSeriouslyDishonest(admin, creditOfficer);

    // 6. The machine client runs the operation and reads the entry.
    const ran = await eventually(async () => {
      const answer = await runAsPartner(listed);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.creditListEntries.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({ creditCode: listed, criterion: 'FRAUDULENT_LICENSING' }),
      ]);
      return answer;
    });
    expect(ran.data?.creditListEntries.totalCount).toBe(1);

    // 7. The signed notification arrives, with only what the grants cover (no region: not granted).
    const notified = await eventually(() => {
      const got = simulator.received.find((one) => one.body?.data.creditCode === listed);
      expect(got).toBeDefined();
      return Promise.resolve(got!);
    }, 60_000);
    expect(notified.signatureValid).toBe(true);
    expect(notified.body).toMatchObject({
      type: 'credit.list-changed',
      data: { creditCode: listed, criterion: 'FRAUDULENT_LICENSING' },
    });
    expect(notified.body?.data).not.toHaveProperty('regionCode');

    // 8. The credit department revokes the grants: the next query is refused at once, and no more is sent.
    for (const item of decided.decideDataAccess.items)
      await query(
        creditApprover,
        `mutation ($grantId: Int!) { revokeDataGrant(grantId: $grantId, reason: "合作协议终止，收回授权") { grant { inForce revokeReason } } }`,
        { grantId: item.grantId },
      );
    // The audit trail names each revocation by its grant.
    const revocation = await eventually(() =>
      query<{ auditRecords: { totalCount: number } }>(
        admin,
        `query ($entity: String!) { auditRecords(entity: $entity, first: 5) { totalCount } }`,
        { entity: `data-grant:${decided.decideDataAccess.items[0].grantId}` },
      ).then((records) => {
        expect(records.auditRecords.totalCount).toBeGreaterThanOrEqual(1);
        return records;
      }),
    );
    expect(revocation.auditRecords.totalCount).toBeGreaterThanOrEqual(1);
    const refused = await runAsPartner(listed);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GRANT_REQUIRED' });
    const later = await listSeriouslyDishonest(admin, creditOfficer);
    const stopped = await eventually(async () => {
      const log = await query<{ notificationDeliveries: Array<{ status: string; eventType: string }> }>(
        samrAdmin,
        `query ($id: Int!) { notificationDeliveries(subscriptionId: $id, first: 50) { status eventType } }`,
        { id: subscribed.subscribeNotifications.subscription.id },
      );
      expect(log.notificationDeliveries.map((delivery) => delivery.status)).toContain('STOPPED');
      return log;
    }, 60_000);
    expect(stopped.notificationDeliveries.filter((delivery) => delivery.status === 'DELIVERED').length).toBeGreaterThan(
      0,
    );
    expect(simulator.received.some((one) => one.body?.data.creditCode === later)).toBe(false);

    // 9. Its usage is counted from the audit trail.
    await eventually(async () => {
      const usage = await query<{ partnerUsage: Array<{ operationName: string; calls: number; refused: number }> }>(
        samrAdmin,
        `query ($day: String!) { partnerUsage(from: $day, to: $day) { operationName calls refused } }`,
        { day: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) },
      );
      expect(usage.partnerUsage).toContainEqual(expect.objectContaining({ operationName: 'SamrSeriousDishonesty' }));
      const row = usage.partnerUsage.find((one) => one.operationName === 'SamrSeriousDishonesty')!;
      expect(row.refused).toBeGreaterThanOrEqual(1);
      expect(row.calls).toBeGreaterThanOrEqual(2);
    });
  });
});
