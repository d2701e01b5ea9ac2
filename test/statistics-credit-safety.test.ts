import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, eventually, graphql, query, tokenFor } from './harness/single-window.client';
import { petrolWaybill, story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Credit and safety indicators through the gateway: real operations in counties no other test uses
// (无锡滨湖 320211 for waybills and alerts, 苏州吴中 320506 for hazards, 无锡锡山 320205 for credit), then
// what a statistics analyst reads: series and breakdowns by dimension and by region.

const SERIES = `query ($indicator: Indicator!, $region: String!, $from: String!, $to: String!, $dimension: String) {
  indicatorSeries(indicator: $indicator, regionCode: $region, from: $from, to: $to, dimension: $dimension) {
    points { period value }
  }
}`;

const BREAKDOWN = `query ($indicator: Indicator!, $region: String!, $from: String!, $to: String!, $by: BreakdownBy!,
  $dimension: String) {
  indicatorBreakdown(indicator: $indicator, regionCode: $region, from: $from, to: $to, by: $by, dimension: $dimension) {
    total rows { key value }
  }
}`;

const SUBMIT = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'vehicle-monitoring-js-0001', 'SubmitVehiclePositions.graphql'),
  'utf8',
);

/** The China month `daysAgo` days before now, YYYY-MM. */
function chinaMonth(daysAgo = 0): string {
  return new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 7);
}

function chinaDaysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

