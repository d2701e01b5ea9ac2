import {
  ARRIVING_WAYBILL,
  at,
  childList,
  EVERYWHERE,
  fixtureRecord,
  IN_REGION,
  JS_WAYBILL,
  listing,
  lookup,
  mutation,
  OUT_ABSENT,
  OUT_FORBIDDEN,
  OUT_NOT_FOUND,
  OUT_REGION,
  step,
  waybillSpec,
  ZJ_WAYBILL,
  textAt,
  type DepartmentMatrix,
  type FixtureSpec,
  type Json,
  type OperationProbe,
  type ProbeContext,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';
import { newCreditCode } from '../harness/story';
import { waybillInput } from './matrix.fixtures';

// Safety (安全监管): hazardous goods waybills (电子运单).
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.waybill': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.waybills': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.checkWaybill': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.createWaybill': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.departWaybill': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.arriveWaybill': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.cancelWaybill': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Enterprise.waybills': '-       -       -       -       -      Y      -     -   Y     -     -',
  // Reports to the national safety supervision platform (safety-report:read).
  'Query.nationalSafetyDeliveries': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.nationalSafetyDeliverySummary': '-       -       -       -       -      Y      -     -   Y     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.waybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  'Query.waybills': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  // The origin's authority acts on a waybill; the destination supervises (reads) it only.
  'Query.checkWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN, shared: OUT_FORBIDDEN },
  'Mutation.createWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN, shared: OUT_FORBIDDEN },
  'Mutation.departWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Mutation.arriveWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Mutation.cancelWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Enterprise.waybills': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  // Every caller allowed gets an answer; which reports it holds (the reporting region in scope) is
  // checked in safety-delivery.relay.spec.ts.
  'Query.nationalSafetyDeliveries': { any: EVERYWHERE },
  'Query.nationalSafetyDeliverySummary': { any: EVERYWHERE },
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.
const waybillLookup = lookup('waybill', 'waybillNumber', 'String!', 'waybillNumber status', 'waybillNumber');
const waybillList = listing('waybills', '', 'waybillNumber');
const createWaybill = mutation(
  'createWaybill',
  'CreateWaybillInput',
  'waybill { waybillNumber status originRegionCode }',
);
const createdWaybill = (payload: Json | undefined, _context: ProbeContext, input: Record<string, unknown>) => {
  expect(at(payload, 'waybill.status')).toBe('CREATED');
  expect(at(payload, 'waybill.originRegionCode')).toBe(input.originRegionCode);
};
// The pre-check (预检) takes the creation's input and writes nothing.
const checkWaybill = (input: (context: ProbeContext) => Record<string, unknown>): VariantProbe => ({
  request: (context) => ({
    document: `query ($input: CreateWaybillInput!) { checkWaybill(input: $input) { passed failures { code field } } }`,
    variables: { input: input(context) },
  }),
  ok: (data) => expect(at(data, 'checkWaybill')).toEqual({ passed: true, failures: [] }),
});
const departWaybill = step('departWaybill', 'WaybillActionInput', 'waybillNumber', 'waybill', 'IN_TRANSIT');
const arriveWaybill = step('arriveWaybill', 'WaybillActionInput', 'waybillNumber', 'waybill', 'ARRIVED');
const cancelWaybill = step('cancelWaybill', 'CancelWaybillInput', 'waybillNumber', 'waybill', 'CANCELLED', {
  reason: '托运人取消发运',
});

const PROBES: Record<Operation, OperationProbe> = {
  'Query.waybill': {
    field: 'waybill',
    write: false,
    variants: {
      'in-region': waybillLookup(fixtureRecord, JS_WAYBILL),
      'out-of-region': waybillLookup(fixtureRecord, ZJ_WAYBILL),
      shared: waybillLookup(fixtureRecord, ARRIVING_WAYBILL),
    },
  },
  'Query.waybills': {
    field: 'waybills',
    write: false,
    variants: {
      'in-region': waybillList(IN_REGION, fixtureRecord, JS_WAYBILL),
      'out-of-region': waybillList(OUT_REGION, fixtureRecord, ZJ_WAYBILL),
      shared: waybillList(OUT_REGION, fixtureRecord, ARRIVING_WAYBILL),
    },
  },
  'Query.checkWaybill': {
    field: 'checkWaybill',
    write: false,
    variants: {
      'in-region': checkWaybill(waybillInput(IN_REGION, OUT_REGION)),
      'out-of-region': checkWaybill(waybillInput(OUT_REGION, '330102')),
      shared: checkWaybill(waybillInput(OUT_REGION, IN_REGION)),
    },
  },
  'Mutation.createWaybill': {
    field: 'createWaybill',
    write: true,
    variants: {
      'in-region': createWaybill(waybillInput(IN_REGION, OUT_REGION), createdWaybill),
      'out-of-region': createWaybill(waybillInput(OUT_REGION, '330102'), createdWaybill),
      shared: createWaybill(waybillInput(OUT_REGION, IN_REGION), createdWaybill),
    },
  },
  'Mutation.departWaybill': {
    field: 'departWaybill',
    write: true,
    variants: {
      'in-region': departWaybill(JS_WAYBILL),
      'out-of-region': departWaybill(ZJ_WAYBILL),
      shared: departWaybill(ARRIVING_WAYBILL),
    },
  },
  'Mutation.arriveWaybill': {
    field: 'arriveWaybill',
    write: true,
    variants: {
      'in-region': arriveWaybill(waybillSpec('IN_TRANSIT', IN_REGION, OUT_REGION)),
      'out-of-region': arriveWaybill(waybillSpec('IN_TRANSIT', OUT_REGION, '330102')),
      shared: arriveWaybill(waybillSpec('IN_TRANSIT', OUT_REGION, IN_REGION)),
    },
  },
  'Mutation.cancelWaybill': {
    field: 'cancelWaybill',
    write: true,
    variants: {
      'in-region': cancelWaybill(JS_WAYBILL),
      'out-of-region': cancelWaybill(ZJ_WAYBILL),
      shared: cancelWaybill(ARRIVING_WAYBILL),
    },
  },
  'Enterprise.waybills': {
    field: 'waybills',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': childList('waybills', 'waybillNumber')(fixtureRecord, JS_WAYBILL),
      'out-of-region': childList('waybills', 'waybillNumber')(fixtureRecord, ZJ_WAYBILL),
      shared: childList('waybills', 'waybillNumber')(fixtureRecord, ARRIVING_WAYBILL),
    },
  },
  'Query.nationalSafetyDeliveries': {
    field: 'nationalSafetyDeliveries',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ nationalSafetyDeliveries(first: 5) { totalCount edges { node { reportType version state } } } }`,
          variables: {},
        }),
        ok: (data) => {
          expect(typeof at(data, 'nationalSafetyDeliveries.totalCount')).toBe('number');
        },
      },
    },
  },
  'Query.nationalSafetyDeliverySummary': {
    field: 'nationalSafetyDeliverySummary',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ nationalSafetyDeliverySummary { pendingCount deliveredCount refusedCount } }`,
          variables: {},
        }),
        ok: (data) => {
          expect(typeof at(data, 'nationalSafetyDeliverySummary.pendingCount')).toBe('number');
        },
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------------
// Inspections and hidden hazards (隐患排查治理), accident reports (事故快报). A hazard belongs to its
// enterprise's region, an accident to where it happened; the region rules are the waybill's without a
// destination: the region and those above it read and act, the others see nothing.

// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const HAZARD_WHO_MAY = {
  'Query.safetyInspection': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.hiddenHazards': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.overdueHazards': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.recordSafetyInspection': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.reportHazardRectification': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.verifyHazardRectification': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Enterprise.openHazards': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.accident': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.accidents': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.reportAccident': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.updateAccidentReport': '-       -       -       -       -      Y      -     -   Y     -     -',
} as const;

type HazardOperation = keyof typeof HAZARD_WHO_MAY;

const READS = { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT };
const ACTS_ON_RECORD = { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND };
const CREATES = { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN };

const HAZARD_REGION_RULES: Record<HazardOperation, Partial<Record<Variant, string>>> = {
  'Query.safetyInspection': READS,
  'Query.hiddenHazards': READS,
  'Query.overdueHazards': READS,
  'Mutation.recordSafetyInspection': CREATES,
  'Mutation.reportHazardRectification': ACTS_ON_RECORD,
  // The fixture's inspector and reporter are neither caller: the second-officer rule does not refuse here.
  'Mutation.verifyHazardRectification': ACTS_ON_RECORD,
  // The Jiangsu enterprise's open hazards: counted in the caller's region only.
  'Enterprise.openHazards': READS,
  'Query.accident': READS,
  'Query.accidents': READS,
  'Mutation.reportAccident': CREATES,
  'Mutation.updateAccidentReport': ACTS_ON_RECORD,
};

