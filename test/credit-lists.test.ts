import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness/service-processes';
import {
  clientToken,
  eventually,
  graphql,
  query,
  requestSqlStatements,
  tokenFor,
} from './harness/single-window.client';
import { newCreditCode, story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Credit lists (信用名单) through the gateway: automatic listing from a revoked permit, officers listing and
// removing within their region, expiry, the subject's memberships, partners, and good standing (守信).

const ENTRY = `id creditCode criterion criterionDescription regionCode authorityName listedBy version
  startedAt plannedRemovalAt removedAt removalReason decisions { kind documentNumber }`;
const ENTRIES = `query ($code: String, $region: String, $removed: Boolean, $first: Int, $after: String) {
  creditListEntries(creditCode: $code, regionCode: $region, includeRemoved: $removed, first: $first, after: $after) {
    totalCount
    edges { node { ${ENTRY} history { version action actor reason } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const LIST = `mutation ($input: ListCreditSubjectInput!) { listCreditSubject(input: $input) { entry { ${ENTRY} } } }`;
const REMOVE = `mutation ($input: RemoveCreditListEntryInput!) { removeCreditListEntry(input: $input) { entry { ${ENTRY} } } }`;
const THREE_YEARS_MS = 3 * 365 * 86_400_000;

interface Entry {
  id: number;
  creditCode: string;
  criterion: string;
  criterionDescription: string;
  regionCode: string;
  authorityName: string;
  listedBy: string;
  version: number;
  startedAt: string;
  plannedRemovalAt: string;
  removedAt: string | null;
  removalReason: string | null;
  decisions: Array<{ kind: string; documentNumber: string }>;
  history?: Array<{ version: number; action: string; actor: string; reason: string }> | null;
}

interface Entries {
  creditListEntries: {
    totalCount: number;
    edges: Array<{ node: Entry }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function entriesOf(token: string, creditCode: string, includeRemoved = false): Promise<Entry[]> {
  const data = await query<Entries>(token, ENTRIES, { code: creditCode, removed: includeRemoved, first: 50 });
  return data.creditListEntries.edges.map((edge) => edge.node);
}

function listing(
  creditCode: string,
  regionCode: string,
  reason: string | null = '以欺骗手段取得道路运输经营许可，经认定列入。',
) {
  return {
    creditCode,
    criterion: 'FRAUDULENT_LICENSING',
    regionCode,
    documentNumbers: [`苏交信认〔2026〕${Date.now() % 100_000}号`],
    reason,
  };
}

/** Lists as the officer once credit knows the enterprise (its name arrives with licensing's event). */
async function listedByOfficer(token: string, creditCode: string, regionCode: string): Promise<Entry> {
  return eventually(async () => {
    const data = await query<{ listCreditSubject: { entry: Entry } }>(token, LIST, {
      input: listing(creditCode, regionCode),
    });
    return data.listCreditSubject.entry;
  });
}

describe('credit lists (信用名单) through the gateway', () => {
  let admin: string;
  let creditOfficer: string;
  beforeAll(async () => {
    admin = await tokenFor('ministry-admin');
    creditOfficer = await tokenFor('js-credit-officer');
  });

  it('lists the holder of a revoked permit by itself, naming the criterion and the permit, for three years', async () => {
    const enterprise = await story(admin).enterprise('320102', '名单测试货运有限公司');
    const [permitNumber] = await enterprise.withPermits(1);
    const reviewer = await tokenFor('js-licensing-reviewer');
    await query(
      reviewer,
      `mutation ($input: RevokePermitInput!) { revokePermit(input: $input) { permit { status } } }`,
      {
        input: { permitNumber, reason: '以欺骗手段取得许可，依法吊销' },
      },
    );
    const [entry] = await eventually(async () => {
      const entries = await entriesOf(creditOfficer, enterprise.creditCode);
      expect(entries).toHaveLength(1);
      return entries;
    });
    expect(entry).toMatchObject({
      creditCode: enterprise.creditCode,
      criterion: 'PERMIT_REVOKED',
      criterionDescription: '因严重违法行为被吊销道路运输经营许可证件',
      regionCode: '320102',
      authorityName: '南京市玄武区交通运输局',
      listedBy: 'system',
      version: 1,
      removedAt: null,
      decisions: [{ kind: 'PERMIT', documentNumber: permitNumber }],
      history: [{ version: 1, action: 'LISTED', actor: 'system', reason: `许可证件 ${permitNumber} 被吊销` }],
    });
    const term = Date.parse(entry.plannedRemovalAt) - Date.parse(entry.startedAt);
    expect(term).toBeGreaterThanOrEqual(THREE_YEARS_MS);
    expect(term).toBeLessThanOrEqual(THREE_YEARS_MS + 86_400_000);

    // The licensing reviewer sees the membership on the applicant's credit file (联合惩戒), not the reasons.
    const seen = await graphql<{ enterprise: { creditProfile: { listMemberships: Entry[] } } }>(
      `
        query ($code: String!) {
          enterprise(creditCode: $code) {
            creditProfile {
              listMemberships {
                criterion
                decisions {
                  documentNumber
                }
              }
            }
          }
        }
      `,
      { code: enterprise.creditCode },
      { token: reviewer },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.enterprise.creditProfile.listMemberships).toEqual([
      { criterion: 'PERMIT_REVOKED', decisions: [{ documentNumber: permitNumber }] },
    ]);
    const reasons = await graphql(ENTRIES, { code: enterprise.creditCode, first: 5 }, { token: reviewer });
    expect(reasons.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('lists an enforcement decision revoking a permit once, naming the case and the permit', async () => {
    const enterprise = await story(admin).enterprise('320102', '名单测试吊销决定有限公司');
    const [permitNumber] = await enterprise.withPermits(1);
    const caseNumber = await enterprise.withDecidedCase({ penalty: 'PERMIT_REVOCATION', permitNumber }, '超限运输');
    // Credit hears of it twice: enforcement's case.decided, and licensing's permit.status-changed naming the case.
    const [entry] = await eventually(async () => {
      const entries = await entriesOf(creditOfficer, enterprise.creditCode);
      expect(entries.map((each) => each.decisions.map((decision) => decision.documentNumber).sort())).toEqual([
        [caseNumber, permitNumber].sort(),
      ]);
      return entries;
    });
    expect(entry).toMatchObject({ criterion: 'PERMIT_REVOKED', regionCode: '320102', removedAt: null });
    // Whichever event came first listed it; the other at most added its number to the same entry.
    const [listed, ...later] = entry.history ?? [];
    expect(listed.action).toBe('LISTED');
    expect(later.map((change) => change.action)).toEqual(later.length === 0 ? [] : ['DECISION_ADDED']);
  });

  it('lets a credit officer list and remove within the region, and refuses outside it or without reasons', async () => {
    const kunshan = await story(admin).enterprise('320583', '名单测试昆山物流有限公司');
    const listed = await listedByOfficer(creditOfficer, kunshan.creditCode, '320583');
    expect(listed).toMatchObject({ criterion: 'FRAUDULENT_LICENSING', listedBy: 'js-credit-officer', version: 1 });

    const hangzhou = await story(admin).enterprise('330102', '名单测试杭州客运有限公司');
    const outside = await graphql(LIST, { input: listing(hangzhou.creditCode, '330102') }, { token: creditOfficer });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const unknown = await graphql(
      LIST,
      { input: listing(newCreditCode('320583'), '320583') },
      { token: creditOfficer },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const reasonless = await graphql(
      LIST,
      { input: listing(kunshan.creditCode, '320583', null) },
      { token: creditOfficer },
    );
    expect(reasonless.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    // An entry a Zhejiang authority decided is read everywhere, removed only there.
    const zhejiang = await listedByOfficer(admin, hangzhou.creditCode, '330102');
    const refused = await graphql(
      REMOVE,
      { input: { entryId: zhejiang.id, expectedVersion: 1, reason: '越权移出' } },
      { token: creditOfficer },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await entriesOf(creditOfficer, hangzhou.creditCode)).toHaveLength(1);

    const removed = await query<{ removeCreditListEntry: { entry: Entry } }>(creditOfficer, REMOVE, {
      input: { entryId: listed.id, expectedVersion: 1, reason: '复核认定依据不足，予以移出。' },
    });
    expect(removed.removeCreditListEntry.entry).toMatchObject({ version: 2, removalReason: 'REMOVED_BY_OFFICER' });
    expect(await entriesOf(creditOfficer, kunshan.creditCode)).toEqual([]);
    const [withHistory] = await entriesOf(creditOfficer, kunshan.creditCode, true);
    expect(withHistory.history?.map((change) => [change.action, change.actor, change.reason])).toEqual([
      ['LISTED', 'js-credit-officer', '以欺骗手段取得道路运输经营许可，经认定列入。'],
      ['REMOVED', 'js-credit-officer', '复核认定依据不足，予以移出。'],
    ]);
  });

  it('removes an entry when its listing term has ended', async () => {
    const enterprise = await story(admin).enterprise('320104', '名单测试期满移出有限公司');
    const listed = await listedByOfficer(creditOfficer, enterprise.creditCode, '320104');
    // The clock cannot be turned three years on; the entry's term is made to have ended instead.
    await subgraphSql('credit', `UPDATE credit_list_entry SET planned_removal_at = ? WHERE id = ?`, [
      '2026-01-01 00:00:00',
      listed.id,
    ]);
    const [expired] = await eventually(async () => {
      const entries = await entriesOf(creditOfficer, enterprise.creditCode, true);
      expect(entries[0]?.removalReason).toBe('EXPIRED');
      return entries;
    });
    expect(expired).toMatchObject({ version: 2, listedBy: 'js-credit-officer' });
    expect(expired.history?.map((change) => [change.action, change.actor])).toEqual([
      ['LISTED', 'js-credit-officer'],
      ['REMOVED', 'system'],
    ]);
    expect(await entriesOf(creditOfficer, enterprise.creditCode)).toEqual([]);
  });

  it('shows the demo’s listed enterprise, to officers and to a partner ministry with a purpose', async () => {
    // 苏州交通建设工程有限公司: its hazardous-goods permit is revoked in the demo (licensing.seed.ts).
    const demo = '91320500MA1WJ7X907';
    const [entry] = await eventually(async () => {
      const entries = await entriesOf(creditOfficer, demo);
      expect(entries.map((each) => each.criterion)).toEqual(['PERMIT_REVOKED']);
      return entries;
    });
    expect(entry.decisions.map((decision) => decision.kind)).toEqual(['PERMIT']);
    const profile = await query<{ creditProfile: { listMemberships: Array<{ id: number }> } }>(
      creditOfficer,
      `query ($code: String!) { creditProfile(creditCode: $code) { listMemberships { id } } }`,
      { code: demo },
    );
    expect(profile.creditProfile.listMemberships).toEqual([{ id: entry.id }]);

    const partner = await clientToken('partner-ndrc');
    const operation = readFileSync(
      join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'partner-ndrc', 'SeriousDishonestyList.graphql'),
      'utf8',
    );
    const purpose = { 'x-purpose': 'JOINT_DISCIPLINE', 'x-purpose-reason': encodeURIComponent('联合惩戒名单核查') };
    const read = await graphql<Entries>(operation, { creditCode: demo }, { token: partner, headers: purpose });
    expect(read.errors).toBeUndefined();
    expect(read.data?.creditListEntries.edges.map((edge) => edge.node.id)).toEqual([entry.id]);
    const withoutPurpose = await graphql(operation, { creditCode: demo }, { token: partner });
    expect(withoutPurpose.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' });
  });

  it('reads a page of entries with their decisions and history in the same statements, however long the page', async () => {
    const statementsFor = async (first: number) => {
      const before = await requestSqlStatements();
      const data = await query<Entries>(creditOfficer, ENTRIES, { removed: true, first });
      return { entries: data.creditListEntries.edges.length, statements: (await requestSqlStatements()) - before };
    };
    const one = await statementsFor(1);
    const many = await statementsFor(20);
    expect(one.entries).toBe(1);
    expect(many.entries).toBeGreaterThan(3);
    expect(many.statements).toBe(one.statements);
  });

  it('derives good standing (守信): top rating, on no list, no penalty disclosed in the last 12 months', async () => {
    const codes: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        goodStandingSubjects: {
          edges: Array<{ node: { creditCode: string; rating: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await query(
        creditOfficer,
        `query ($after: String) { goodStandingSubjects(first: 100, after: $after) { edges { node { creditCode rating } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      codes.push(...page.goodStandingSubjects.edges.map((edge) => edge.node.creditCode));
      expect(page.goodStandingSubjects.edges.every((edge) => edge.node.rating === 'A')).toBe(true);
      after = page.goodStandingSubjects.pageInfo.hasNextPage ? page.goodStandingSubjects.pageInfo.endCursor : null;
    } while (after !== null);
    // The demo: 杭州上城客运 is commended and its case still in legal review.
    expect(codes).toContain('91330102MA2CE6F00H');
    // 苏州交通建设 is listed (its permit revoked); 南京玄武危险品 was fined 20,000 yuan, which is disclosed;
    // 昆山通达货运 was found dishonest (rating B); 南京大件运输 was fined five months ago (its repair pending).
    for (const excluded of ['91320500MA1WJ7X907', '91320102MA1MY0R10Q', '91320583MA1NQ2W40E', '91320100MA1R5D2U0T'])
      expect(codes).not.toContain(excluded);
  });
});
