import { graphql, query, tokenFor } from './harness/single-window.client';
import { newCreditCode, petrolWaybill, story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Accident reports (事故快报) and follow-ups (续报) through the gateway: every version is kept and waits in
// the national platform's outbox (safety_platform_delivery); bad input is refused by field with nothing written.

const REPORT = `mutation ($input: ReportAccidentInput!) {
  reportAccident(input: $input) {
    accident { id version severity deaths injuries directLossFen plateNumber waybillNumber waybill { waybillNumber } }
  }
}`;

const UPDATE = `mutation ($input: UpdateAccidentReportInput!) {
  updateAccidentReport(input: $input) {
    accident { id version severity deaths injuries directLossFen reports { version severity deaths note reportedBy } }
  }
}`;

interface Reported {
  reportAccident: {
    accident: {
      id: string;
      version: number;
      severity: string;
      deaths: number;
      directLossFen: number;
      waybill: { waybillNumber: string } | null;
    };
  };
}

async function deliveries(accidentId: string) {
  return subgraphSql<{ report_type: string; version: number; payload: string }>(
    'safety',
    'SELECT report_type, version, payload FROM safety_platform_delivery WHERE report_id = ? ORDER BY version',
    [`accident-${accidentId}`],
  );
}

async function accidentCount(): Promise<number> {
  return Number(
    (await subgraphSql<{ count: number }>('safety', 'SELECT COUNT(*) AS count FROM safety_accident'))[0].count,
  );
}

describe('accident reports (事故快报)', () => {
  let officer: string;
  let plateNumber: string;
  let waybillNumber: string;

  function accidentInput(overrides: Record<string, unknown> = {}) {
    return {
      plateNumber,
      creditCode: newCreditCode('320104'),
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      regionCode: '320104',
      location: 'G42沪蓉高速南京段K235+300处，上海方向',
      summary: '一辆危险货物运输罐车与小型客车追尾，罐体无泄漏。',
      severity: 'GENERAL',
      deaths: 0,
      injuries: 2,
      directLossFen: 35_000_000,
      waybillNumber,
      ...overrides,
    };
  }

  beforeAll(async () => {
    officer = await tokenFor('js-safety-officer');
    // A hazardous-goods carrier whose waybill passes every check (test/harness/story.ts).
    const carrier = await story(await tokenFor('ministry-admin')).enterprise('320104', '事故测试危货运输有限公司');
    plateNumber = await carrier.hazardousGoodsCarrier();
    const created = await query<{ createWaybill: { waybill: { waybillNumber: string } } }>(
      officer,
      `mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybill { waybillNumber } } }`,
      { input: petrolWaybill(carrier.creditCode, plateNumber, '320104') },
    );
    waybillNumber = created.createWaybill.waybill.waybillNumber;
  });

  it('reports an accident with its waybill, then a follow-up, each version recorded for the national platform', async () => {
    const reported = await query<Reported>(officer, REPORT, { input: accidentInput() });
    const accident = reported.reportAccident.accident;
    expect(accident).toMatchObject({ version: 1, severity: 'GENERAL', waybill: { waybillNumber } });

    const updated = await query<{
      updateAccidentReport: {
        accident: {
          version: number;
          severity: string;
          deaths: number;
          reports: Array<{ version: number; note: string }>;
        };
      };
    }>(officer, UPDATE, {
      input: {
        accidentId: accident.id,
        expectedVersion: 1,
        severity: 'LARGER',
        deaths: 3,
        injuries: 2,
        directLossFen: 120_000_000,
        note: '伤者经抢救无效，死亡人数升至3人。',
      },
    });
    expect(updated.updateAccidentReport.accident).toMatchObject({ version: 2, severity: 'LARGER', deaths: 3 });
    expect(updated.updateAccidentReport.accident.reports.map((report) => report.version)).toEqual([1, 2]);

    const rows = await deliveries(accident.id);
    expect(rows.map((row) => [row.report_type, Number(row.version)])).toEqual([
      ['ACCIDENT', 1],
      ['ACCIDENT', 2],
    ]);
    const [first, second] = rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
    expect(first).toMatchObject({ kind: 'FIRST_REPORT', severity: 'GENERAL', deaths: 0, plateNumber, waybillNumber });
    expect(second).toMatchObject({ kind: 'FOLLOW_UP', severity: 'LARGER', deaths: 3 });
    // Free text (the location, the summary) stays home.
    expect(rows.map((row) => row.payload).join()).not.toContain('追尾');

    const stale = await graphql(
      UPDATE,
      {
        input: {
          accidentId: accident.id,
          expectedVersion: 1,
          severity: 'LARGER',
          deaths: 3,
          injuries: 2,
          directLossFen: 0,
          note: '重复续报',
        },
      },
      { token: officer },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await deliveries(accident.id)).toHaveLength(2);

    const listed = await query<{ accidents: { edges: Array<{ node: { id: string } }> } }>(
      officer,
      `query { accidents(regionCode: "320104", severity: LARGER, first: 50) { totalCount edges { node { id } } } }`,
    );
    expect(listed.accidents.edges.map((edge) => edge.node.id)).toContain(accident.id);
  });

  it.each([
    ['plateNumber', { plateNumber: null, creditCode: null }],
    ['plateNumber', { plateNumber: 'ABC' }],
    ['creditCode', { creditCode: '91320104MA1MY0R10X' }],
    ['occurredAt', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }],
    ['regionCode', { regionCode: '32010' }],
    ['location', { location: '  ' }],
    ['deaths', { deaths: -1 }],
    ['directLossFen', { directLossFen: 1.5 }],
    ['severity', { severity: 'GENERAL', deaths: 10 }],
    ['waybillNumber', { waybillNumber: 'YD33010620260101999999' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, overrides) => {
    const before = await accidentCount();
    const refused = await graphql(REPORT, { input: accidentInput(overrides) }, { token: officer });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(refused.data?.reportAccident ?? null).toBeNull();
    expect(await accidentCount()).toBe(before);
  });

  it('refuses a report outside the officer’s region', async () => {
    const refused = await graphql(
      REPORT,
      { input: accidentInput({ regionCode: '330106', waybillNumber: null }) },
      { token: officer },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
