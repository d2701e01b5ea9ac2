import { readFileSync } from 'node:fs';
import { requiredMaterialInputs } from '../harness/permit-materials';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { PROJECT_ROOT } from '../harness/service-processes';
import { clientToken, eventually, query } from '../harness/single-window.client';
import { newCreditCode, newPlate, petrolWaybill, story } from '../harness/story';
import { subgraphSql } from '../harness/subgraph-database';
import { creditDisclosureFixture, creditRepairFixture } from './credit.fixtures';
import { safetyAlert } from './safety-alert.fixtures';
import { listEntries, listEntryFixtures } from './credit-list.fixtures';
import { batchMutation, vehicleFixtures } from './batch-fixtures';
import { safetyFixture } from './safety-hazards.fixtures';
import { warningThresholdFixture } from './statistics.fixtures';
import { accessItemFixture, creditGrantFixture } from './exchange.fixtures';
import {
  IN_REGION,
  OUT_REGION,
  RUN,
  runReference,
  textAt,
  type Base,
  type CaseStatus,
  type FixtureSpec,
  type ProbeContext,
} from './matrix.dsl';

// The records the matrix's cells read and act on, made by ministry-admin before any cell runs, many per
// request (aliased mutations): the base every read looks for, and one record per fixture spec claimed.

// ---------------------------------------------------------------------------------------------------
// The inputs the fixtures and the write probes send.

export const waybillInput = (origin: string, destination: string) => (context: ProbeContext) => ({
  ...petrolWaybill(context.base.jsEnterprise, context.base.jsVehicle, origin),
  shipperName: '矩阵测试化工有限公司',
  quantityKg: 10000,
  destinationRegionCode: destination,
});
export const creditInput = (region: string) => (context: ProbeContext) => ({
  creditCode: context.base.jsEnterprise,
  kind: 'COMMENDATION',
  regionCode: region,
  summary: '矩阵测试表彰',
  decidedAt: new Date(Date.now() - 60_000).toISOString(),
  sourceReference: runReference(),
});
export const caseInput = (region: string) => (context: ProbeContext) => ({
  regionCode: region,
  cause: '矩阵测试：未按规定维护运输车辆',
  creditCode: context.base.jsEnterprise,
});
export const applicationInput = (code: (base: Base) => string, region: string) => (context: ProbeContext) => ({
  creditCode: code(context.base),
  kind: 'ROAD_FREIGHT_TRANSPORT',
  scope: '普通货运',
  regionCode: region,
});
export const IN_REGION_STATION = `${IN_REGION}0001`;
export const overloadRecordInput = (stationRecordId: string) => ({
  stationCode: IN_REGION_STATION,
  stationRecordId,
  detectedAt: new Date(Date.now() - 600_000).toISOString(),
  plateNumber: newPlate('苏A'),
  axleCount: 5,
  grossWeightKg: 30_000,
});

// ---------------------------------------------------------------------------------------------------
// Claims: which records the cells need.

/** How many records of each fixture spec to make: index 0 is shared, every succeeding write gets its own. */
export class FixtureClaims {
  private readonly counts = new Map<string, { spec: FixtureSpec; count: number }>();

  claim(spec: FixtureSpec, fresh: boolean): { key: string; index: number } {
    const key = JSON.stringify(spec);
    const entry = this.counts.get(key) ?? { spec, count: 1 };
    this.counts.set(key, entry);
    if (!fresh) return { key, index: 0 };
    entry.count += 1;
    return { key, index: entry.count - 1 };
  }

  entries(): Array<[string, { spec: FixtureSpec; count: number }]> {
    return [...this.counts.entries()];
  }
}

// ---------------------------------------------------------------------------------------------------
// Fixtures: made by ministry-admin before any cell runs, many per request (aliased mutations).

