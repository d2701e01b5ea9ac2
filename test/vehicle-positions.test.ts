import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, eventually, graphql, query, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Key-vehicle networked monitoring (重点营运车辆联网联控): the provincial platform's machine client submits
// positions with the operation registered for it; safety officers work the alerts they raise, within their
// region; an escalated alert becomes an enforcement draft case.

const SUBMIT = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'vehicle-monitoring-js-0001', 'SubmitVehiclePositions.graphql'),
  'utf8',
);

interface Result {
  index: number;
  plateNumber: string;
  outcome: string;
  problems: Array<{ field: string; code: string }>;
}
interface SubmitAnswer {
  submitVehiclePositions: {
    acceptedCount: number;
    duplicateCount: number;
    rejectedCount: number;
    alertsRaised: number;
    results: Result[];
  };
}
interface Alert {
  id: number;
  kind: string;
  plateNumber: string;
  status: string;
  version: number;
  descriptionZh: string;
  descriptionEn: string;
}

const ALERTS = `query ($regionCode: String, $status: SafetyAlertStatus) {
  safetyAlerts(regionCode: $regionCode, status: $status, first: 100) { totalCount edges { node {
    id kind plateNumber status version descriptionZh descriptionEn } } } }`;

function position(plateNumber: string, minutesAgo: number, speed: number) {
  return {
    plateNumber,
    time: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    longitude: 118.796877,
    latitude: 32.060255,
    speed,
    heading: 90,
  };
}

