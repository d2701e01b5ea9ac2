import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityReferences } from '../scripts/entity-references';
import { COMPOSED_SUBGRAPHS } from '../scripts/supergraph.composer';
import { attachRequiredMaterials } from './harness/permit-materials';
import { PROJECT_ROOT } from './harness/service-processes';
import { graphql, query, tokenFor, type GraphQLResponse } from './harness/single-window.client';
import { newPlate, petrolWaybill, story } from './harness/story';

// An enterprise or vehicle outside the caller's region, reached from another department's record (an
// overload record, a case, a waybill) or from a permit, comes back as a clean null at the field that
// refers to it: no error, the rest of the answer intact. Every such field of the schema is tried, for
// both entity types; a caller who may read the entity gets it.

const ADMIN = 'ministry-admin';

async function answer(username: string, document: string, variables: Record<string, unknown> = {}) {
  return graphql<Record<string, Record<string, unknown> | null>>(document, variables, {
    token: await tokenFor(username),
  });
}

/** No error, and no report of a value the gateway had to null (@apollo/gateway's `extensions.valueCompletion`). */
function expectNoReport(response: GraphQLResponse<unknown>): void {
  expect(response.errors).toBeUndefined();
  expect(response.extensions?.valueCompletion).toBeUndefined();
}

/** The answer has no error or report and holds `null` at each named field of the named root field. */
function expectCleanNulls(response: GraphQLResponse<Record<string, unknown>>, root: string, fields: string[]): void {
  expectNoReport(response);
  const record = response.data?.[root] as Record<string, unknown> | null | undefined;
  expect(record).toBeTruthy();
  for (const field of fields) expect({ field, value: record![field] }).toEqual({ field, value: null });
}