const hazardSpec = (
  status: 'OPEN' | 'RECTIFIED',
  region: string,
  subject: 'js' | 'fixture' = 'fixture',
): FixtureSpec => ({ kind: 'hazard', status, region, subject });
// Read: the Jiangsu enterprise has exactly these two hazards, one in its region and one in Zhejiang.
const JS_HAZARD = hazardSpec('OPEN', IN_REGION, 'js');
const ZJ_HAZARD = hazardSpec('OPEN', OUT_REGION, 'js');
const JS_ACCIDENT: FixtureSpec = { kind: 'accident', region: IN_REGION };
const ZJ_ACCIDENT: FixtureSpec = { kind: 'accident', region: OUT_REGION };

const inspectionOf = (context: ProbeContext) => context.record.split(':')[0];
const hazardOf = (context: ProbeContext) => context.record.split(':')[1];

const inspectionLookup = lookup('safetyInspection', 'id', 'ID!', 'id regionCode', 'id');
const hazardList = listing('hiddenHazards', '', 'id');
const accidentLookup = lookup('accident', 'id', 'ID!', 'id regionCode', 'id');
const accidentList = listing('accidents', '', 'id');

/** The regions with overdue hazards: the fixture's region listed, or not. */
function overdueIn(region: string, fixture: FixtureSpec): VariantProbe {
  const regions = (data: Json | undefined) => {
    const rows = at(data, 'overdueHazards');
    if (!Array.isArray(rows)) throw new Error(`not a list: ${JSON.stringify(rows)}`);
    return rows.map((row) => textAt(row, 'regionCode'));
  };
  return {
    fixture,
    request: () => ({
      document: `query ($region: String) { overdueHazards(regionCode: $region) { regionCode overdue } }`,
      variables: { region },
    }),
    ok: (data) => expect(regions(data)).toContain(region),
    absent: (data) => expect(regions(data)).toEqual([]),
  };
}

/** The Jiangsu enterprise's open hazards: both of its hazards counted, or only the one in Jiangsu. */
function openHazards(fixture: FixtureSpec, outOfRegion: boolean): VariantProbe {
  const total = (data: Json | undefined) => at(data, 'enterprise.openHazards.total');
  return {
    fixture,
    request: (context) => ({
      document: `query ($code: String!) { enterprise(creditCode: $code) { creditCode openHazards { total overdue } } }`,
      variables: { code: context.base.jsEnterprise },
    }),
    ok: (data) => {
      if (outOfRegion) expect(total(data)).toBe(2);
      else expect(total(data)).toBeGreaterThanOrEqual(1);
    },
    absent: (data) => expect(total(data)).toBe(1),
  };
}

const recordInspection = mutation(
  'recordSafetyInspection',
  'RecordSafetyInspectionInput',
  'inspection { regionCode hazards { status } }',
);
const inspectionInput = (region: string) => () => ({
  creditCode: newCreditCode(region),
  regionCode: region,
  inspectedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
  inspectors: ['矩阵测试检查员'],
  findings: '矩阵测试检查情况',
  hazards: [{ level: 'GENERAL', description: '矩阵测试隐患' }],
});
const recorded = (payload: Json | undefined, _context: ProbeContext, input: Record<string, unknown>) => {
  expect(at(payload, 'inspection.regionCode')).toBe(input.regionCode);
};

const hazardStep = (field: string, inputType: string, status: string, extra: Record<string, unknown>) => {
  const probe = mutation(field, inputType, 'hazard { id status }');
  return (fixture: FixtureSpec) =>
    probe(
      (context) => ({ hazardId: hazardOf(context), ...extra }),
      (payload, context) => {
        expect(at(payload, 'hazard.id')).toBe(hazardOf(context));
        expect(at(payload, 'hazard.status')).toBe(status);
      },
      fixture,
    );
};
const rectify = hazardStep('reportHazardRectification', 'ReportHazardRectificationInput', 'RECTIFIED', {
  note: '矩阵测试整改',
  evidence: [{ fileName: 'fixed.jpg', contentBase64: Buffer.from('matrix').toString('base64') }],
});
const verify = hazardStep('verifyHazardRectification', 'VerifyHazardRectificationInput', 'CLOSED', {
  passed: true,
  note: '矩阵测试复查',
});

