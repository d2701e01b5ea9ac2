import { createHash, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gql } from './generated';
import type { SubmitOverloadRecordsMutation } from './generated/graphql';
import { PROJECT_ROOT } from './harness/service-processes';
import {
  clientToken,
  eventually,
  gatewayUrl,
  graphql,
  query,
  tokenFor,
  type GraphQLErrorBody,
} from './harness/single-window.client';
import { newPlate, story } from './harness/story';

// Weigh stations (治超联网) submit through their machine client, with the operation registered for it;
// officers read the records and the draft cases they open, within their region.

// Sent as its exact registered text (the gateway allows its sha256); `npm run codegen` generates its
// result type, SubmitOverloadRecordsMutation, from the same file.
const SUBMIT = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'weigh-station-js-0001', 'SubmitOverloadRecords.graphql'),
  'utf8',
);
const KUNSHAN_STATION = '3205830001'; // 昆山市, Suzhou: in Jiangsu's scope, outside Nanjing's
const JIANGNING_STATION = '3201150001'; // 江宁区, Nanjing
const RUN = `${Date.now().toString(36)}-${randomInt(1e6).toString(36)}`.toUpperCase();

const RECORDS_OF_PLATE = gql(`query OverloadRecordsOfPlate($plate: String!, $first: Int = 10) {
  overloadRecords(plateNumber: $plate, first: $first) { totalCount edges { node {
  stationRecordId overloaded excessKg enterprise { creditCode } case { caseNumber status regionCode creditCode }
} } } }`);

let serial = 0;
function detection(plateNumber: string, grossWeightKg: number, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    stationCode: KUNSHAN_STATION,
    stationRecordId: `IT-${RUN}-${serial}`,
    detectedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    plateNumber,
    axleCount: 6,
    grossWeightKg,
    limitKg: 49_000,
    ...overrides,
  };
}

function codeOf(errors: GraphQLErrorBody[] | undefined): { code?: string; reason?: string } {
  return { code: errors?.[0]?.extensions?.code, reason: errors?.[0]?.extensions?.reason };
}