describe('references to an entity the caller may not read', () => {
  const tested = new Set<string>();
  let hangzhou: { creditCode: string; plate: string };
  let jiangsuPlate: string;
  let caseNumber: string;
  let waybillNumber: string;
  let applicationNumber: string;
  let permitNumber: string;

  beforeAll(async () => {
    const admin = await tokenFor(ADMIN);
    // An enterprise and its vehicle registered in Hangzhou, outside every Jiangsu officer's region.
    const enterprise = await story(admin).enterprise('330106', '杭州引用测试物流有限公司');
    hangzhou = { creditCode: enterprise.creditCode, plate: await enterprise.hazardousGoodsCarrier() };
    // A Jiangsu vehicle owned by it.
    jiangsuPlate = newPlate();
    await query(
      admin,
      `mutation ($input: RegisterVehicleInput!) { registerVehicle(input: $input) { vehicle { plateNumber } } }`,
      {
        input: {
          plateNumber: jiangsuPlate,
          ownerCreditCode: enterprise.creditCode,
          vehicleType: '重型半挂牵引车',
          category: 'FREIGHT',
          approvedLoadKg: 40000,
          transportCertificateNumber: `苏交运管${randomInt(1e9)}`,
          regionCode: '320104',
        },
      },
    );
    const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
      await tokenFor('nj-enforcement-officer'),
      `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
      {
        input: {
          regionCode: '320102',
          cause: '外省车辆超限运输',
          creditCode: hangzhou.creditCode,
          plateNumber: hangzhou.plate,
        },
      },
    );
    caseNumber = filed.fileCase.case.caseNumber;
    const created = await query<{ createWaybill: { waybill: { waybillNumber: string } } }>(
      await tokenFor('js-safety-officer'),
      `mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybill { waybillNumber } } }`,
      {
        input: { ...petrolWaybill(hangzhou.creditCode, hangzhou.plate, '320104'), shipperName: '南京化工有限公司' },
      },
    );
    waybillNumber = created.createWaybill.waybill.waybillNumber;
    // A Nanjing permit of the Hangzhou enterprise, granted by the ministry's officers.
    const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
      admin,
      `mutation ($input: SubmitPermitApplicationInput!) { submitPermitApplication(input: $input) { application { applicationNumber } } }`,
      {
        input: {
          creditCode: hangzhou.creditCode,
          kind: 'ROAD_FREIGHT_TRANSPORT',
          scope: '普通货运',
          regionCode: '320104',
        },
      },
    );
    applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
    await attachRequiredMaterials(admin, applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
    await query(
      admin,
      `mutation ($input: ApplicationActionInput!) { acceptPermitApplication(input: $input) { application { status } } }`,
      { input: { applicationNumber } },
    );
    const approved = await query<{ approvePermitApplication: { permit: { number: string } } }>(
      admin,
      `mutation ($input: ApprovePermitApplicationInput!) { approvePermitApplication(input: $input) { permit { number } } }`,
      { input: { applicationNumber } },
    );
    permitNumber = approved.approvePermitApplication.permit.number;
  });

  it('answers the README’s overload-records example for the Nanjing officer with a clean null enterprise', async () => {
    // The demo station in 江宁区 weighed 苏E88888, registered in 昆山 with its owner: outside Nanjing.
    const response = await answer(
      'nj-enforcement-officer',
      `{ overloadRecords(plateNumber: "苏E88888", first: 10) { totalCount edges { node {
        stationCode detectedAt axleCount grossWeightKg limitKg excessKg overloaded
        enterprise { name } vehicle { vehicleType } case { caseNumber status cause overloadRecords { totalCount } } } } } }`,
    );
    expectNoReport(response);
    const nodes = (response.data!.overloadRecords as { edges: Array<{ node: Record<string, unknown> }> }).edges.map(
      (edge) => edge.node,
    );
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes)
      expect(node).toMatchObject({ stationCode: '3201150001', enterprise: null, vehicle: null });
    expect(nodes.some((node) => node.case !== null)).toBe(true);
    // The ministry reads the same records with their owner.
    const national = await answer(
      ADMIN,
      `{ overloadRecords(plateNumber: "苏E88888", first: 1) { edges { node { enterprise { name } vehicle { vehicleType } } } } }`,
    );
    expectNoReport(national);
    expect(JSON.stringify(national.data)).toMatch(
      /"enterprise":\{"name":"[^"]+"\},"vehicle":\{"vehicleType":"[^"]+"\}/,
    );
    tested.add('OverloadRecord.enterprise').add('OverloadRecord.vehicle');
  });

  it('answers a case against an enterprise and vehicle of another province with clean nulls', async () => {
    const document = `query ($number: String!) { enforcementCase(caseNumber: $number) {
      caseNumber creditCode plateNumber enterprise { name creditCode } vehicle { vehicleType plateNumber } } }`;
    expectCleanNulls(await answer('nj-enforcement-officer', document, { number: caseNumber }), 'enforcementCase', [
      'enterprise',
      'vehicle',
    ]);
    const national = await answer(ADMIN, document, { number: caseNumber });
    expectNoReport(national);
    expect(national.data!.enforcementCase).toMatchObject({
      enterprise: { name: '杭州引用测试物流有限公司', creditCode: hangzhou.creditCode },
      vehicle: { plateNumber: hangzhou.plate },
    });
    tested.add('EnforcementCase.enterprise').add('EnforcementCase.vehicle');
  });

  it('answers a waybill whose carrier and vehicle are registered in another province with clean nulls', async () => {
    const document = `query ($number: String!) { waybill(waybillNumber: $number) {
      waybillNumber carrierCreditCode carrier { name } vehicle { vehicleType transportCertificateNumber } } }`;
    expectCleanNulls(await answer('js-safety-officer', document, { number: waybillNumber }), 'waybill', [
      'carrier',
      'vehicle',
    ]);
    const national = await answer(ADMIN, document, { number: waybillNumber });
    expectNoReport(national);
    expect(national.data!.waybill).toMatchObject({ carrier: { name: '杭州引用测试物流有限公司' } });
    tested.add('Waybill.carrier').add('Waybill.vehicle');
  });

  it('answers a permit, an application and a vehicle whose holder lies in another province with clean nulls', async () => {
    const officer = 'js-licensing-officer';
    expectCleanNulls(
      await answer(officer, `query ($n: String!) { permit(number: $n) { number holder { name } } }`, {
        n: permitNumber,
      }),
      'permit',
      ['holder'],
    );
    expectCleanNulls(
      await answer(
        officer,
        `query ($n: String!) { permitApplication(applicationNumber: $n) { applicationNumber applicant { name } } }`,
        { n: applicationNumber },
      ),
      'permitApplication',
      ['applicant'],
    );
    expectCleanNulls(
      await answer(officer, `query ($p: String!) { vehicle(plateNumber: $p) { plateNumber owner { name } } }`, {
        p: jiangsuPlate,
      }),
      'vehicle',
      ['owner'],
    );
    tested.add('Permit.holder').add('PermitApplication.applicant').add('Vehicle.owner');
  });

  it('has tried every field of the schema that returns another subgraph’s entity', () => {
    const sdl = Object.fromEntries(
      COMPOSED_SUBGRAPHS.map((name) => [name, readFileSync(join(PROJECT_ROOT, 'schema', `${name}.graphql`), 'utf8')]),
    );
    const references = entityReferences(sdl).map((reference) => reference.field);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((field) => !tested.has(field))).toEqual([]);
  });
});