export async function createBase(token: string): Promise<Base> {
  const jiangsu = await story(token).enterprise(IN_REGION, '矩阵测试江苏危货运输有限公司');
  const zhejiang = await story(token).enterprise(OUT_REGION, '矩阵测试浙江物流有限公司');
  const jsVehicle = await jiangsu.vehicle('hazardous-goods');
  const zjVehicle = newPlate('浙A');
  await query(
    token,
    `mutation ($input: RegisterVehicleInput!) { registerVehicle(input: $input) { vehicle { plateNumber } } }`,
    {
      input: {
        plateNumber: zjVehicle,
        ownerCreditCode: jiangsu.creditCode,
        vehicleType: '危险货物运输车',
        category: 'HAZARDOUS_GOODS',
        approvedLoadKg: 30000,
        hazardClasses: ['3'],
        transportCertificateNumber: `MX${randomInt(1e9)}`,
        regionCode: OUT_REGION,
      },
    },
  );
  const applications = await batchMutation(
    token,
    'submitPermitApplication',
    'SubmitPermitApplicationInput',
    [IN_REGION, OUT_REGION].map((regionCode) => ({
      creditCode: jiangsu.creditCode,
      kind: 'HAZARDOUS_GOODS_TRANSPORT',
      scope: '危险货物运输（3类）',
      hazardClasses: ['3'],
      regionCode,
    })),
    'application { applicationNumber }',
  );
  const applicationNumbers = applications.map((payload) => ({
    applicationNumber: textAt(payload, 'application.applicationNumber'),
  }));
  await batchMutation(
    token,
    'attachPermitMaterial',
    'AttachPermitMaterialInput',
    applicationNumbers.flatMap(({ applicationNumber }) =>
      requiredMaterialInputs(applicationNumber, 'HAZARDOUS_GOODS_TRANSPORT'),
    ),
    'material { id }',
  );
  await batchMutation(
    token,
    'acceptPermitApplication',
    'ApplicationActionInput',
    applicationNumbers,
    'application { status }',
  );
  const permits = await batchMutation(
    token,
    'approvePermitApplication',
    'ApprovePermitApplicationInput',
    applicationNumbers,
    'permit { number }',
  );
  const references = ['JS', 'ZJ', 'ZJE'].map((suffix) => `MX-${RUN}-${suffix}`);
  await batchMutation(
    token,
    'recordCredit',
    'RecordCreditInput',
    [
      [jiangsu.creditCode, IN_REGION],
      [jiangsu.creditCode, OUT_REGION],
      [zhejiang.creditCode, OUT_REGION],
    ].map(([creditCode, regionCode], index) => ({
      creditCode,
      kind: 'COMMENDATION',
      regionCode,
      summary: '矩阵测试：安全生产先进单位',
      decidedAt: new Date(Date.now() - 3600_000).toISOString(),
      sourceReference: references[index],
    })),
    'record { sourceReference }',
  );
  const fixtures = await story(token).enterprise(IN_REGION, '矩阵测试案件当事人有限公司');
  // Weigh-station records come only from a station's machine client, with the operation registered for it.
  const jsOverloadRecord = `MX-${RUN}-OVERLOAD`;
  const stationOperation = readFileSync(
    join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'weigh-station-js-0001', 'SubmitOverloadRecords.graphql'),
    'utf8',
  );
  const submitted = await query<{ submitOverloadRecords: { acceptedCount: number } }>(
    await clientToken('weigh-station-js-0001'),
    stationOperation,
    {
      input: { records: [overloadRecordInput(jsOverloadRecord)] },
    },
  );
  expect(submitted.submitOverloadRecords.acceptedCount).toBe(1);
  // Safety hears of the permits and the vehicle by events: wait until a waybill of them would pass.
  await eventually(async () => {
    const checked = await query<{ checkWaybill: { passed: boolean } }>(
      token,
      `query ($input: CreateWaybillInput!) { checkWaybill(input: $input) { passed failures { code } } }`,
      { input: petrolWaybill(jiangsu.creditCode, jsVehicle, IN_REGION) },
    );
    if (!checked.checkWaybill.passed) throw new Error(`safety has not heard of the matrix carrier yet`);
  });
  const jsPermit = textAt(permits[0], 'permit.number');
  const zjPermit = textAt(permits[1], 'permit.number');
  await publishedDisclosures(token, jiangsu.creditCode, [jsPermit, zjPermit]);
  const [jsOverdueDisclosure, zjOverdueDisclosure] = await overdueDisclosures([IN_REGION, OUT_REGION]);
  const listed = await story(token).enterprise(IN_REGION, '矩阵测试名单主体有限公司');
  const [jsListEntry, zjListEntry] = await listEntries(token, listed.creditCode, [IN_REGION, OUT_REGION]);
  return {
    jsEnterprise: jiangsu.creditCode,
    fixtureEnterprise: fixtures.creditCode,
    zjEnterprise: zhejiang.creditCode,
    jsVehicle,
    zjVehicle,
    jsPermit,
    zjPermit,
    jsCredit: references[0],
    zjCredit: references[1],
    zjEnterpriseCredit: references[2],
    jsOverloadRecord,
    jsOverdueDisclosure,
    zjOverdueDisclosure,
    listEnterprise: listed.creditCode,
    jsListEntry,
    zjListEntry,
  };
}