const reportAccident = mutation('reportAccident', 'ReportAccidentInput', 'accident { regionCode version }');
const accidentInput = (region: string) => () => ({
  creditCode: newCreditCode(region),
  occurredAt: new Date(Date.now() - 3600_000).toISOString(),
  regionCode: region,
  location: '矩阵测试地点',
  summary: '矩阵测试事故',
  severity: 'GENERAL',
  deaths: 0,
  injuries: 0,
  directLossFen: 0,
});
const reported = (payload: Json | undefined, _context: ProbeContext, input: Record<string, unknown>) => {
  expect(at(payload, 'accident.regionCode')).toBe(input.regionCode);
  expect(at(payload, 'accident.version')).toBe(1);
};
const followUp = (fixture: FixtureSpec) =>
  mutation('updateAccidentReport', 'UpdateAccidentReportInput', 'accident { id version }')(
    (context) => ({
      accidentId: context.record,
      severity: 'GENERAL',
      deaths: 0,
      injuries: 1,
      directLossFen: 0,
      note: '矩阵测试续报',
    }),
    (payload, context) => {
      expect(at(payload, 'accident.id')).toBe(context.record);
      expect(at(payload, 'accident.version')).toBe(2);
    },
    fixture,
  );

const HAZARD_PROBES: Record<HazardOperation, OperationProbe> = {
  'Query.safetyInspection': {
    field: 'safetyInspection',
    write: false,
    variants: {
      'in-region': inspectionLookup(inspectionOf, JS_HAZARD),
      'out-of-region': inspectionLookup(inspectionOf, ZJ_HAZARD),
    },
  },
  'Query.hiddenHazards': {
    field: 'hiddenHazards',
    write: false,
    variants: {
      'in-region': hazardList(IN_REGION, hazardOf, JS_HAZARD),
      'out-of-region': hazardList(OUT_REGION, hazardOf, ZJ_HAZARD),
    },
  },
  'Query.overdueHazards': {
    field: 'overdueHazards',
    write: false,
    variants: { 'in-region': overdueIn(IN_REGION, JS_HAZARD), 'out-of-region': overdueIn(OUT_REGION, ZJ_HAZARD) },
  },
  'Mutation.recordSafetyInspection': {
    field: 'recordSafetyInspection',
    write: true,
    variants: {
      'in-region': recordInspection(inspectionInput(IN_REGION), recorded),
      'out-of-region': recordInspection(inspectionInput(OUT_REGION), recorded),
    },
  },
  'Mutation.reportHazardRectification': {
    field: 'reportHazardRectification',
    write: true,
    variants: {
      'in-region': rectify(hazardSpec('OPEN', IN_REGION)),
      'out-of-region': rectify(hazardSpec('OPEN', OUT_REGION)),
    },
  },
  'Mutation.verifyHazardRectification': {
    field: 'verifyHazardRectification',
    write: true,
    variants: {
      'in-region': verify(hazardSpec('RECTIFIED', IN_REGION)),
      'out-of-region': verify(hazardSpec('RECTIFIED', OUT_REGION)),
    },
  },
  'Enterprise.openHazards': {
    field: 'openHazards',
    enterpriseField: true,
    write: false,
    variants: { 'in-region': openHazards(JS_HAZARD, false), 'out-of-region': openHazards(ZJ_HAZARD, true) },
  },
  'Query.accident': {
    field: 'accident',
    write: false,
    variants: {
      'in-region': accidentLookup(fixtureRecord, JS_ACCIDENT),
      'out-of-region': accidentLookup(fixtureRecord, ZJ_ACCIDENT),
    },
  },
  'Query.accidents': {
    field: 'accidents',
    write: false,
    variants: {
      'in-region': accidentList(IN_REGION, fixtureRecord, JS_ACCIDENT),
      'out-of-region': accidentList(OUT_REGION, fixtureRecord, ZJ_ACCIDENT),
    },
  },
  'Mutation.reportAccident': {
    field: 'reportAccident',
    write: true,
    variants: {
      'in-region': reportAccident(accidentInput(IN_REGION), reported),
      'out-of-region': reportAccident(accidentInput(OUT_REGION), reported),
    },
  },
  'Mutation.updateAccidentReport': {
    field: 'updateAccidentReport',
    write: true,
    variants: { 'in-region': followUp(JS_ACCIDENT), 'out-of-region': followUp(ZJ_ACCIDENT) },
  },
};

export const SAFETY_MATRIX: DepartmentMatrix<Operation | HazardOperation> = {
  whoMay: { ...WHO_MAY, ...HAZARD_WHO_MAY },
  regionRules: { ...REGION_RULES, ...HAZARD_REGION_RULES },
  probes: { ...PROBES, ...HAZARD_PROBES },
};