describe('credit and safety indicators (信用、安全生产统计)', () => {
  let analyst: string;
  let admin: string;
  const month = chinaMonth();

  /** The indicator's figure for a region over the months, optionally for one dimension value. */
  const figure = async (indicator: string, region: string, from = month, to = month, dimension?: string) => {
    const answer = await query<{ indicatorSeries: { points: Array<{ period: string; value: number | null }> } }>(
      analyst,
      SERIES,
      { indicator, region, from, to, dimension },
    );
    return answer.indicatorSeries.points.at(-1)?.value ?? null;
  };
  const breakdown = async (indicator: string, region: string, by: 'REGION' | 'DIMENSION', dimension?: string) => {
    const answer = await query<{ indicatorBreakdown: { rows: Array<{ key: string; value: number | null }> } }>(
      analyst,
      BREAKDOWN,
      { indicator, region, from: month, to: month, by, dimension },
    );
    return Object.fromEntries(answer.indicatorBreakdown.rows.map((row) => [row.key, row.value]));
  };

  beforeAll(async () => {
    [analyst, admin] = await Promise.all([tokenFor('ministry-analyst'), tokenFor('ministry-admin')]);
  });

  describe('waybills by hazard class and cross-province flows', () => {
    let plate: string;
    let creditCode: string;

    beforeAll(async () => {
      const carrier = await story(admin).enterprise('320211', '无锡滨湖统计测试危货运输有限公司');
      creditCode = carrier.creditCode;
      plate = await carrier.hazardousGoodsCarrier();
      const create = (destinationRegionCode: string) =>
        query(
          admin,
          `mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybill { waybillNumber } } }`,
          {
            input: { ...petrolWaybill(creditCode, plate, '320211'), destinationRegionCode },
          },
        );
      // Two to Hangzhou (Zhejiang), one to Shanghai, one within Jiangsu (Suzhou).
      for (const destination of ['330106', '330106', '310101', '320506']) await create(destination);
    }, 120_000);

    it('counts every waybill at its origin by hazard class', async () => {
      await eventually(async () => expect(await figure('WAYBILLS_CREATED', '320211')).toBe(4));
      expect(await breakdown('WAYBILLS_CREATED', '320211', 'DIMENSION')).toEqual({ '3': 4 });
      expect(await figure('WAYBILLS_CREATED', '320211', month, month, '3')).toBe(4);
    });

    it("gives the origin province's row of the origin-destination matrix, without the trips inside the province", async () => {
      await eventually(async () => expect(await figure('CROSS_PROVINCE_WAYBILLS', '320211')).toBe(3));
      expect(await breakdown('CROSS_PROVINCE_WAYBILLS', '320211', 'DIMENSION')).toEqual({ '330000': 2, '310000': 1 });
      // The column: Wuxi's flows to Zhejiang among Jiangsu's prefectures.
      const toZhejiang = await breakdown('CROSS_PROVINCE_WAYBILLS', '320000', 'REGION', '330000');
      expect(toZhejiang['320200']).toBeGreaterThanOrEqual(2);
    });

    it('counts the speeding alert raised from the tanker’s positions by kind', async () => {
      const platform = await clientToken('vehicle-monitoring-js-0001');
      const positions = [3, 2.5, 2].map((minutesAgo, index) => ({
        plateNumber: plate,
        time: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
        longitude: 120.25,
        latitude: 31.5,
        speed: 95 + index,
        heading: 90,
      }));
      const submitted = await graphql<{ submitVehiclePositions: { alertsRaised: number } }>(
        SUBMIT,
        { input: { positions } },
        { token: platform },
      );
      expect(submitted.data?.submitVehiclePositions.alertsRaised).toBe(1);
      await eventually(async () =>
        expect(await breakdown('SAFETY_ALERTS', '320211', 'DIMENSION')).toEqual({ SPEEDING: 1 }),
      );
    });
  });

  describe('hidden hazards found, closed late, and open', () => {
    it('counts both hazards found in their month, the general one closed late, and the major one still open', async () => {
      const officer = await tokenFor('js-safety-officer');
      const { creditCode } = await story(admin).enterprise('320506', '苏州吴中统计测试危货运输有限公司');
      const inspectedOn = chinaDaysAgo(40);
      const recorded = await query<{
        recordSafetyInspection: { inspection: { hazards: Array<{ id: string; level: string }> } };
      }>(
        officer,
        `mutation ($input: RecordSafetyInspectionInput!) { recordSafetyInspection(input: $input) { inspection { hazards { id level } } } }`,
        {
          input: {
            creditCode,
            regionCode: '320506',
            inspectedOn,
            inspectors: ['张检查 执法证号32050001'],
            findings: '应急出口堵塞；罐车紧急切断装置失效。',
            hazards: [
              { level: 'GENERAL', description: '应急出口堵塞' },
              { level: 'MAJOR', description: '罐车紧急切断装置失效' },
            ],
          },
        },
      );
      const general = recorded.recordSafetyInspection.inspection.hazards.find((hazard) => hazard.level === 'GENERAL')!;
      // Its deadline passed weeks ago: safety's sweep tells statistics, and it stands overdue.
      await eventually(
        async () => expect(await breakdown('HAZARDS_OVERDUE', '320506', 'DIMENSION')).toEqual({ GENERAL: 1 }),
        40_000,
      );
      await query(
        officer,
        `mutation ($input: ReportHazardRectificationInput!) { reportHazardRectification(input: $input) { hazard { status } } }`,
        {
          input: {
            hazardId: general.id,
            note: '已清理应急出口',
            evidence: [{ fileName: 'exit.jpg', contentBase64: Buffer.from(`出口 ${Date.now()}`).toString('base64') }],
          },
        },
      );
      await query(
        admin,
        `mutation ($input: VerifyHazardRectificationInput!) { verifyHazardRectification(input: $input) { hazard { status } } }`,
        { input: { hazardId: general.id, passed: true, note: '复查合格' } },
      );
      const foundMonth = inspectedOn.slice(0, 7);
      await eventually(async () => expect(await figure('HAZARDS_CLOSED', '320506')).toBe(1));
      const found = await query<{ indicatorBreakdown: { rows: Array<{ key: string; value: number }> } }>(
        analyst,
        BREAKDOWN,
        { indicator: 'HAZARDS_FOUND', region: '320506', from: foundMonth, to: foundMonth, by: 'DIMENSION' },
      );
      expect(found.indicatorBreakdown.rows).toEqual([
        { key: 'GENERAL', value: 1 },
        { key: 'MAJOR', value: 1 },
      ]);
      expect(await figure('HAZARDS_CLOSED_LATE', '320506', month, month, 'GENERAL')).toBe(1);
      expect(await figure('HAZARDS_OVERDUE', '320506')).toBe(0);
      // A stock: what stands open at the end of each month since the inspection.
      expect(await figure('HAZARDS_OPEN', '320506', foundMonth, foundMonth)).toBe(2);
      expect(await figure('HAZARDS_OPEN', '320506')).toBe(1);
      // The major hazard found last month still stands this month, though nothing of it changed.
      expect(await breakdown('HAZARDS_OPEN', '320506', 'DIMENSION')).toEqual({ GENERAL: 0, MAJOR: 1 });
    }, 90_000);
  });

  describe('credit: 双公示 publications and list entries', () => {
    it('counts the penalty published, its repair refused and approved, the listing and removal, and what stands listed', async () => {
      const enterprise = await story(admin).enterprise('320205', '无锡锡山统计测试运输有限公司');
      await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 6_000_000 }, '超限运输');
      await eventually(async () =>
        expect(await breakdown('DISCLOSURES_PUBLISHED', '320205', 'DIMENSION')).toEqual({ ADMINISTRATIVE_PENALTY: 1 }),
      );
      // Published by the job within seconds: on time, so the late rate is 0.
      expect(await figure('DISCLOSURE_LATE_RATE', '320205')).toBe(0);

      // Credit repair (信用修复): refused once, then approved, once the minimum period is moved into the past
      // in credit's own schema (as test/credit-repair.test.ts does).
      const officer = await tokenFor('js-credit-officer');
      const disclosures = await query<{ creditDisclosures: { edges: Array<{ node: { id: string } }> } }>(
        officer,
        `query ($code: String) { creditDisclosures(creditCode: $code, first: 5) { edges { node { id } } } }`,
        { code: enterprise.creditCode },
      );
      const disclosureId = disclosures.creditDisclosures.edges[0].node.id;
      const past = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').replace('Z', '');
      await subgraphSql('credit', 'UPDATE credit_disclosure SET repairable_from = ? WHERE id = ?', [
        past,
        Number(disclosureId),
      ]);
      const document = { fileName: '整改报告.pdf', contentBase64: Buffer.from('整改报告').toString('base64') };
      const apply = async () => {
        const applied = await query<{ applyForCreditRepair: { application: { id: string } } }>(
          officer,
          `mutation ($input: ApplyForCreditRepairInput!) { applyForCreditRepair(input: $input) { application { id } } }`,
          {
            input: {
              disclosureId,
              penaltyExecuted: true,
              executionStatement: '罚款已缴清。',
              commitmentLetter: { fileName: '信用承诺书.pdf', contentBase64: Buffer.from('承诺').toString('base64') },
              correctiveEvidence: [document],
            },
          },
        );
        return applied.applyForCreditRepair.application.id;
      };
      const decide = async (operation: 'refuseCreditRepair' | 'approveCreditRepair', id: string) =>
        query(
          officer,
          `mutation ($input: DecideCreditRepairInput!) { ${operation}(input: $input) { application { state } } }`,
          { input: { id, expectedVersion: 1, reason: operation === 'refuseCreditRepair' ? '材料不足' : '准予修复' } },
        );
      await decide('refuseCreditRepair', await apply());
      await decide('approveCreditRepair', await apply());
      await eventually(async () =>
        expect(await breakdown('CREDIT_REPAIRS_DECIDED', '320205', 'DIMENSION')).toEqual({ APPROVED: 1, REFUSED: 1 }),
      );

      const listing = () =>
        graphql<{ listCreditSubject: { entry: { id: string; version: number } } }>(
          `
            mutation ($input: ListCreditSubjectInput!) {
              listCreditSubject(input: $input) {
                entry {
                  id
                  version
                }
              }
            }
          `,
          {
            input: {
              creditCode: enterprise.creditCode,
              criterion: 'FRAUDULENT_LICENSING',
              regionCode: '320205',
              documentNumbers: [`锡交信认〔2026〕${Date.now() % 100_000}号`],
              reason: '以欺骗手段取得道路运输经营许可，经认定列入。',
            },
          },
          { token: admin },
        );
      // Credit knows the enterprise once licensing's event arrived.
      const listed = await eventually(async () => {
        const answer = await listing();
        if (!answer.data) throw new Error(JSON.stringify(answer.errors));
        return answer.data.listCreditSubject.entry;
      });
      await eventually(async () => expect(await figure('CREDIT_LISTED', '320205')).toBe(1));
      expect(await breakdown('CREDIT_LIST_ENTRIES', '320205', 'DIMENSION')).toEqual({ FRAUDULENT_LICENSING: 1 });
      await query(
        admin,
        `mutation ($input: RemoveCreditListEntryInput!) { removeCreditListEntry(input: $input) { entry { version } } }`,
        { input: { entryId: listed.id, expectedVersion: listed.version, reason: '复核认定依据不足，予以移出。' } },
      );
      await eventually(async () => expect(await figure('CREDIT_LISTED', '320205')).toBe(0));
      expect(await breakdown('CREDIT_LIST_REMOVALS', '320205', 'DIMENSION')).toEqual({ REMOVED_BY_OFFICER: 1 });
      // Rolled up: Wuxi's figure holds Xishan's entry.
      expect(await figure('CREDIT_LIST_ENTRIES', '320200')).toBeGreaterThanOrEqual(1);
    }, 120_000);
  });

  describe('the online rate', () => {
    it("settles yesterday from the demo fleet: two of the three tankers online, counted in yesterday's month", async () => {
      const yesterday = chinaMonth(1);
      await eventually(async () => {
        expect(await figure('ONLINE_VEHICLE_DAYS', '000000', yesterday, yesterday)).toBeGreaterThanOrEqual(2);
      });
      const monitored = (await figure('MONITORED_VEHICLE_DAYS', '000000', yesterday, yesterday))!;
      const online = (await figure('ONLINE_VEHICLE_DAYS', '000000', yesterday, yesterday))!;
      expect(monitored).toBeGreaterThanOrEqual(3);
      expect(await figure('ONLINE_RATE', '000000', yesterday, yesterday)).toBeCloseTo((online / monitored) * 100, 2);
      // Hangzhou's one demo tanker stood online yesterday.
      expect(await figure('ONLINE_VEHICLE_DAYS', '330100', yesterday, yesterday)).toBeGreaterThanOrEqual(1);
    });
  });
});
