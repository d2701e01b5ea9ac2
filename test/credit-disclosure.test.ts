import { decideThroughProcedure, newCreditCode, story } from './harness/story';
import { eventually, graphql, query, tokenFor } from './harness/single-window.client';

// 双公示 through the gateway: decisions made in the single window are published by credit's job and
// read by anyone, without a token; nothing else is open without one.

const DISCLOSURES = `query ($code: String, $name: String, $kind: DisclosureKind, $first: Int, $after: String) {
  creditDisclosures(creditCode: $code, name: $name, kind: $kind, first: $first, after: $after) {
    totalCount
    edges { node { kind counterpartName creditCode documentNumber matter legalBasis content fineFen
      authorityName authorityCode decidedAt publicationDeadline publishedAt publicUntil } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Disclosure {
  kind: string;
  counterpartName: string;
  creditCode: string;
  documentNumber: string;
  matter: string;
  legalBasis: string;
  content: string;
  fineFen: number | null;
  authorityName: string;
  authorityCode: string;
  decidedAt: string;
  publicationDeadline: string;
  publishedAt: string;
  publicUntil: string;
}

interface Disclosures {
  creditDisclosures: {
    totalCount: number;
    edges: Array<{ node: Disclosure }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** As a member of the public: no Authorization header at all. */
function anonymously(variables: Record<string, unknown>) {
  return graphql<Disclosures>(DISCLOSURES, variables);
}

/**
 * Waits (as an officer, so the polling spends none of the public's rate limit) until credit's job has
 * published `count` disclosures of the subject, then reads them once as the public does.
 */
async function publishedFor(creditCode: string, count: number): Promise<Disclosure[]> {
  const officer = await tokenFor('ministry-admin');
  await eventually(async () => {
    const seen = await query<Disclosures>(officer, DISCLOSURES, { code: creditCode, first: 20 });
    expect(seen.creditDisclosures.totalCount).toBe(count);
  });
  const result = await anonymously({ code: creditCode, first: 20 });
  expect(result.errors).toBeUndefined();
  return result.data!.creditDisclosures.edges.map((edge) => edge.node);
}

describe('credit disclosure (双公示) through the gateway', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor('ministry-admin');
  });

  it('publishes an issued permit and a decided fine, readable without a token, within the deadline', async () => {
    const enterprise = await story(token).enterprise('320102', '双公示测试货运有限公司');
    const [permitNumber] = await enterprise.withPermits(1);
    const caseNumber = await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 300_000 }, '超限运输');
    const [penalty, licence] = await publishedFor(enterprise.creditCode, 2);
    expect(licence).toMatchObject({
      kind: 'ADMINISTRATIVE_LICENSE',
      counterpartName: '双公示测试货运有限公司',
      creditCode: enterprise.creditCode,
      documentNumber: permitNumber,
      matter: '道路货物运输经营许可',
      legalBasis: '道路运输条例; 道路货物运输及站场管理规定',
      authorityName: '南京市玄武区交通运输局',
      authorityCode: '320102',
      fineFen: null,
    });
    expect(penalty).toMatchObject({
      kind: 'ADMINISTRATIVE_PENALTY',
      counterpartName: '双公示测试货运有限公司',
      documentNumber: caseNumber,
      matter: '超限运输',
      content: '罚款人民币3,000.00元。处罚决定',
      fineFen: 300_000,
      authorityName: '南京市玄武区交通运输局',
    });
    for (const disclosure of [licence, penalty]) {
      // Published the day it was decided, long before the 7th working day ends.
      expect(Date.parse(disclosure.publishedAt)).toBeGreaterThanOrEqual(Date.parse(disclosure.decidedAt));
      expect(disclosure.publishedAt.slice(0, 10) <= disclosure.publicationDeadline).toBe(true);
      expect(Date.parse(disclosure.publicUntil)).toBeGreaterThan(Date.now());
    }

    // Found by name prefix and kind, a page at a time.
    const byName = await anonymously({ name: '双公示测试', kind: 'ADMINISTRATIVE_PENALTY', first: 1 });
    expect(byName.data!.creditDisclosures.edges.map((edge) => edge.node.documentNumber)).toContain(caseNumber);
  });

  it('never discloses a warning, a minor fine or a penalty against a person', async () => {
    const enterprise = await story(token).enterprise('320102', '双公示轻微处罚测试有限公司');
    await enterprise.withDecidedCase({ penalty: 'WARNING' });
    await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 50_000 });
    const [permitNumber] = await enterprise.withPermits(1);
    // The licence shows up; by then the earlier penalties have long been handled by credit.
    expect((await publishedFor(enterprise.creditCode, 1)).map((disclosure) => disclosure.documentNumber)).toEqual([
      permitNumber,
    ]);

    const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
      token,
      `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
      {
        input: { regionCode: '320102', cause: '无证经营', partyName: '李明', partyIdNumber: '320102199001011232' },
      },
    );
    const personCase = filed.fileCase.case.caseNumber;
    await decideThroughProcedure(token, personCase, { penalty: 'FINE', fineFen: 2_000_000 });
    // A later enterprise penalty is published; the person's, decided before it, never is.
    const later = await story(token).enterprise('320102', '双公示顺序测试有限公司');
    const laterCase = await later.withDecidedCase({ penalty: 'FINE', fineFen: 200_000 });
    await publishedFor(later.creditCode, 1);
    const all = await anonymously({ name: '双公示', kind: 'ADMINISTRATIVE_PENALTY', first: 100 });
    const numbers = all.data!.creditDisclosures.edges.map((edge) => edge.node.documentNumber);
    expect(numbers).toContain(laterCase);
    expect(numbers).not.toContain(personCase);
    const everyone = await anonymously({ kind: 'ADMINISTRATIVE_PENALTY', first: 100 });
    expect(JSON.stringify(everyone.data)).not.toContain('李明');
  });

  it('shows the demo’s published licences and penalties after start', async () => {
    for (const kind of ['ADMINISTRATIVE_LICENSE', 'ADMINISTRATIVE_PENALTY']) {
      await eventually(async () => {
        const seen = await query<Disclosures>(token, DISCLOSURES, { kind, first: 1 });
        expect(seen.creditDisclosures.totalCount).toBeGreaterThan(0);
      });
      const result = await anonymously({ kind, first: 1 });
      expect(result.data!.creditDisclosures.edges[0].node.kind).toBe(kind);
    }
  });

  it('answers a well-formed credit code credit has never heard of with NOT_FOUND, not a blank file', async () => {
    const officer = await tokenFor('js-credit-officer');
    const unknown = await graphql(
      `
        query ($code: String!) {
          creditProfile(creditCode: $code) {
            rating
          }
        }
      `,
      { code: newCreditCode('320102') },
      { token: officer },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(unknown.errors?.[0]?.message).toContain('信用主体');
    // A registered enterprise without any record is known: full score, rating A.
    const registered = await story(await tokenFor('ministry-admin')).enterprise(
      '320102',
      '信用档案空白测试运输有限公司',
    );
    const profile = await eventually(() =>
      query<{ creditProfile: { score: number; rating: string; recordCount: number } }>(
        officer,
        `query ($code: String!) { creditProfile(creditCode: $code) { score rating recordCount } }`,
        { code: registered.creditCode },
      ),
    );
    expect(profile.creditProfile).toEqual({ score: 100, rating: 'A', recordCount: 0 });
  });

  it('refuses a malformed credit code with the field, and anything else without a token', async () => {
    const malformed = await anonymously({ code: '91320102MA1MY0R10X' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });

    const overdue = await graphql(`
      {
        overdueCreditDisclosures(first: 1) {
          totalCount
        }
      }
    `);
    expect(overdue.status).toBe(401);
    expect(overdue.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const mixed = await graphql(`
      {
        creditDisclosures(first: 1) {
          totalCount
        }
        creditRecords(first: 1) {
          totalCount
        }
      }
    `);
    expect(mixed.status).toBe(401);

    // Officers of the credit department see what missed its deadline; the public never does.
    const officer = await graphql<{ overdueCreditDisclosures: { totalCount: number } }>(
      `
        {
          overdueCreditDisclosures(regionCode: "320000", first: 1) {
            totalCount
          }
        }
      `,
      {},
      { token: await tokenFor('js-credit-officer') },
    );
    expect(officer.errors).toBeUndefined();
    const licensingOfficer = await graphql(
      `
        {
          overdueCreditDisclosures(first: 1) {
            totalCount
          }
        }
      `,
      {},
      { token: await tokenFor('js-licensing-officer') },
    );
    expect(licensingOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
