import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { print } from 'graphql';
import { gql } from './generated';
import { PROJECT_ROOT } from './harness/service-processes';
import { query, tokenFor, eventually } from './harness/single-window.client';
import { normalizedDocument, SINGLE_WINDOW } from './harness/single-window.query';

// A seeded Nanjing hazardous-goods carrier: permits, cases, waybills and (by events) credit records.
const SEEDED_CARRIER = '91320102MA1MY0R10Q';

describe('the single-window query', () => {
  it('is the query the README shows', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const shown = /```graphql\n(query SingleWindow[\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect(normalizedDocument(shown!)).toBe(normalizedDocument(print(SINGLE_WINDOW)));
  });

  it('returns one enterprise with data from all five subgraphs for the national administrator', async () => {
    const token = await tokenFor('ministry-admin');
    const data = await eventually(async () => {
      const result = await query(token, SINGLE_WINDOW, { code: SEEDED_CARRIER });
      const enterprise = result.enterprise;
      // Credit records and statistics arrive by events from the seeding; wait until they have.
      expect(enterprise?.creditProfile?.records?.totalCount).toBeGreaterThan(0);
      expect(enterprise?.activitySummary?.waybillsCreated).toBeGreaterThanOrEqual(3);
      return result;
    }, 30_000);
    const enterprise = data.enterprise!;
    expect(enterprise).toMatchObject({
      creditCode: SEEDED_CARRIER,
      name: '南京玄武危险品运输有限公司',
      regionCode: '320102',
    });
    expect(enterprise.permits?.totalCount).toBeGreaterThanOrEqual(1);
    expect(enterprise.permits?.edges[0].node).toMatchObject({ kind: 'HAZARDOUS_GOODS_TRANSPORT', status: 'VALID' });
    expect(enterprise.permits?.edges[0].node.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(enterprise.enforcementCases?.totalCount).toBeGreaterThanOrEqual(1);
    expect(enterprise.enforcementCases?.edges.every((edge) => edge.node.regionCode.startsWith('32'))).toBe(true);
    expect(['A', 'B', 'C', 'D']).toContain(enterprise.creditProfile?.rating);
    expect(enterprise.creditProfile?.records?.edges.some((edge) => edge.node.kind === 'ADMINISTRATIVE_PENALTY')).toBe(
      true,
    );
    expect(enterprise.waybills?.totalCount).toBe(3);
    expect(enterprise.activitySummary?.permitsIssued).toBeGreaterThanOrEqual(1);
    expect(enterprise.activitySummary?.casesOpened).toBeGreaterThanOrEqual(1);
  });

  it('answers null for a valid credit code nobody registered', async () => {
    const token = await tokenFor('ministry-admin');
    const data = await query(
      token,
      gql(`query UnregisteredEnterprise($code: String!) { enterprise(creditCode: $code) { name } }`),
      {
        code: '91110000MA0000000H',
      },
    );
    expect(data.enterprise).toBeNull();
  });
});

describe('the registry list', () => {
  it('lists a province with its cities and counties, and pages with cursors', async () => {
    const token = await tokenFor('ministry-admin');
    const LIST = gql(`query RegistryPage($region: String, $after: String) {
      enterprises(regionCode: $region, first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { creditCode regionCode } }
      }
    }`);
    const first = await query(token, LIST, { region: '330000' });
    expect(first.enterprises.totalCount).toBeGreaterThanOrEqual(3);
    expect(first.enterprises.edges).toHaveLength(2);
    expect(first.enterprises.pageInfo.hasNextPage).toBe(true);
    const second = await query(token, LIST, {
      region: '330000',
      after: first.enterprises.pageInfo.endCursor,
    });
    const all = [...first.enterprises.edges, ...second.enterprises.edges].map((edge) => edge.node);
    expect(new Set(all.map((node) => node.creditCode)).size).toBe(all.length);
    expect(all.every((node) => node.regionCode.startsWith('33'))).toBe(true);
  });
});
