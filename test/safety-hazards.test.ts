import { sm3Hex } from '../platform/storage/file-store';
import { graphql, query, requestSqlStatements, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Inspections and hidden hazards (隐患排查治理) through the gateway: a Jiangsu safety officer records an
// inspection with a major hazard, reports its rectification, may not verify it himself; a second officer
// (ministry-admin) closes it. Each version of the major hazard's report waits in the national platform's
// outbox (safety_platform_delivery), read here behind the service's back.

const RECORD = `mutation ($input: RecordSafetyInspectionInput!) {
  recordSafetyInspection(input: $input) {
    inspection {
      id creditCode regionCode inspectedOn recordedBy
      hazards { id level status deadline overdue version evidence { stage fileName sm3Digest sizeBytes } }
    }
  }
}`;

const RECTIFY = `mutation ($input: ReportHazardRectificationInput!) {
  reportHazardRectification(input: $input) {
    hazard { id status version rectificationReportedBy evidence { stage sm3Digest } }
  }
}`;

const VERIFY = `mutation ($input: VerifyHazardRectificationInput!) {
  verifyHazardRectification(input: $input) { hazard { id status verifiedBy closedAt } }
}`;

const HAZARDS = `query ($region: String, $level: HazardLevel, $status: HazardStatus, $overdue: Boolean) {
  hiddenHazards(regionCode: $region, level: $level, status: $status, overdue: $overdue, first: 100) {
    totalCount edges { node { id level status overdue creditCode } }
  }
}`;

interface Hazard {
  id: string;
  level: 'GENERAL' | 'MAJOR';
  status: string;
  deadline: string;
  overdue: boolean;
  version: number;
  evidence: Array<{ stage: string; fileName: string; sm3Digest: string; sizeBytes: number }>;
}

interface Recorded {
  recordSafetyInspection: { inspection: { id: string; recordedBy: string; hazards: Hazard[] } };
}

interface HazardList {
  hiddenHazards: { totalCount: number; edges: Array<{ node: { id: string; level: string; overdue: boolean } }> };
}

/** A China date `days` calendar days before today. */
function chinaDaysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

const PHOTO = Buffer.from(`紧急切断阀失效 ${Date.now()}`);
const FIXED = Buffer.from(`更换后的紧急切断阀 ${Date.now()}`);

function inspectionInput(creditCode: string, regionCode: string) {
  return {
    creditCode,
    regionCode,
    // Long enough ago that 10 working days are over, whatever holidays lie between.
    inspectedOn: chinaDaysAgo(40),
    inspectors: ['张检查 执法证号32010001', '李检查 执法证号32010002'],
    findings: '停车场应急出口堵塞；一辆罐车紧急切断装置失效。',
    hazards: [
      { level: 'GENERAL', description: '停车场应急出口堵塞' },
      {
        level: 'MAJOR',
        description: '罐车紧急切断装置失效',
        evidence: [{ fileName: 'valve.jpg', contentBase64: PHOTO.toString('base64') }],
      },
    ],
  };
}

async function statementsFor(token: string, document: string, variables: Record<string, unknown>): Promise<number> {
  const before = await requestSqlStatements();
  await query(token, document, variables);
  return (await requestSqlStatements()) - before;
}

async function deliveries(reportId: string) {
  return subgraphSql<{ report_type: string; version: number; region_code: string; payload: string }>(
    'safety',
    'SELECT report_type, version, region_code, payload FROM safety_platform_delivery WHERE report_id = ? ORDER BY version',
    [reportId],
  );
}

describe('inspections and hidden hazards (隐患排查治理)', () => {
  let officer: string;
  let admin: string;
  let creditCode: string;
  let general: Hazard;
  let major: Hazard;

  beforeAll(async () => {
    [officer, admin] = await Promise.all([tokenFor('js-safety-officer'), tokenFor('ministry-admin')]);
    creditCode = (await story(admin).enterprise('320104', '南京隐患测试危货运输有限公司')).creditCode;
    const recorded = await query<Recorded>(officer, RECORD, { input: inspectionInput(creditCode, '320104') });
    expect(recorded.recordSafetyInspection.inspection.recordedBy).toBe('js-safety-officer');
    [general, major] = recorded.recordSafetyInspection.inspection.hazards;
  });

  it('records the hazards with deadlines in working days and the evidence’s SM3 digest', () => {
    expect([general.level, general.status, general.overdue]).toEqual(['GENERAL', 'OPEN', true]);
    expect([major.level, major.status]).toEqual(['MAJOR', 'OPEN']);
    expect(major.deadline > general.deadline).toBe(true);
    expect(major.evidence).toEqual([
      { stage: 'FOUND', fileName: 'valve.jpg', sm3Digest: sm3Hex(PHOTO), sizeBytes: PHOTO.length },
    ]);
  });

  it('reports the major hazard to the national platform when found, and nothing for the general one', async () => {
    const rows = await deliveries(`hidden-hazard-${major.id}`);
    expect(rows.map((row) => [row.report_type, Number(row.version), row.region_code])).toEqual([
      ['MAJOR_HAZARD', 1, '320104'],
    ]);
    expect(JSON.parse(rows[0].payload)).toMatchObject({ event: 'FOUND', creditCode, level: 'MAJOR' });
    expect(await deliveries(`hidden-hazard-${general.id}`)).toEqual([]);
  });

  it('lists the overdue general hazard, counts it for the region and on the enterprise', async () => {
    const overdue = await query<HazardList>(officer, HAZARDS, { region: '320104', overdue: true });
    const ids = overdue.hiddenHazards.edges.map((edge) => edge.node.id);
    expect(ids).toContain(general.id);
    expect(ids).not.toContain(major.id);
    const counts = await query<{ overdueHazards: Array<{ regionCode: string; overdue: number }> }>(
      officer,
      `query { overdueHazards(regionCode: "320000") { regionCode overdue majorOverdue oldestDeadline } }`,
    );
    expect(counts.overdueHazards.find((row) => row.regionCode === '320104')?.overdue).toBeGreaterThanOrEqual(1);
    const enterprise = await query<{ enterprise: { openHazards: { total: number; major: number; overdue: number } } }>(
      officer,
      `query ($code: String!) { enterprise(creditCode: $code) { creditCode openHazards { total major overdue } } }`,
      { code: creditCode },
    );
    expect(enterprise.enterprise.openHazards).toEqual({ total: 2, major: 1, overdue: 1 });
  });

  it('closes the major hazard only on a second officer’s verification, reporting the closure as version 2', async () => {
    const rectified = await query<{
      reportHazardRectification: { hazard: Hazard & { rectificationReportedBy: string } };
    }>(officer, RECTIFY, {
      input: {
        hazardId: major.id,
        expectedVersion: major.version,
        note: '已更换紧急切断阀并试验合格',
        evidence: [{ fileName: 'fixed.jpg', contentBase64: FIXED.toString('base64') }],
      },
    });
    expect(rectified.reportHazardRectification.hazard).toMatchObject({
      status: 'RECTIFIED',
      rectificationReportedBy: 'js-safety-officer',
      evidence: [
        { stage: 'FOUND', sm3Digest: sm3Hex(PHOTO) },
        { stage: 'RECTIFIED', sm3Digest: sm3Hex(FIXED) },
      ],
    });

    const refused = await graphql(
      VERIFY,
      { input: { hazardId: major.id, passed: true, note: '复查合格' } },
      { token: officer },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'HAZARD_SAME_OFFICER' });
    expect(await deliveries(`hidden-hazard-${major.id}`)).toHaveLength(1);

    const closed = await query<{ verifyHazardRectification: { hazard: { status: string; verifiedBy: string } } }>(
      admin,
      VERIFY,
      { input: { hazardId: major.id, passed: true, note: '复查合格，同意销号' } },
    );
    expect(closed.verifyHazardRectification.hazard).toMatchObject({ status: 'CLOSED', verifiedBy: 'ministry-admin' });
    const content = await query<{
      hiddenHazards: { edges: Array<{ node: { id: string; evidence: Array<{ contentBase64: string }> } }> };
    }>(
      officer,
      `query { hiddenHazards(regionCode: "320104", level: MAJOR, status: CLOSED, first: 20) { edges { node { id evidence { contentBase64 } } } } }`,
    );
    const evidence = content.hiddenHazards.edges.find((edge) => edge.node.id === major.id)?.node.evidence;
    expect(evidence?.map((item) => Buffer.from(item.contentBase64, 'base64').toString())).toEqual([
      PHOTO.toString(),
      FIXED.toString(),
    ]);
    const rows = await deliveries(`hidden-hazard-${major.id}`);
    expect(rows.map((row) => [Number(row.version), (JSON.parse(row.payload) as { event: string }).event])).toEqual([
      [1, 'FOUND'],
      [2, 'CLOSED'],
    ]);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const before = await subgraphSql<{ count: number }>('safety', 'SELECT COUNT(*) AS count FROM safety_inspection');
    const input = inspectionInput(creditCode, '320104');
    const bad = await graphql(
      RECORD,
      { input: { ...input, hazards: [input.hazards[0], { level: 'MAJOR', description: '   ' }] } },
      { token: officer },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hazards.1.description' });
    const after = await subgraphSql<{ count: number }>('safety', 'SELECT COUNT(*) AS count FROM safety_inspection');
    expect(Number(after[0].count)).toBe(Number(before[0].count));
  });

  it('keeps another province’s inspection out of a Jiangsu officer’s sight', async () => {
    const zjCode = (await story(admin).enterprise('330106', '杭州隐患测试危货运输有限公司')).creditCode;
    const recorded = await query<Recorded>(admin, RECORD, { input: inspectionInput(zjCode, '330106') });
    const inspection = recorded.recordSafetyInspection.inspection;
    const seen = await query<{ safetyInspection: null | { id: string } }>(
      officer,
      `query ($id: ID!) { safetyInspection(id: $id) { id } }`,
      { id: inspection.id },
    );
    expect(seen.safetyInspection).toBeNull();
    const listed = await query<HazardList>(officer, HAZARDS, { region: '330106' });
    expect(listed.hiddenHazards).toEqual({ totalCount: 0, edges: [] });
    const all = await query<HazardList>(officer, HAZARDS, {});
    expect(all.hiddenHazards.edges.map((edge) => edge.node.id)).not.toContain(inspection.hazards[0].id);
    const verify = await graphql(
      VERIFY,
      { input: { hazardId: inspection.hazards[1].id, passed: true, note: '复查' } },
      { token: officer },
    );
    expect(verify.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The ministry sees both provinces.
    const national = await query<HazardList>(admin, HAZARDS, { region: '330106' });
    expect(national.hiddenHazards.edges.map((edge) => edge.node.id)).toContain(inspection.hazards[0].id);
  });

  it('reads hazards with their evidence, and enterprises’ open hazards, in statements that do not grow with the rows', async () => {
    const LIST = `query ($first: Int) { hiddenHazards(first: $first) { edges { node { id overdue evidence { sm3Digest } } } } }`;
    const ENTERPRISES = `query ($first: Int) {
      enterprises(first: $first) { edges { node { creditCode openHazards { total major overdue } } } } }`;
    expect(await statementsFor(admin, LIST, { first: 10 })).toBe(await statementsFor(admin, LIST, { first: 1 }));
    expect(await statementsFor(admin, ENTERPRISES, { first: 10 })).toBe(
      await statementsFor(admin, ENTERPRISES, { first: 1 }),
    );
  });
});
