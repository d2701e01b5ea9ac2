import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDate, chinaMonth } from '../platform/time/china-time';
import { overdueFrom } from '../subgraphs/licensing/permit/application-events';
import { loadWorkingCalendar } from '../platform/time/working-calendar';
import { exchangeParties, KUNSHAN, proposedToXihu, XIHU } from './harness/case-exchange';
import { act, attachAll, jiangsuApplicant, OFFICER, REVIEWER, submitFor } from './harness/permit-workflow';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, eventually, graphql, query, tokenFor } from './harness/single-window.client';
import { subgraphSql } from './harness/subgraph-database';

// The licensing and enforcement indicators, counted from the departments' events: officers submit and
// decide applications, transfer a case and ask for assistance, a weigh station sends records; the
// ministry's analyst then reads the figures a report would quote. The applications go to 栖霞区 (320113)
// and the weighings to two fresh stations, which nothing else in the suite uses, so those figures are
// exact; the case exchange adds to Kunshan's and 西湖区's figures, so those are read before and after.

const QIXIA = '320113';
const MONTH = chinaMonth(new Date());
const RUN = `${Date.now().toString(36)}-${randomInt(1e6).toString(36)}`.toUpperCase();
const STATION_WEIGHING = `320583${randomInt(7000, 8000)}`;
const STATION_CLEAN = `320583${randomInt(8000, 9000)}`;
const DAY_MS = 86_400_000;

interface Breakdown {
  total: number | null;
  rows: Array<{ key: string; value: number | null }>;
}

const SERIES = `query Series($indicator: Indicator!, $region: String!, $from: String!, $to: String!, $dimension: String) {
  indicatorSeries(indicator: $indicator, regionCode: $region, from: $from, to: $to, dimension: $dimension) {
    definition { code unit } points { period value }
  }
}`;
const BREAKDOWN = `query Breakdown($indicator: Indicator!, $region: String!, $from: String!, $to: String!, $by: BreakdownBy!) {
  indicatorBreakdown(indicator: $indicator, regionCode: $region, from: $from, to: $to, by: $by, orderBy: KEY) {
    total rows { key value }
  }
}`;