describe('overload records from a weigh station', () => {
  let station: string;
  const submit = async (records: unknown[]) => {
    const result = await graphql<SubmitOverloadRecordsMutation>(SUBMIT, { input: { records } }, { token: station });
    if (result.errors?.length || !result.data)
      throw new Error(`submitOverloadRecords failed: ${JSON.stringify(result.errors)}`);
    return result.data.submitOverloadRecords;
  };
  beforeAll(async () => {
    station = await clientToken('weigh-station-js-0001');
  });

  it('a record submitted twice makes one record and one draft case, which the officers of the region see', async () => {
    const plate = newPlate('苏E');
    const record = detection(plate, 56_000);
    const first = await submit([record]);
    expect(first).toMatchObject({ acceptedCount: 1, duplicateCount: 0, rejectedCount: 0 });
    expect(first.results).toEqual([
      { index: 0, stationRecordId: record.stationRecordId, outcome: 'ACCEPTED', overloaded: true, problems: [] },
    ]);
    const again = await submit([record]);
    expect(again).toMatchObject({ acceptedCount: 0, duplicateCount: 1, rejectedCount: 0 });
    expect(again.results[0]).toMatchObject({ outcome: 'DUPLICATE', overloaded: true });

    const supervisor = await tokenFor('js-enforcement-supervisor');
    const records = await query(supervisor, RECORDS_OF_PLATE, { plate });
    expect(records.overloadRecords.totalCount).toBe(1);
    const [{ node }] = records.overloadRecords.edges;
    expect(node).toMatchObject({
      stationRecordId: record.stationRecordId,
      overloaded: true,
      excessKg: 7_000,
      case: { status: 'FILING_PENDING', regionCode: '320583' },
    });

    const caseNumber = node.case!.caseNumber;
    const draft = await query(
      supervisor,
      gql(
        `query OverloadDraftCase($number: String!) { enforcementCase(caseNumber: $number) { caseNumber status plateNumber cause filedBy steps { action toStatus actor regionCode } overloadRecords { totalCount } } }`,
      ),
      { number: caseNumber },
    );
    // A filing like an officer's, awaiting the supervisor's approval (立案审批).
    expect(draft.enforcementCase).toMatchObject({
      status: 'FILING_PENDING',
      plateNumber: plate,
      filedBy: 'service-account-weigh-station-js-0001',
      steps: [
        {
          action: 'FILING_SUBMITTED',
          toStatus: 'FILING_PENDING',
          actor: 'service-account-weigh-station-js-0001',
          regionCode: '320583',
        },
      ],
      overloadRecords: { totalCount: 1 },
    });
    expect(draft.enforcementCase?.cause).toContain(`车辆 ${plate}`);
    expect(draft.enforcementCase?.cause).toContain('车货总质量 56000 kg，超过限值 49000 kg');
    const filedInRegion = await query(
      supervisor,
      gql(
        `query KunshanFilingsPending { enforcementCases(regionCode: "320583", status: FILING_PENDING, first: 100) { edges { node { caseNumber plateNumber } } } }`,
      ),
    );
    expect(
      filedInRegion.enforcementCases.edges
        .filter((edge) => edge.node.plateNumber === plate)
        .map((edge) => edge.node.caseNumber),
    ).toEqual([caseNumber]);

    // Nanjing's and Zhejiang's officers see neither the record nor the case.
    for (const username of ['nj-enforcement-officer', 'zj-enforcement-officer']) {
      const token = await tokenFor(username);
      expect((await query(token, RECORDS_OF_PLATE, { plate })).overloadRecords).toEqual({
        totalCount: 0,
        edges: [],
      });
      expect(
        await query(
          token,
          gql(`query OverloadCaseSeen($number: String!) { enforcementCase(caseNumber: $number) { caseNumber } }`),
          { number: caseNumber },
        ),
      ).toEqual({ enforcementCase: null });
    }
  });

  it("a draft awaits a supervisor's filing approval: the officer of the county sees it pending, the supervisor approves it, and the next overload opens a new draft", async () => {
    const plate = newPlate('苏A');
    await submit([detection(plate, 55_000, { stationCode: JIANGNING_STATION })]);
    const officer = await tokenFor('nj-enforcement-officer');
    const seen = await query(officer, RECORDS_OF_PLATE, { plate });
    const caseNumber = seen.overloadRecords.edges[0].node.case!.caseNumber;
    expect(seen.overloadRecords.edges[0].node.case).toMatchObject({ status: 'FILING_PENDING', regionCode: '320115' });
    const pending = await query(
      officer,
      gql(
        `query JiangningFilingsPending { enforcementCases(regionCode: "320115", status: FILING_PENDING, first: 100) { edges { node { caseNumber } } } }`,
      ),
    );
    expect(pending.enforcementCases.edges.map((edge) => edge.node.caseNumber)).toContain(caseNumber);

    const APPROVE = gql(
      `mutation ApproveOverloadDraft($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { caseNumber status filingApprovedBy steps { action } } } }`,
    );
    const byOfficer = await graphql(APPROVE, { input: { caseNumber } }, { token: officer });
    expect(codeOf(byOfficer.errors)).toMatchObject({ code: 'FORBIDDEN' });
    const approved = await query(await tokenFor('js-enforcement-supervisor'), APPROVE, {
      input: { caseNumber, comment: '超限数据经复核属实，同意立案' },
    });
    expect(approved.approveCaseFiling.case).toMatchObject({
      status: 'FILED',
      filingApprovedBy: 'js-enforcement-supervisor',
      steps: [{ action: 'FILING_SUBMITTED' }, { action: 'FILING_APPROVED' }],
    });

    // An opened case takes no more records: the vehicle's next overload is a new draft, pending again.
    await submit([
      detection(plate, 54_000, {
        stationCode: JIANGNING_STATION,
        detectedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      }),
    ]);
    const after = await query(officer, RECORDS_OF_PLATE, { plate });
    expect(after.overloadRecords.edges.map((edge) => edge.node.case?.status)).toEqual(['FILING_PENDING', 'FILED']);
    expect(new Set(after.overloadRecords.edges.map((edge) => edge.node.case?.caseNumber)).size).toBe(2);
  });

  it('joins a second overload of the vehicle to its draft and answers each record of a mixed batch on its own', async () => {
    const plate = newPlate('苏E');
    await submit([detection(plate, 52_000)]);
    const batch = await submit([
      detection(plate, 53_000),
      detection(plate, 40_000),
      detection('苏I12345', 40_000),
      detection(plate, 40_000, { detectedAt: new Date(Date.now() + 3600_000).toISOString() }),
    ]);
    expect(batch).toMatchObject({ acceptedCount: 2, duplicateCount: 0, rejectedCount: 2 });
    expect(
      batch.results.map((result) => [
        result.outcome,
        result.overloaded,
        result.problems.map((problem) => problem.field),
      ]),
    ).toEqual([
      ['ACCEPTED', true, []],
      ['ACCEPTED', false, []],
      ['REJECTED', null, ['records[2].plateNumber']],
      ['REJECTED', null, ['records[3].detectedAt']],
    ]);
    const records = await query(await tokenFor('js-enforcement-supervisor'), RECORDS_OF_PLATE, {
      plate,
    });
    expect(records.overloadRecords.totalCount).toBe(3);
    const cases = new Set(
      records.overloadRecords.edges.filter((edge) => edge.node.overloaded).map((edge) => edge.node.case?.caseNumber),
    );
    expect(cases.size).toBe(1);
    expect(records.overloadRecords.edges.find((edge) => !edge.node.overloaded)?.node.case).toBeNull();
  });

  it('records a batch sent twice at once exactly once, with one draft per vehicle', async () => {
    const plates = [newPlate('苏E'), newPlate('苏E')];
    const batch = Array.from({ length: 40 }, (_, index) =>
      detection(plates[index % 2], index % 4 < 2 ? 56_000 : 40_000),
    );
    const [left, right] = await Promise.all([submit(batch), submit(batch)]);
    expect(left.acceptedCount + right.acceptedCount).toBe(40);
    expect(left.duplicateCount + right.duplicateCount).toBe(40);
    batch.forEach((_, index) =>
      expect([left.results[index].outcome, right.results[index].outcome].sort()).toEqual(['ACCEPTED', 'DUPLICATE']),
    );
    const supervisor = await tokenFor('js-enforcement-supervisor');
    for (const plate of plates) {
      const records = await query(supervisor, RECORDS_OF_PLATE, { plate, first: 30 });
      expect(records.overloadRecords.totalCount).toBe(20);
      const cases = new Set(
        records.overloadRecords.edges.filter((edge) => edge.node.overloaded).map((edge) => edge.node.case?.caseNumber),
      );
      expect(cases.size).toBe(1);
    }
  });

  it("links an over-limit record to the enterprise through the vehicle projection, so the enterprise's single window shows the draft", async () => {
    const admin = await tokenFor('ministry-admin');
    const enterprise = await story(admin).enterprise('320583', '超限测试运输有限公司');
    const plate = await enterprise.vehicle();
    await submit([detection(plate, 58_000)]);
    const supervisor = await tokenFor('js-enforcement-supervisor');
    // licensing's vehicle.registered reaches enforcement asynchronously, before or after the record.
    const record = await eventually(async () => {
      const data = await query(supervisor, RECORDS_OF_PLATE, { plate });
      expect(data.overloadRecords.edges[0]?.node.enterprise).toEqual({ creditCode: enterprise.creditCode });
      expect(data.overloadRecords.edges[0]?.node.case?.creditCode).toBe(enterprise.creditCode);
      return data.overloadRecords.edges[0].node;
    });
    const view = await query(
      supervisor,
      gql(
        `query EnterpriseOverloadCases($code: String!) { enterprise(creditCode: $code) { name enforcementCases(first: 10) { edges { node { caseNumber status vehicle { plateNumber vehicleType } } } } } }`,
      ),
      { code: enterprise.creditCode },
    );
    expect(view.enterprise?.name).toBe('超限测试运输有限公司');
    expect(view.enterprise?.enforcementCases?.edges.map((edge) => edge.node)).toEqual([
      {
        caseNumber: record.case!.caseNumber,
        status: 'FILING_PENDING',
        vehicle: { plateNumber: plate, vehicleType: '重型半挂牵引车' },
      },
    ]);
  });

  it("shows the seeded demo station's draft, pending approval, to Nanjing, named after the owner the registry announced", async () => {
    const officer = await tokenFor('nj-enforcement-officer');
    await eventually(async () => {
      const data = await query(officer, RECORDS_OF_PLATE, { plate: '苏E88888' });
      const overloaded = data.overloadRecords.edges.filter((edge) => edge.node.overloaded);
      expect(overloaded).toHaveLength(2);
      expect(new Set(overloaded.map((edge) => edge.node.case?.caseNumber)).size).toBe(1);
      expect(overloaded[0].node.case).toMatchObject({
        status: 'FILING_PENDING',
        regionCode: '320115',
        creditCode: '91320583MA1NQ2W40E',
      });
    });
  });

  it("refuses a document not registered for the station, and a station outside the client's region", async () => {
    const adHoc = await graphql(
      `
        {
          overloadRecords {
            totalCount
          }
        }
      `,
      {},
      { token: station },
    );
    expect(adHoc.status).toBe(403);
    expect(codeOf(adHoc.errors)).toEqual({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });
    const widened = await graphql(
      SUBMIT.replace('rejectedCount', 'rejectedCount\n    results { index }'),
      { input: { records: [detection(newPlate('苏E'), 40_000)] } },
      { token: station },
    );
    expect(codeOf(widened.errors)).toEqual({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });

    const outside = await graphql<SubmitOverloadRecordsMutation>(
      SUBMIT,
      { input: { records: [detection(newPlate('浙A'), 56_000, { stationCode: '3301060001' })] } },
      { token: station },
    );
    expect(codeOf(outside.errors)).toMatchObject({ code: 'FORBIDDEN' });
    expect(outside.errors?.[0]?.message).toBe(
      'records[0].stationCode: station 3301060001 lies outside your region 320000; nothing was recorded',
    );
  });

  it("may send only the registered operation's hash", async () => {
    const response = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${station}` },
      body: JSON.stringify({
        variables: { input: { records: [detection(newPlate('苏E'), 30_000)] } },
        extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(SUBMIT).digest('hex') } },
      }),
    });
    const body = (await response.json()) as { data?: SubmitOverloadRecordsMutation; errors?: GraphQLErrorBody[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.submitOverloadRecords).toMatchObject({ acceptedCount: 1 });
  });

  it('is refused to officers: only stations submit', async () => {
    const result = await graphql(
      SUBMIT,
      { input: { records: [detection(newPlate('苏E'), 56_000)] } },
      { token: await tokenFor('ministry-admin') },
    );
    expect(codeOf(result.errors)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
