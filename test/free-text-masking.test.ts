import { randomInt } from 'node:crypto';
import { fieldsOfKind, TextKind } from '../platform/graphql/text-fields';
import { AUDIT_TEXT_FIELDS } from '../gateway/audit/audit.text-fields';
import { CREDIT_TEXT_FIELDS } from '../subgraphs/credit/credit.text-fields';
import { LICENSING_TEXT_FIELDS } from '../subgraphs/licensing/licensing.text-fields';
import { SAFETY_TEXT_FIELDS } from '../subgraphs/safety/safety.text-fields';
import { STATISTICS_TEXT_FIELDS } from '../subgraphs/statistics/statistics.text-fields';
import {
  expectFreeTextInFull,
  expectFreeTextMasked,
  MASKED_MARK,
  PERSONAL_TEXT,
  purposeHeaders,
  SHORT_PERSONAL_TEXT,
  valuesOfKind,
  withTypenames,
} from './harness/free-text';
import { attachRequiredMaterials } from './harness/permit-materials';
import { eventually, graphql, tokenFor } from './harness/single-window.client';
import { newCreditCode, newPlate, petrolWaybill, story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Item by item, every free-text field of each department's schema (the FREE_TEXT rules of
// <subgraph>.text-fields.ts) is written with a resident ID, phone numbers in several forms, a landline, a
// bank card and an e-mail address, then read through the gateway: masked for officers without pii-reader
// and for a pii-reader who declared no purpose, in full for a pii-reader who declared one. Enforcement's
// fields are in free-text-masking-enforcement.test.ts.

/** Runs a document, failing on any error. */
async function run<TData>(
  username: string,
  document: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<TData> {
  const result = await graphql<TData>(withTypenames(document), variables, { token: await tokenFor(username), headers });
  if (result.errors?.length || !result.data) throw new Error(`${username}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function refused(username: string, document: string, variables: Record<string, unknown>) {
  const result = await graphql(document, variables, { token: await tokenFor(username) });
  return result.errors?.[0]?.extensions;
}

const ADMIN = 'ministry-admin';

describe('free text of licensing', () => {
  // Printed on the public electronic certificate, these refuse personal information when written.
  const PUBLIC_TEXT = ['Enterprise.name', 'PermitApplication.scope', 'Permit.scope'];
  let read: Record<string, unknown>;
  const READ = `query ($app: String!, $route: String!, $permit: String!, $plate: String!) {
    permitApplication(applicationNumber: $app) {
      scope decisionComment materials { fileName } history { comment } returnNotice { note }
      review { opinion } deadlineExtension { reason comment }
      applicant { name legalRepresentative address }
    }
    route: permitApplication(applicationNumber: $route) { routeSegments { comment } history { comment } }
    permit(number: $permit) { scope statusHistory { reason } holder { address } }
    vehicle(plateNumber: $plate) { vehicleType owner { legalRepresentative } }
  }`;
  let variables: Record<string, string>;

  beforeAll(async () => {
    const creditCode = newCreditCode('320104');
    const register = `mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { creditCode } } }`;
    const enterprise = { creditCode, legalRepresentative: '王五', regionCode: '320104', address: PERSONAL_TEXT };
    expect(await refused(ADMIN, register, { input: { ...enterprise, name: PERSONAL_TEXT } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
    await run(ADMIN, register, { input: { ...enterprise, name: '自由文本测试运输有限公司' } });
    const plate = newPlate();
    await run(
      ADMIN,
      `mutation ($input: RegisterVehicleInput!) { registerVehicle(input: $input) { vehicle { plateNumber } } }`,
      {
        input: {
          plateNumber: plate,
          ownerCreditCode: creditCode,
          vehicleType: SHORT_PERSONAL_TEXT,
          category: 'FREIGHT',
          approvedLoadKg: 40000,
          transportCertificateNumber: `苏交运管${randomInt(1e9)}`,
          regionCode: '320104',
        },
      },
    );
    const act = async (mutation: string, inputType: string, input: Record<string, unknown>) =>
      run<Record<string, { application: { applicationNumber: string }; permit: { number: string } | null }>>(
        ADMIN,
        `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { application { applicationNumber } permit { number } } }`,
        { input },
      ).then((data) => data[mutation]);
    const submission = { creditCode, kind: 'ROAD_PASSENGER_TRANSPORT', regionCode: '320104' };
    expect(
      await refused(
        ADMIN,
        `mutation ($input: SubmitPermitApplicationInput!) { submitPermitApplication(input: $input) { application { applicationNumber } } }`,
        { input: { ...submission, scope: PERSONAL_TEXT } },
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope' });
    const app = (
      await act('submitPermitApplication', 'SubmitPermitApplicationInput', { ...submission, scope: '班车客运' })
    ).application.applicationNumber;
    const token = await tokenFor(ADMIN);
    await attachRequiredMaterials(token, app, 'ROAD_PASSENGER_TRANSPORT', ['APPLICATION_FORM', 'ROUTE_PLAN']);
    await act('returnPermitApplication', 'ReturnPermitApplicationInput', {
      applicationNumber: app,
      missingMaterialCodes: ['APPLICATION_FORM', 'ROUTE_PLAN'],
      note: PERSONAL_TEXT,
    });
    await run(
      ADMIN,
      `mutation ($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id } } }`,
      {
        input: {
          applicationNumber: app,
          materialCode: 'APPLICATION_FORM',
          fileName: `${PERSONAL_TEXT}.pdf`,
          contentBase64: Buffer.from('%PDF-1.7').toString('base64'),
        },
      },
    );
    await attachRequiredMaterials(token, app, 'ROAD_PASSENGER_TRANSPORT', ['APPLICATION_FORM']);
    await act('resubmitPermitApplication', 'ResubmitPermitApplicationInput', {
      applicationNumber: app,
      comment: PERSONAL_TEXT,
    });
    await act('acceptPermitApplication', 'ApplicationActionInput', { applicationNumber: app });
    await act('requestDeadlineExtension', 'RequestDeadlineExtensionInput', {
      applicationNumber: app,
      reason: PERSONAL_TEXT,
    });
    await act('approveDeadlineExtension', 'DecideDeadlineExtensionInput', {
      applicationNumber: app,
      comment: PERSONAL_TEXT,
    });
    await act('reviewPermitApplication', 'ReviewPermitApplicationInput', {
      applicationNumber: app,
      recommendation: 'APPROVE',
      opinion: PERSONAL_TEXT,
    });
    const permit = (
      await act('approvePermitApplication', 'ApprovePermitApplicationInput', {
        applicationNumber: app,
        conditions: PERSONAL_TEXT,
      })
    ).permit!.number;
    await run(ADMIN, `mutation ($input: SuspendPermitInput!) { suspendPermit(input: $input) { permit { number } } }`, {
      input: { permitNumber: permit, reason: PERSONAL_TEXT },
    });
    const route = (
      await act('submitPermitApplication', 'SubmitPermitApplicationInput', {
        creditCode,
        kind: 'CROSS_PROVINCE_OVERSIZE_TRANSPORT',
        scope: '南京—杭州 变压器运输',
        regionCode: '320000',
        routeProvinceCodes: ['320000', '330000'],
      })
    ).application.applicationNumber;
    await attachRequiredMaterials(token, route, 'CROSS_PROVINCE_OVERSIZE_TRANSPORT');
    await act('acceptPermitApplication', 'ApplicationActionInput', { applicationNumber: route });
    await act('approveRouteSegment', 'RouteSegmentDecisionInput', {
      applicationNumber: route,
      provinceCode: '320000',
      comment: PERSONAL_TEXT,
    });
    variables = { app, route, permit, plate };
    read = await run('js-licensing-reviewer', READ, variables);
  });

  it('is masked for a licensing reviewer without pii-reader, in every free-text field', () => {
    expectFreeTextMasked(read, LICENSING_TEXT_FIELDS, PUBLIC_TEXT);
  });

  it('shows the legal representative masked as a name', () => {
    expect([...valuesOfKind(read, LICENSING_TEXT_FIELDS, TextKind.PERSON_NAME).values()].flat()).toEqual([
      '王*',
      '王*',
    ]);
  });

  it('is masked for a pii-reader who declared no purpose, and shown in full once one is declared', async () => {
    expectFreeTextMasked(await run(ADMIN, READ, variables), LICENSING_TEXT_FIELDS, PUBLIC_TEXT);
    const inFull = await run(ADMIN, READ, variables, purposeHeaders('LICENSING_REVIEW', '审查许可申请'));
    expectFreeTextInFull(inFull, LICENSING_TEXT_FIELDS, PUBLIC_TEXT);
    expect([...valuesOfKind(inFull, LICENSING_TEXT_FIELDS, TextKind.PERSON_NAME).values()].flat()).toContain('王五');
  });
});

describe('free text of credit', () => {
  // Disclosures are written from events, which carry causes and summaries masked (no personal information);
  // a correction's public fields refuse personal information, so their before and after values hold none.
  const FROM_EVENTS = [
    'CreditDisclosure.matter',
    'CreditDisclosure.content',
    'DisclosureFieldChange.before',
    'DisclosureFieldChange.after',
  ];
  let creditCode: string;
  let disclosureId: string;
  const READ = `query ($code: String!, $disclosure: ID!) {
    creditProfile(creditCode: $code) { creditCode records(first: 10) { edges { node { summary sourceReference regionCode } } } }
    creditDisclosureHistory(id: $disclosure) { revisions { reason changes { field before after } } }
    creditRepairApplications(first: 5) { edges { node { creditCode executionStatement decisionReason attachments { fileName } } } }
    creditListEntries(creditCode: $code, first: 5) { edges { node { history { reason } } } }
  }`;
  const read = (username: string, headers: Record<string, string> = {}) =>
    run(username, READ, { code: creditCode, disclosure: disclosureId }, headers);
  const personalDocument = {
    fileName: `${PERSONAL_TEXT}.pdf`,
    contentBase64: Buffer.from('整改材料').toString('base64'),
  };
  beforeAll(async () => {
    // An enterprise with a disclosed penalty, which a credit officer corrects, files a repair for, refuses
    // and lists, each time typing personal information where the form takes free text.
    const enterprise = await story(await tokenFor(ADMIN)).enterprise('320104', '自由文本信用测试运输有限公司');
    creditCode = enterprise.creditCode;
    await enterprise.withDecidedCases(1, 2_000_000);
    const officer = 'js-credit-officer';
    const penalty = await eventually(async () => {
      const found = await run<{ creditDisclosures: { edges: Array<{ node: { id: string; version: number } }> } }>(
        officer,
        `query ($code: String) { creditDisclosures(creditCode: $code, first: 1) { edges { node { id version } } } }`,
        { code: creditCode },
      );
      expect(found.creditDisclosures.edges).toHaveLength(1);
      return found.creditDisclosures.edges[0].node;
    }, 30_000);
    disclosureId = penalty.id;
    await run(
      officer,
      `mutation ($input: CorrectCreditDisclosureInput!) { correctCreditDisclosure(input: $input) { disclosure { id } } }`,
      {
        input: {
          id: disclosureId,
          expectedVersion: penalty.version,
          legalBasis: '《中华人民共和国行政处罚法》第二十八条',
          reason: PERSONAL_TEXT,
        },
      },
    );
    // The minimum public period is moved into the past in credit's own schema, so repair may be applied for.
    const past = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').replace('Z', '');
    await subgraphSql('credit', 'UPDATE credit_disclosure SET repairable_from = ? WHERE id = ?', [
      past,
      Number(disclosureId),
    ]);
    const applied = await run<{ applyForCreditRepair: { application: { id: string; version: number } } }>(
      officer,
      `mutation ($input: ApplyForCreditRepairInput!) { applyForCreditRepair(input: $input) { application { id version } } }`,
      {
        input: {
          disclosureId,
          penaltyExecuted: true,
          executionStatement: PERSONAL_TEXT,
          commitmentLetter: personalDocument,
          correctiveEvidence: [personalDocument],
        },
      },
    );
    await run(
      officer,
      `mutation ($input: DecideCreditRepairInput!) { refuseCreditRepair(input: $input) { application { id } } }`,
      {
        input: {
          id: applied.applyForCreditRepair.application.id,
          expectedVersion: applied.applyForCreditRepair.application.version,
          reason: PERSONAL_TEXT,
        },
      },
    );
    await eventually(
      () =>
        run(
          officer,
          `mutation ($input: ListCreditSubjectInput!) { listCreditSubject(input: $input) { entry { id } } }`,
          {
            input: {
              creditCode,
              criterion: 'FRAUDULENT_LICENSING',
              regionCode: '320104',
              documentNumbers: ['苏交许罚〔2026〕1号'],
              reason: PERSONAL_TEXT,
            },
          },
        ),
      30_000,
    );
    await run(
      'js-credit-officer',
      `mutation ($input: RecordCreditInput!) { recordCredit(input: $input) { record { sourceReference } } }`,
      {
        input: {
          creditCode,
          kind: 'COMMENDATION',
          regionCode: '320104',
          summary: PERSONAL_TEXT,
          decidedAt: new Date(Date.now() - 3600_000).toISOString(),
          sourceReference: `XY-${creditCode}`,
        },
      },
    );
  });

  it('refuses personal information in a reference, which identifies the record and is looked up', async () => {
    const refused = await graphql(
      `
        mutation ($input: RecordCreditInput!) {
          recordCredit(input: $input) {
            record {
              sourceReference
            }
          }
        }
      `,
      {
        input: {
          creditCode,
          kind: 'COMMENDATION',
          regionCode: '320104',
          summary: '表彰',
          decidedAt: new Date(Date.now() - 3600_000).toISOString(),
          sourceReference: SHORT_PERSONAL_TEXT,
        },
      },
      { token: await tokenFor('js-credit-officer') },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceReference' });
  });

  it('is masked for the credit officer who wrote it and for a pii-reader without a purpose', async () => {
    expectFreeTextMasked(await read('js-credit-officer'), CREDIT_TEXT_FIELDS, FROM_EVENTS);
    expectFreeTextMasked(await read(ADMIN), CREDIT_TEXT_FIELDS, FROM_EVENTS);
  });

  it('is shown in full to a pii-reader who declared a purpose', async () => {
    const headers = purposeHeaders('CREDIT_ASSESSMENT', '信用评价');
    expectFreeTextInFull(await read(ADMIN, headers), CREDIT_TEXT_FIELDS, FROM_EVENTS);
  });
});

describe('free text of safety', () => {
  const READ = `query ($number: String!, $cancelled: String!, $inspection: ID!, $accident: ID!) {
    waybill(waybillNumber: $number) { shipperName consigneeName loaderName goodsName cancellationReason }
    cancelled: waybill(waybillNumber: $cancelled) { shipperName consigneeName loaderName goodsName cancellationReason }
    safetyInspection(id: $inspection) {
      inspectors findings hazards { description rectificationNote verificationNote evidence { fileName } }
    }
    accident(id: $accident) { location summary reports { note } }
    safetyAlerts(regionCode: "320104", status: CLOSED, first: 100) { edges { node { disposition } } } }`;
  let variables: Record<string, string>;
  beforeAll(async () => {
    const carrier = await story(await tokenFor(ADMIN)).enterprise('320104', '自由文本危货运输有限公司');
    const plate = await carrier.hazardousGoodsCarrier();
    const create = async () =>
      (
        await run<{ createWaybill: { waybill: { waybillNumber: string } } }>(
          'js-safety-officer',
          `mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybill { waybillNumber } } }`,
          {
            input: {
              ...petrolWaybill(carrier.creditCode, plate, '320104'),
              shipperName: PERSONAL_TEXT,
              consigneeName: PERSONAL_TEXT,
              loaderName: PERSONAL_TEXT,
              goodsName: PERSONAL_TEXT,
            },
          },
        )
      ).createWaybill.waybill.waybillNumber;
    variables = { number: await create(), cancelled: await create() };
    await run(
      'js-safety-officer',
      `mutation ($input: CancelWaybillInput!) { cancelWaybill(input: $input) { waybill { status } } }`,
      { input: { waybillNumber: variables.cancelled, reason: PERSONAL_TEXT } },
    );
    const photo = Buffer.from('photo').toString('base64');
    const inspection = await run<{
      recordSafetyInspection: { inspection: { id: string; hazards: Array<{ id: string }> } };
    }>(
      'js-safety-officer',
      `mutation ($input: RecordSafetyInspectionInput!) {
        recordSafetyInspection(input: $input) { inspection { id hazards { id } } } }`,
      {
        input: {
          creditCode: newCreditCode('320104'),
          regionCode: '320104',
          inspectedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
          inspectors: [SHORT_PERSONAL_TEXT],
          findings: PERSONAL_TEXT,
          hazards: [
            {
              level: 'GENERAL',
              description: PERSONAL_TEXT,
              evidence: [{ fileName: `${PERSONAL_TEXT}.jpg`, contentBase64: photo }],
            },
          ],
        },
      },
    );
    const hazardId = inspection.recordSafetyInspection.inspection.hazards[0].id;
    await run(
      'js-safety-officer',
      `mutation ($input: ReportHazardRectificationInput!) { reportHazardRectification(input: $input) { hazard { id } } }`,
      { input: { hazardId, note: PERSONAL_TEXT, evidence: [{ fileName: 'fixed.jpg', contentBase64: photo }] } },
    );
    // A failed verification keeps its opinion on the reopened hazard.
    await run(
      ADMIN,
      `mutation ($input: VerifyHazardRectificationInput!) { verifyHazardRectification(input: $input) { hazard { id } } }`,
      { input: { hazardId, passed: false, note: PERSONAL_TEXT } },
    );
    const accident = await run<{ reportAccident: { accident: { id: string } } }>(
      'js-safety-officer',
      `mutation ($input: ReportAccidentInput!) { reportAccident(input: $input) { accident { id } } }`,
      {
        input: {
          plateNumber: newPlate(),
          occurredAt: new Date(Date.now() - 3600_000).toISOString(),
          regionCode: '320104',
          location: PERSONAL_TEXT,
          summary: PERSONAL_TEXT,
          severity: 'GENERAL',
          deaths: 0,
          injuries: 0,
          directLossFen: 0,
        },
      },
    );
    // A monitoring alert on the carrier's tanker, closed with a disposition the officer typed.
    await subgraphSql(
      'safety',
      `INSERT INTO safety_alert (kind, plate_number, owner_credit_code, region_code, occurred_at, description_zh,
         description_en, status, raised_at, version) VALUES ('SPEEDING', ?, ?, '320104', ?, '超速', 'Speeding', 'OPEN', ?, 1)`,
      [plate, carrier.creditCode, '2026-12-01 02:00:00', '2026-12-01 02:00:00'],
    );
    const [alert] = await subgraphSql<{ id: number }>('safety', 'SELECT id FROM safety_alert WHERE plate_number = ?', [
      plate,
    ]);
    await run(
      'js-safety-officer',
      `mutation ($input: CloseSafetyAlertInput!) { closeSafetyAlert(input: $input) { alert { status } } }`,
      { input: { alertId: Number(alert.id), disposition: PERSONAL_TEXT } },
    );
    variables.inspection = inspection.recordSafetyInspection.inspection.id;
    variables.accident = accident.reportAccident.accident.id;
  });

  it('is masked for the safety officer and for a pii-reader without a purpose', async () => {
    expectFreeTextMasked(await run('js-safety-officer', READ, variables), SAFETY_TEXT_FIELDS);
    expectFreeTextMasked(await run(ADMIN, READ, variables), SAFETY_TEXT_FIELDS);
  });

  it('is shown in full to a pii-reader who declared a purpose', async () => {
    const headers = purposeHeaders('SAFETY_SUPERVISION', '危货运输监管');
    expectFreeTextInFull(await run(ADMIN, READ, variables, headers), SAFETY_TEXT_FIELDS);
  });
});

describe('free text of statistics', () => {
  it('has none: its text fields are codes and GB/T 2260 region names, so nothing typed is served', () => {
    expect(fieldsOfKind(STATISTICS_TEXT_FIELDS, TextKind.FREE_TEXT)).toEqual([]);
    expect(Object.values(STATISTICS_TEXT_FIELDS).flatMap((fields) => Object.values(fields))).not.toContain(
      TextKind.PERSON_NAME,
    );
  });
});

describe('free text of the audit trail', () => {
  it('keeps the variables and the purpose reason a caller typed masked, for administrators too', async () => {
    const operationName = `FreeTextAudit${randomInt(1e9)}`;
    await graphql(
      `query ${operationName}($code: String!) { creditProfile(creditCode: $code) { rating } }`,
      { code: newCreditCode('320104'), note: PERSONAL_TEXT },
      {
        token: await tokenFor('ministry-admin'),
        headers: purposeHeaders('CREDIT_ASSESSMENT', PERSONAL_TEXT),
      },
    );
    const READ = `query ($name: String!) { auditRecords(operationName: $name, first: 5) { edges { node {
      operationName purposeReason variables } } } }`;
    const records = await run<{ auditRecords: { edges: Array<{ node: { variables: string } }> } }>(
      ADMIN,
      READ,
      { name: operationName },
      purposeHeaders('JUDICIAL_ASSISTANCE', '审计核查'),
    );
    expect(records.auditRecords.edges).toHaveLength(1);
    expectFreeTextMasked(records, AUDIT_TEXT_FIELDS);
    expect(records.auditRecords.edges[0].node.variables).toContain(MASKED_MARK);
  });
});