describe('statistics: licensing and enforcement indicators from the events', () => {
  let analyst: string;

  /** This month's figure of an indicator over a region (optionally one dimension value). */
  async function figure(
    indicator: string,
    region: string,
    dimension: string | null = null,
    month = MONTH,
  ): Promise<number | null> {
    const data = await query<{ indicatorSeries: { points: Array<{ period: string; value: number | null }> } }>(
      analyst,
      SERIES,
      { indicator, region, from: month, to: month, dimension },
    );
    return data.indicatorSeries.points[0].value;
  }

  /** This month's breakdown of an indicator one level down, by REGION or by DIMENSION, as key -> value. */
  async function breakdown(indicator: string, region: string, by: 'REGION' | 'DIMENSION') {
    const data = await query<{ indicatorBreakdown: Breakdown }>(analyst, BREAKDOWN, {
      indicator,
      region,
      from: MONTH,
      to: MONTH,
      by,
    });
    return {
      total: data.indicatorBreakdown.total,
      rows: Object.fromEntries(data.indicatorBreakdown.rows.map((row) => [row.key, row.value])),
    };
  }

  beforeAll(async () => {
    analyst = await tokenFor('ministry-analyst');
  });

  it('gives every licensing and enforcement indicator a figure from the demo data alone', async () => {
    const threeMonths = { from: chinaMonth(new Date(Date.now() - 62 * DAY_MS)), to: MONTH };
    const national = async (indicator: string) =>
      (
        await query<{ indicatorBreakdown: Breakdown }>(analyst, BREAKDOWN, {
          indicator,
          region: '000000',
          ...threeMonths,
          by: 'REGION',
        })
      ).indicatorBreakdown.total;
    const counted = [
      'APPLICATIONS_RECEIVED',
      'PERMITS_ISSUED',
      'APPLICATIONS_REFUSED',
      'APPLICATIONS_DECIDED',
      'APPLICATIONS_OVERDUE',
      'APPLICATIONS_DECIDED_LATE',
      'PERMIT_OVERDUE_RATE',
      'CASES_OPENED',
      'CASES_DECIDED',
      'FINES_FEN',
      'CASES_TRANSFERRED',
      'ASSISTANCE_REQUESTS',
      'WEIGHINGS',
      'OVERLOAD_RECORDS',
      'OVERLOAD_RATE',
    ];
    // The seeded application still waiting past its deadline is announced by the sweep after the start.
    await eventually(async () => expect(await national('APPLICATIONS_OVERDUE')).toBeGreaterThan(0));
    for (const indicator of counted)
      expect([indicator, await national(indicator)]).toEqual([indicator, expect.any(Number)]);
    for (const indicator of counted) expect(await national(indicator)).toBeGreaterThan(0);
    // Other test files decide in no time; the median stands whatever they did.
    expect(await national('PERMIT_DECISION_MEDIAN_DAYS')).toEqual(expect.any(Number));
  });

  it('counts applications received, decided, refused and decided late by kind, the overdue rate and the median days', async () => {
    expect(await figure('APPLICATIONS_RECEIVED', QIXIA)).toBe(0);
    const applicant = await jiangsuApplicant('统计测试栖霞运输有限公司');
    const calendar = loadWorkingCalendar(join(PROJECT_ROOT, 'platform', 'time', 'working-calendar.json'));
    const today = chinaDate(new Date());

    /** Submitted to 栖霞区, accepted, then made to look accepted `daysAgo` days ago (due `dueDaysAgo` ago). */
    const acceptedEarlier = async (kind: string, daysAgo: number, dueDaysAgo?: number) => {
      const { application } = await submitFor(applicant, kind, { regionCode: QIXIA });
      await attachAll(application.applicationNumber, kind);
      await act(OFFICER, 'acceptPermitApplication', { applicationNumber: application.applicationNumber });
      const acceptedAt = new Date(Date.now() - daysAgo * DAY_MS);
      await subgraphSql(
        'licensing',
        `UPDATE permit_application SET accepted_at = ?${dueDaysAgo === undefined ? '' : ', decision_due_date = ?'} WHERE application_number = ?`,
        [
          acceptedAt.toISOString().slice(0, 19).replace('T', ' '),
          ...(dueDaysAgo === undefined ? [] : [chinaDate(new Date(Date.now() - dueDaysAgo * DAY_MS))]),
          application.applicationNumber,
        ],
      );
      return {
        applicationNumber: application.applicationNumber,
        workingDays: calendar.workingDaysBetween(chinaDate(acceptedAt), today),
      };
    };

    // Freight: one approved past its deadline, one refused and one approved in time, one still undecided
    // past its deadline; hazardous goods: one approved in time.
    const late = await acceptedEarlier('ROAD_FREIGHT_TRANSPORT', 40, 5);
    const refused = await acceptedEarlier('ROAD_FREIGHT_TRANSPORT', 4);
    const inTime = await acceptedEarlier('ROAD_FREIGHT_TRANSPORT', 10);
    const hazardous = await acceptedEarlier('HAZARDOUS_GOODS_TRANSPORT', 2);
    await acceptedEarlier('ROAD_FREIGHT_TRANSPORT', 40, 5);
    for (const approved of [late, inTime, hazardous])
      await act(REVIEWER, 'approvePermitApplication', { applicationNumber: approved.applicationNumber });
    await act(REVIEWER, 'rejectPermitApplication', {
      applicationNumber: refused.applicationNumber,
      reason: '拟投入车辆技术等级不符合要求',
    });

    await eventually(async () => {
      expect(await figure('APPLICATIONS_DECIDED', QIXIA)).toBe(4);
      expect(await figure('APPLICATIONS_RECEIVED', QIXIA)).toBe(5);
    });
    expect(await figure('PERMITS_ISSUED', QIXIA)).toBe(3);
    expect(await figure('APPLICATIONS_REFUSED', QIXIA)).toBe(1);
    expect(await figure('APPLICATIONS_DECIDED_LATE', QIXIA)).toBe(1);
    // Overdue: the one decided late and the one still waiting, in the month of their first day past the
    // deadline (the waiting one announced by licensing's deadline sweep).
    const overdueMonth = chinaMonth(overdueFrom(chinaDate(new Date(Date.now() - 5 * DAY_MS))));
    await eventually(async () => expect(await figure('APPLICATIONS_OVERDUE', QIXIA, null, overdueMonth)).toBe(2));
    // One decided late of four decided: 25%; of the three freight decisions, a third.
    expect(await figure('PERMIT_OVERDUE_RATE', QIXIA)).toBe(25);
    expect(await figure('PERMIT_OVERDUE_RATE', QIXIA, 'ROAD_FREIGHT_TRANSPORT')).toBe(33.33);

    // The lower median of the working days taken, on the calendar the deadlines use.
    const lowerMedian = (days: number[]) =>
      [...days].sort((left, right) => left - right)[Math.ceil(days.length / 2) - 1];
    const everyKind = [late, refused, inTime, hazardous].map((decided) => decided.workingDays);
    expect(late.workingDays).toBeGreaterThan(20);
    expect(await figure('PERMIT_DECISION_MEDIAN_DAYS', QIXIA)).toBe(lowerMedian(everyKind));
    expect(await figure('PERMIT_DECISION_MEDIAN_DAYS', QIXIA, 'ROAD_FREIGHT_TRANSPORT')).toBe(
      lowerMedian([late, refused, inTime].map((decided) => decided.workingDays)),
    );

    // By kind (DIMENSION), and 栖霞区 among Nanjing's districts (REGION).
    expect((await breakdown('APPLICATIONS_RECEIVED', QIXIA, 'DIMENSION')).rows).toEqual({
      ROAD_FREIGHT_TRANSPORT: 4,
      HAZARDOUS_GOODS_TRANSPORT: 1,
    });
    expect((await breakdown('PERMIT_DECISION_MEDIAN_DAYS', QIXIA, 'DIMENSION')).rows).toEqual({
      ROAD_FREIGHT_TRANSPORT: lowerMedian([late, refused, inTime].map((decided) => decided.workingDays)),
      HAZARDOUS_GOODS_TRANSPORT: hazardous.workingDays,
    });
    expect((await breakdown('PERMIT_OVERDUE_RATE', QIXIA, 'DIMENSION')).rows).toEqual({
      ROAD_FREIGHT_TRANSPORT: 33.33,
      HAZARDOUS_GOODS_TRANSPORT: 0,
    });
    const nanjing = await breakdown('APPLICATIONS_RECEIVED', '320100', 'REGION');
    expect(nanjing.rows[QIXIA]).toBe(5);
  });

  it('counts a transfer under the region it left and an assistance request under the region asking', async () => {
    const parties = await exchangeParties();
    const before = {
      transferred: (await figure('CASES_TRANSFERRED', KUNSHAN, XIHU)) ?? 0,
      assistance: (await figure('ASSISTANCE_REQUESTS', XIHU, KUNSHAN)) ?? 0,
    };
    const caseNumber = await proposedToXihu(parties, Buffer.from(`statistics transfer photo ${RUN}`));
    await query(
      parties.zjSupervisor,
      `mutation AcceptTransfer($input: AcceptCaseTransferInput!) { acceptCaseTransfer(input: $input) { transfer { status } } }`,
      { input: { caseNumber, comment: '同意接收' } },
    );
    // Now 西湖区's case: it asks Kunshan, where the vehicle was weighed, to assist.
    await query(
      parties.hzOfficer,
      `mutation Ask($input: RequestAssistanceInput!) { requestAssistance(input: $input) { assistanceRequest { status } } }`,
      {
        input: {
          caseNumber,
          assistingRegionCode: KUNSHAN,
          question: '请协助调取昆山治超站检测记录',
          sharedSummary: '浙A23456在昆山治超站被查',
        },
      },
    );
    await eventually(async () => {
      expect(await figure('CASES_TRANSFERRED', KUNSHAN, XIHU)).toBe(before.transferred + 1);
      expect(await figure('ASSISTANCE_REQUESTS', XIHU, KUNSHAN)).toBe(before.assistance + 1);
    });
    // Between regions: Kunshan's transfers by receiving region, and Suzhou's by county.
    expect((await breakdown('CASES_TRANSFERRED', KUNSHAN, 'DIMENSION')).rows[XIHU]).toBe(before.transferred + 1);
    expect((await breakdown('CASES_TRANSFERRED', '320500', 'REGION')).rows[KUNSHAN]).toBeGreaterThanOrEqual(
      before.transferred + 1,
    );
  });

  it('counts weighings and overloads by station, and the overload rate of each', async () => {
    const station = await clientToken('weigh-station-js-0001');
    const submit = readFileSync(
      join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'weigh-station-js-0001', 'SubmitOverloadRecords.graphql'),
      'utf8',
    );
    const kunshanBefore = (await figure('WEIGHINGS', KUNSHAN)) ?? 0;
    let serial = 0;
    const weighing = (stationCode: string, grossWeightKg: number) => ({
      stationCode,
      stationRecordId: `ST-${RUN}-${(serial += 1)}`,
      detectedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      plateNumber: `苏E${String(randomInt(10000, 99999))}`,
      axleCount: 6,
      grossWeightKg,
      limitKg: 49_000,
    });
    const records = [
      weighing(STATION_WEIGHING, 58_000),
      weighing(STATION_WEIGHING, 45_000),
      weighing(STATION_WEIGHING, 48_000),
      weighing(STATION_WEIGHING, 30_000),
      weighing(STATION_CLEAN, 40_000),
      weighing(STATION_CLEAN, 41_000),
    ];
    const sent = await graphql<{ submitOverloadRecords: { acceptedCount: number } }>(
      submit,
      { input: { records } },
      { token: station },
    );
    expect(sent.data?.submitOverloadRecords.acceptedCount).toBe(6);
    // Sent again, the records are duplicates and count nothing more.
    await graphql(submit, { input: { records: records.slice(0, 2) } }, { token: station });

    await eventually(async () => {
      expect(await figure('WEIGHINGS', KUNSHAN, STATION_WEIGHING)).toBe(4);
      expect(await figure('WEIGHINGS', KUNSHAN, STATION_CLEAN)).toBe(2);
    });
    expect(await figure('OVERLOAD_RECORDS', KUNSHAN, STATION_WEIGHING)).toBe(1);
    expect(await figure('OVERLOAD_RATE', KUNSHAN, STATION_WEIGHING)).toBe(25);
    const byStation = await breakdown('OVERLOAD_RATE', KUNSHAN, 'DIMENSION');
    // A station that weighed but found no overload is listed at 0%.
    expect(byStation.rows).toMatchObject({ [STATION_WEIGHING]: 25, [STATION_CLEAN]: 0 });
    expect((await breakdown('WEIGHINGS', '320500', 'REGION')).rows[KUNSHAN]).toBe(kunshanBefore + 6);
  });

  it('lists the indicators in the catalogue with their units, and refuses them to an officer', async () => {
    const catalogue = await query<{ indicators: Array<{ code: string; unit: string; department: string }> }>(
      analyst,
      `query { indicators(department: "enforcement") { code unit department } }`,
    );
    expect(catalogue.indicators).toEqual(
      expect.arrayContaining([
        { code: 'OVERLOAD_RATE', unit: 'PERCENT', department: 'enforcement' },
        { code: 'CASES_TRANSFERRED', unit: 'COUNT', department: 'enforcement' },
      ]),
    );
    const officer = await graphql(
      SERIES,
      { indicator: 'PERMIT_OVERDUE_RATE', region: '320000', from: MONTH, to: MONTH },
      { token: await tokenFor(OFFICER) },
    );
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