/** Waits until credit's publication job has published the licences of these permits (双公示). */
async function publishedDisclosures(token: string, creditCode: string, permits: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const data = await query<{ creditDisclosures: { edges: Array<{ node: { documentNumber: string } }> } }>(
      token,
      `query ($code: String) { creditDisclosures(creditCode: $code, first: 100) { edges { node { documentNumber } } } }`,
      { code: creditCode },
    );
    const published = new Set(data.creditDisclosures.edges.map((edge) => edge.node.documentNumber));
    if (permits.every((permit) => published.has(permit))) return;
    if (Date.now() > deadline) throw new Error(`licences ${permits.join(', ')} were not published within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Disclosures past their publication deadline, one per region. No request makes one (it takes 7 working
 * days), so they are written into credit's schema, unpublished, with a credit code no event names.
 */
async function overdueDisclosures(regions: string[]): Promise<string[]> {
  const numbers: string[] = [];
  for (const region of regions) {
    const documentNumber = `MX-${RUN}-OVERDUE-${region}`;
    await subgraphSql(
      'credit',
      `INSERT INTO credit_disclosure (kind, counterpart_name, credit_code, document_number, matter, legal_basis, content,
         authority_name, authority_code, decided_at, publication_deadline, publish_by, public_until)
       VALUES ('ADMINISTRATIVE_PENALTY', NULL, ?, ?, '矩阵测试', '矩阵测试', '矩阵测试', '矩阵测试', ?,
         '2026-01-05 02:00:00.000', '2026-01-14', '2026-01-14 16:00:00.000', '2099-01-01 00:00:00.000')`,
      [newCreditCode(region), documentNumber, region],
    );
    numbers.push(documentNumber);
  }
  return numbers;
}

/** How far each fixture status goes through the procedure; READY and HEARING branch from NOTIFIED. */
const CASE_STAGE: Record<CaseStatus, number> = {
  FILING_PENDING: 0,
  FILED: 1,
  TRANSFER_PENDING: 1,
  INVESTIGATING: 2,
  LEGAL_REVIEW: 3,
  PENALTY_PROPOSED: 4,
  NOTIFIED: 5,
  HEARING: 5,
  READY: 6,
  DECIDED: 7,
  EXECUTED: 8,
};

interface WantedCase {
  key: string;
  index: number;
  status: CaseStatus;
  region: string;
  sharedWith?: string;
  transferTo?: string;
  evidence?: boolean;
  asked?: string;
}

/**
 * Cases (with their evidence or assistance requests) through the procedure, step by step for all at
 * once. A case that a write changes (index 1 on) is against the fixture enterprise and made first; the
 * cases reads look at (index 0) are against the Jiangsu enterprise and made last, so they are the
 * newest and every list page of 100 holds them.
 */
async function createCaseFixtures(token: string, base: Base, wanted: WantedCase[]): Promise<string[]> {
  const filed = await batchMutation(
    token,
    'fileCase',
    'FileCaseInput',
    wanted.map((item) => ({
      ...caseInput(item.region)({ base, record: '' }),
      creditCode: item.index === 0 ? base.jsEnterprise : base.fixtureEnterprise,
    })),
    'case { caseNumber }',
  );
  const caseNumbers = filed.map((payload) => textAt(payload, 'case.caseNumber'));
  const reaching = (stage: number, extra: (item: WantedCase) => boolean = () => true) =>
    caseNumbers
      .filter((_, index) => CASE_STAGE[wanted[index].status] >= stage && extra(wanted[index]))
      .map((caseNumber) => ({ caseNumber }));
  await batchMutation(token, 'approveCaseFiling', 'CaseActionInput', reaching(1), 'case { status }');
  await batchMutation(token, 'startCaseInvestigation', 'CaseActionInput', reaching(2), 'case { status }');
  // A major proposal (legal review, a hearing right); the decisions below are lighter, as the law allows.
  const proposals = reaching(3).map((input) => ({
    ...input,
    penalty: 'FINE',
    fineFen: 2_000_000,
    summary: '拟罚款贰万元',
  }));
  await batchMutation(token, 'proposeCasePenalty', 'ProposeCasePenaltyInput', proposals, 'case { status }');
  await batchMutation(
    token,
    'reviewCasePenalty',
    'ReviewCasePenaltyInput',
    reaching(4).map((input) => ({ ...input, approved: true, opinion: '同意' })),
    'case { status }',
  );
  await batchMutation(token, 'notifyCasePenalty', 'CaseActionInput', reaching(5), 'case { status }');
  await batchMutation(
    token,
    'requestCaseHearing',
    'CaseActionInput',
    reaching(5, (item) => item.status === 'HEARING'),
    'case { status }',
  );
  const statements = reaching(6).map((input) => ({ ...input, statement: '无异议，放弃听证', waivesHearing: true }));
  await batchMutation(token, 'recordPartyStatement', 'RecordPartyStatementInput', statements, 'case { status }');
  await batchMutation(
    token,
    'decideCase',
    'DecideCaseInput',
    reaching(7).map((input) => ({ ...input, penalty: 'WARNING', decisionSummary: '责令改正，给予警告。' })),
    'case { status }',
  );
  await batchMutation(
    token,
    'recordCaseExecution',
    'RecordCaseExecutionInput',
    reaching(8).map((input) => ({ ...input, note: '决定书已送达' })),
    'case { status }',
  );
  const shares = wanted.flatMap((item, index) =>
    item.sharedWith ? [{ caseNumber: caseNumbers[index], regionCode: item.sharedWith, reason: '跨区域协查' }] : [],
  );
  await batchMutation(token, 'shareCase', 'ShareCaseInput', shares, 'case { caseNumber }');
  const transfers = wanted.flatMap((item, index) =>
    item.transferTo
      ? [{ caseNumber: caseNumbers[index], toRegionCode: item.transferTo, reason: '矩阵测试：移送属地管辖' }]
      : [],
  );
  await batchMutation(token, 'proposeCaseTransfer', 'ProposeCaseTransferInput', transfers, 'transfer { status }');
  const records = [...caseNumbers];
  const withEvidence = wanted.flatMap((item, index) => (item.evidence ? [index] : []));
  const stored = await batchMutation(
    token,
    'addCaseEvidence',
    'AddCaseEvidenceInput',
    withEvidence.map((index) => ({
      caseNumber: caseNumbers[index],
      kind: 'PHOTO',
      title: '矩阵测试照片',
      fileName: 'matrix.jpg',
      contentBase64: Buffer.from(`matrix ${index}`).toString('base64'),
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
    })),
    'evidence { id }',
  );
  withEvidence.forEach((index, position) => (records[index] = textAt(stored[position], 'evidence.id')));
  const asking = wanted.flatMap((item, index) => (item.asked ? [index] : []));
  const requested = await batchMutation(
    token,
    'requestAssistance',
    'RequestAssistanceInput',
    asking.map((index) => ({
      caseNumber: caseNumbers[index],
      assistingRegionCode: wanted[index].asked,
      question: '矩阵测试：请协助核查',
      sharedSummary: '矩阵测试车辆',
    })),
    'assistanceRequest { id }',
  );
  asking.forEach((index, position) => (records[index] = textAt(requested[position], 'assistanceRequest.id')));
  return records;
}

/** Every fixture the cells claimed, by spec key, in claim order. */
export async function createFixtures(token: string, base: Base, claims: FixtureClaims): Promise<Map<string, string[]>> {
  const wanted = claims
    .entries()
    .flatMap(([key, { spec, count }]) => Array.from({ length: count }, (_, index) => ({ key, spec, index })));
  const made = new Map<string, string[]>();
  const keep = (key: string, id: string) => made.set(key, [...(made.get(key) ?? []), id]);
  const place = (key: string, index: number, id: string) => {
    const ids = made.get(key) ?? [];
    ids[index] = id;
    made.set(key, ids);
  };

  const caseWork: WantedCase[] = wanted.flatMap(({ key, spec, index }): WantedCase[] => {
    if (spec.kind === 'case')
      return [
        {
          key,
          index,
          status: spec.status,
          region: spec.region,
          sharedWith: spec.sharedWith,
          transferTo: spec.transferTo,
        },
      ];
    if (spec.kind === 'evidence')
      return [
        { key, index, status: 'INVESTIGATING', region: spec.region, sharedWith: spec.sharedWith, evidence: true },
      ];
    if (spec.kind === 'assistance')
      return [{ key, index, status: 'INVESTIGATING', region: spec.region, asked: spec.asked }];
    return [];
  });
  caseWork.sort((left, right) => Number(left.index === 0) - Number(right.index === 0));
  // The Jiangsu enterprise's case list is read 100 at a time: its cases (those reads look at) must fit.
  expect(caseWork.filter((item) => item.index === 0).length).toBeLessThan(80);
  const caseRecords = await createCaseFixtures(token, base, caseWork);
  caseWork.forEach((item, position) => place(item.key, item.index, caseRecords[position]));

  const applications = wanted.filter((item) => item.spec.kind === 'application') as Array<{
    key: string;
    spec: Extract<FixtureSpec, { kind: 'application' }>;
  }>;
  const submitted = await batchMutation(
    token,
    'submitPermitApplication',
    'SubmitPermitApplicationInput',
    applications.map(({ spec }) =>
      applicationInput((fixtures) => fixtures.jsEnterprise, spec.region)({ base, record: '' }),
    ),
    'application { applicationNumber }',
  );
  const applicationNumbers = submitted.map((payload) => textAt(payload, 'application.applicationNumber'));
  // Every application has its materials, so acceptance (受理) is possible wherever the caller may accept.
  await batchMutation(
    token,
    'attachPermitMaterial',
    'AttachPermitMaterialInput',
    applicationNumbers.flatMap((applicationNumber) =>
      requiredMaterialInputs(applicationNumber, 'ROAD_FREIGHT_TRANSPORT'),
    ),
    'material { id }',
  );
  const toAccept = applicationNumbers
    .filter((_, index) => applications[index].spec.status === 'ACCEPTED')
    .map((applicationNumber) => ({ applicationNumber }));
  await batchMutation(token, 'acceptPermitApplication', 'ApplicationActionInput', toAccept, 'application { status }');
  applications.forEach(({ key }, index) => keep(key, applicationNumbers[index]));

  const waybills = wanted.filter((item) => item.spec.kind === 'waybill') as Array<{
    key: string;
    spec: Extract<FixtureSpec, { kind: 'waybill' }>;
  }>;
  const created = await batchMutation(
    token,
    'createWaybill',
    'CreateWaybillInput',
    waybills.map(({ spec }) => waybillInput(spec.origin, spec.destination)({ base, record: '' })),
    'waybill { waybillNumber }',
  );
  const waybillNumbers = created.map((payload) => textAt(payload, 'waybill.waybillNumber'));
  const toDepart = waybillNumbers
    .filter((_, index) => waybills[index].spec.status === 'IN_TRANSIT')
    .map((waybillNumber) => ({ waybillNumber }));
  await batchMutation(token, 'departWaybill', 'WaybillActionInput', toDepart, 'waybill { status }');
  waybills.forEach(({ key }, index) => keep(key, waybillNumbers[index]));

  for (const [key, plate] of await vehicleFixtures(token, base, wanted)) keep(key, plate);

  for (const { key, spec } of wanted) {
    if (spec.kind === 'safety-alert') keep(key, await safetyAlert(base, spec.region));
    if (spec.kind === 'credit-disclosure') keep(key, await creditDisclosureFixture(spec.region));
    if (spec.kind === 'credit-repair') keep(key, await creditRepairFixture(spec.region));
    if (spec.kind === 'hazard' || spec.kind === 'accident') keep(key, await safetyFixture(base, spec));
    if (spec.kind === 'warning-threshold') keep(key, await warningThresholdFixture(token, spec.region));
    if (spec.kind === 'access-item') keep(key, await accessItemFixture());
    if (spec.kind === 'data-grant') keep(key, await creditGrantFixture());
  }
  for (const [key, id] of await listEntryFixtures(token, base, wanted)) keep(key, id);
  return made;
}
