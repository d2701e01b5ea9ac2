import { query, tokenFor } from '../harness/single-window.client';
import { at, textAt, type Json } from './matrix.dsl';

// The data exchange's records for the matrix: access request items waiting for the credit department's
// approver, and grants of the credit department in force, asked for by partner-ndrc's administrator.

function first(list: Json | undefined): Json | undefined {
  if (!Array.isArray(list) || list.length !== 1) throw new Error(`expected one item: ${JSON.stringify(list)}`);
  return list[0];
}

const ASK = `mutation ($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { request { items { id } } } }`;

/** A PENDING item (CreditListEntry.criterion, conditional, department credit): its id. */
export async function accessItemFixture(): Promise<string> {
  const data = await query<{ requestDataAccess: Json }>(await tokenFor('ndrc-partner-admin'), ASK, {
    input: {
      coordinates: ['CreditListEntry.criterion'],
      purposes: ['CREDIT_ASSESSMENT'],
      legalBasis: '《社会信用体系建设规划纲要（2014—2020年）》',
      reason: '授权矩阵测试：核查失信主体名单',
    },
  });
  return textAt(first(at(data.requestDataAccess, 'request.items')), 'id');
}

/** A grant of CreditListEntry.criterion to partner-ndrc, in force for 30 days: its id. */
export async function creditGrantFixture(): Promise<string> {
  const itemId = await accessItemFixture();
  const data = await query<{ decideDataAccess: Json }>(
    await tokenFor('ministry-credit-approver'),
    `mutation ($input: DecideDataAccessInput!) { decideDataAccess(input: $input) { items { grantId } } }`,
    {
      input: {
        itemIds: [Number(itemId)],
        decision: 'GRANT',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    },
  );
  return textAt(first(at(data.decideDataAccess, 'items')), 'grantId');
}