describe('key vehicles’ positions from the provincial monitoring platform', () => {
  let platform: string;
  let officer: string;
  let admin: string;
  let creditCode: string;
  let tanker: string;
  let trailer: string;
  const submit = async (positions: unknown[]) => {
    const result = await graphql<SubmitAnswer>(SUBMIT, { input: { positions } }, { token: platform });
    if (result.errors?.length || !result.data) throw new Error(`submit failed: ${JSON.stringify(result.errors)}`);
    return result.data.submitVehiclePositions;
  };
  const alertsOf = async (token: string, plateNumber: string, status?: string) => {
    const answer = await query<{ safetyAlerts: { edges: Array<{ node: Alert }> } }>(token, ALERTS, {
      ...(status ? { status } : {}),
    });
    return answer.safetyAlerts.edges.map((edge) => edge.node).filter((alert) => alert.plateNumber === plateNumber);
  };

  beforeAll(async () => {
    platform = await clientToken('vehicle-monitoring-js-0001');
    officer = await tokenFor('js-safety-officer');
    admin = await tokenFor('ministry-admin');
    const enterprise = await story(await tokenFor('js-licensing-officer')).enterprise(
      '320104',
      '联网联控测试危运有限公司',
    );
    creditCode = enterprise.creditCode;
    tanker = await enterprise.vehicle('hazardous-goods');
    trailer = await enterprise.vehicle('hazardous-goods');
    // Safety learns of them from licensing's vehicle.registered (category, certifying region).
    await eventually(async () => {
      const known = await subgraphSql<{ count: number | string }>(
        'safety',
        `SELECT COUNT(*) AS count FROM safety_vehicle WHERE plate_number IN (?, ?) AND category = 'HAZARDOUS_GOODS'`,
        [tanker, trailer],
      );
      expect(Number(known[0].count)).toBe(2);
    });
  });

  it('answers every position on its own: accepted, duplicate, rejected with the field and a code', async () => {
    const batch = [
      position(tanker, 40, 60),
      { ...position(tanker, 39, 60), longitude: 2.35, latitude: -33.9 },
      { ...position(tanker, -10, 60) },
      { ...position(tanker, 38, 60), speed: -3, heading: 400 },
      position('苏B0000Z', 40, 60),
    ];
    const first = await submit(batch);
    expect(
      first.results.map((result) => [result.outcome, ...result.problems.map((p) => `${p.field} ${p.code}`)]),
    ).toEqual([
      ['ACCEPTED'],
      ['REJECTED', 'positions[1].longitude OUTSIDE_CHINA', 'positions[1].latitude OUTSIDE_CHINA'],
      ['REJECTED', 'positions[2].time FUTURE_TIME'],
      ['REJECTED', 'positions[3].speed INVALID_SPEED', 'positions[3].heading INVALID_HEADING'],
      ['REJECTED', 'positions[4].plateNumber UNKNOWN_VEHICLE'],
    ]);
    const again = await submit([batch[0], position(tanker, 45, 60)]);
    expect(again.results.map((result) => [result.outcome, ...result.problems.map((p) => p.code)])).toEqual([
      ['DUPLICATE'],
      ['REJECTED', 'OUT_OF_ORDER'],
    ]);
  });

  it('raises a speeding and a fatigue alert that the officers of the region work through', async () => {
    const speeding = await submit([position(tanker, 3, 95), position(tanker, 2.5, 96), position(tanker, 2, 97)]);
    expect(speeding.alertsRaised).toBe(1);
    // 4 h 30 min of driving at 60 km/h, a position every 5 minutes.
    const driving = Array.from({ length: 54 }, (_, index) => position(trailer, 275 - index * 5, 60));
    expect((await submit(driving)).alertsRaised).toBe(1);

    const [speedingAlert] = await alertsOf(officer, tanker, 'OPEN');
    expect(speedingAlert).toMatchObject({ kind: 'SPEEDING', status: 'OPEN', version: 1 });
    expect(speedingAlert.descriptionZh).toContain('超速');
    const [fatigue] = await alertsOf(officer, trailer);
    expect(fatigue).toMatchObject({ kind: 'FATIGUE_DRIVING', status: 'OPEN' });

    const acknowledged = await query<{ acknowledgeSafetyAlert: { alert: Alert } }>(
      officer,
      `mutation ($input: AcknowledgeSafetyAlertInput!) { acknowledgeSafetyAlert(input: $input) { alert { status version } } }`,
      { input: { alertId: speedingAlert.id, expectedVersion: 1 } },
    );
    expect(acknowledged.acknowledgeSafetyAlert.alert).toEqual({ status: 'ACKNOWLEDGED', version: 2 });
    const close = `mutation ($input: CloseSafetyAlertInput!) { closeSafetyAlert(input: $input) { alert { status disposition } } }`;
    const stale = await graphql(
      close,
      { input: { alertId: speedingAlert.id, expectedVersion: 1, disposition: '已提醒' } },
      { token: officer },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const closed = await query<{ closeSafetyAlert: { alert: { status: string; disposition: string } } }>(
      officer,
      close,
      {
        input: { alertId: speedingAlert.id, expectedVersion: 2, disposition: '已电话提醒驾驶员减速，企业已整改' },
      },
    );
    expect(closed.closeSafetyAlert.alert.status).toBe('CLOSED');
    const twice = await graphql(
      close,
      { input: { alertId: speedingAlert.id, disposition: '再次' } },
      { token: officer },
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });

  it('shows the latest position, open alerts and counts on the vehicle and the enterprise', async () => {
    const answer = await query<{
      vehicle: { lastPosition: { speed: number; longitude: number } | null; openAlerts: Alert[] } | null;
      enterprise: { safetyAlertsLast30Days: number; onlineRate: { keyVehicles: number; onlineVehicles: number } };
    }>(
      officer,
      `query ($plate: String!, $creditCode: String!) {
        vehicle(plateNumber: $plate) { lastPosition { speed longitude } openAlerts { kind } }
        enterprise(creditCode: $creditCode) { safetyAlertsLast30Days onlineRate { keyVehicles onlineVehicles } }
      }`,
      { plate: trailer, creditCode },
    );
    expect(answer.vehicle?.lastPosition).toEqual({ speed: 60, longitude: 118.796877 });
    expect(answer.vehicle?.openAlerts.map((alert) => alert.kind)).toEqual(['FATIGUE_DRIVING']);
    expect(answer.enterprise.safetyAlertsLast30Days).toBe(2);
    expect(answer.enterprise.onlineRate.keyVehicles).toBe(2);
  });

  it('links an accident to the vehicle’s positions in the half hour before it', async () => {
    const reported = await query<{
      reportAccident: { accident: { lastPositions: Array<{ time: string; speed: number }> } };
    }>(
      officer,
      `mutation ($input: ReportAccidentInput!) { reportAccident(input: $input) { accident { lastPositions { time speed } } } }`,
      {
        input: {
          plateNumber: trailer,
          creditCode,
          occurredAt: new Date().toISOString(),
          regionCode: '320104',
          location: 'G2京沪高速无锡段',
          summary: '危险货物运输车辆侧翻，无泄漏。',
          severity: 'GENERAL',
          deaths: 0,
          injuries: 0,
          directLossFen: 1_000_000,
        },
      },
    );
    const track = reported.reportAccident.accident.lastPositions;
    // The trailer reported every few minutes for hours: only the last 30 minutes, newest first.
    expect(track.length).toBeGreaterThan(0);
    const times = track.map((point) => Date.parse(point.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(Date.now() - times[times.length - 1]).toBeLessThanOrEqual(30 * 60_000 + 5_000);
  });

  it('escalation opens a draft case in enforcement for the certifying region', async () => {
    const [fatigue] = await alertsOf(officer, trailer);
    const escalated = await query<{ escalateSafetyAlert: { alert: { status: string } } }>(
      officer,
      `mutation ($input: EscalateSafetyAlertInput!) { escalateSafetyAlert(input: $input) { alert { status } } }`,
      { input: { alertId: fatigue.id, expectedVersion: fatigue.version, reason: '连续驾驶超4小时，移交执法' } },
    );
    expect(escalated.escalateSafetyAlert.alert.status).toBe('ESCALATED');
    const supervisor = await tokenFor('js-enforcement-supervisor');
    const draft = await eventually(async () => {
      const cases = await query<{
        enforcementCases: {
          edges: Array<{ node: { plateNumber: string; status: string; cause: string; creditCode: string } }>;
        };
      }>(
        supervisor,
        `{ enforcementCases(regionCode: "320104", status: FILING_PENDING, first: 100) { edges { node { plateNumber status cause creditCode } } } }`,
      );
      const found = cases.enforcementCases.edges.find((edge) => edge.node.plateNumber === trailer);
      if (!found) throw new Error('no draft case yet');
      return found.node;
    });
    expect(draft).toMatchObject({ status: 'FILING_PENDING', creditCode });
    expect(draft.cause).toContain('疲劳驾驶');
    expect(draft.cause).toContain(`#${fatigue.id}`);
  });

  it('an alert of another province stays out of sight of a Jiangsu officer, the ministry sees it', async () => {
    await subgraphSql(
      'safety',
      `INSERT INTO safety_alert (kind, plate_number, owner_credit_code, region_code, occurred_at, description_zh,
         description_en, status, raised_at, version) VALUES ('SPEEDING', '浙A5F678', '91330100MA27Y8P30J', '330106', ?, '超速', 'Speeding', 'OPEN', ?, 1)`,
      ['2026-12-01 02:00:00', '2026-12-01 02:00:00'],
    );
    expect(await alertsOf(officer, '浙A5F678')).toEqual([]);
    expect((await alertsOf(admin, '浙A5F678')).length).toBeGreaterThan(0);
    const [zhejiang] = await alertsOf(admin, '浙A5F678');
    const refused = await graphql(
      `
        mutation ($input: AcknowledgeSafetyAlertInput!) {
          acknowledgeSafetyAlert(input: $input) {
            alert {
              status
            }
          }
        }
      `,
      { input: { alertId: zhejiang.id } },
      { token: officer },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the monitoring platform’s client runs its registered operation and nothing else', async () => {
    const other = await graphql(ALERTS, {}, { token: platform });
    expect(other.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|PERSISTED_QUERY_NOT_FOUND|OPERATION/);
    expect(other.data?.safetyAlerts ?? null).toBeNull();
    const officerSubmits = await graphql(
      SUBMIT,
      { input: { positions: [position(tanker, 1, 50)] } },
      { token: officer },
    );
    expect(officerSubmits.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
