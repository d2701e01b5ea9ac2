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
  textAt,
  waybillSpec,
  ZJ_WAYBILL,
  type DepartmentMatrix,
  type FixtureSpec,
  type Json,
  type OperationProbe,
  type ProbeContext,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';
import { waybillInput } from './matrix.fixtures';

// Safety (安全监管): hazardous goods waybills (电子运单).
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin
const WHO_MAY = {
  'Query.waybill': '-       -       -       -       -      Y      -     -   Y',
  'Query.waybills': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.createWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.departWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.arriveWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.cancelWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Enterprise.waybills': '-       -       -       -       -      Y      -     -   Y',
  // Key-vehicle monitoring (联网联控): safety officers read and handle alerts; ministry-admin holds safety-officer.
  'Query.safetyAlerts': '-       -       -       -       -      Y      -     -   Y',
  'Query.vehicleOnlineRate': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.acknowledgeSafetyAlert': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.closeSafetyAlert': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.escalateSafetyAlert': '-       -       -       -       -      Y      -     -   Y',
  'Enterprise.safetyAlertsLast30Days': '-       -       -       -       -      Y      -     -   Y',
  'Enterprise.onlineRate': '-       -       -       -       -      Y      -     -   Y',
  // The monitoring platform's machine client only (realm role vehicle-monitoring): no officer, not even the administrator.
  'Mutation.submitVehiclePositions': '-       -       -       -       -      -      -     -   -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.waybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  'Query.waybills': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  // The origin's authority acts on a waybill; the destination supervises (reads) it only.
  'Mutation.createWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN, shared: OUT_FORBIDDEN },
  'Mutation.departWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Mutation.arriveWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Mutation.cancelWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Enterprise.waybills': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  // An alert belongs to the region that certified the vehicle.
  'Query.safetyAlerts': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.vehicleOnlineRate': { any: EVERYWHERE },
  'Mutation.acknowledgeSafetyAlert': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.closeSafetyAlert': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.escalateSafetyAlert': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  // Counts over the caller's region: what they count is test/vehicle-positions.test.ts's subject.
  'Enterprise.safetyAlertsLast30Days': { any: EVERYWHERE },
  'Enterprise.onlineRate': { any: EVERYWHERE },
  'Mutation.submitVehiclePositions': { 'in-region': EVERYWHERE },
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
const departWaybill = step('departWaybill', 'WaybillActionInput', 'waybillNumber', 'waybill', 'IN_TRANSIT');
const arriveWaybill = step('arriveWaybill', 'WaybillActionInput', 'waybillNumber', 'waybill', 'ARRIVED');
const cancelWaybill = step('cancelWaybill', 'CancelWaybillInput', 'waybillNumber', 'waybill', 'CANCELLED', {
  reason: '托运人取消发运',
});

const JS_ALERT: FixtureSpec = { kind: 'safety-alert', region: IN_REGION };
const ZJ_ALERT: FixtureSpec = { kind: 'safety-alert', region: OUT_REGION };
const alertList = listing('safetyAlerts', '', 'id');
/** A step on an alert: ok when the alert now has `status`. */
function alertStep(field: string, inputType: string, status: string, extra: Record<string, unknown> = {}) {
  const probe = mutation(field, inputType, 'alert { id status }');
  return (fixture: FixtureSpec) =>
    probe(
      (context) => ({ alertId: Number(context.record), ...extra }),
      (payload, context) => {
        expect(textAt(payload, 'alert.id')).toBe(context.record);
        expect(at(payload, 'alert.status')).toBe(status);
      },
      fixture,
    );
}
const acknowledgeAlert = alertStep('acknowledgeSafetyAlert', 'AcknowledgeSafetyAlertInput', 'ACKNOWLEDGED');
const closeAlert = alertStep('closeSafetyAlert', 'CloseSafetyAlertInput', 'CLOSED', {
  disposition: '矩阵测试：已提醒',
});
const escalateAlert = alertStep('escalateSafetyAlert', 'EscalateSafetyAlertInput', 'ESCALATED', {
  reason: '矩阵测试：移交执法',
});
/** A field of the Jiangsu enterprise answered with a value (a count or a rate), not a list. */
function enterpriseValue(selection: string, check: (value: Json | undefined) => void): VariantProbe {
  return {
    request: (context) => ({
      document: `query ($code: String!) { enterprise(creditCode: $code) { creditCode ${selection} } }`,
      variables: { code: context.base.jsEnterprise },
    }),
    ok: (data) => check(at(data, 'enterprise')),
  };
}
const submitPositions = mutation('submitVehiclePositions', 'SubmitVehiclePositionsInput', 'acceptedCount');

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
  'Query.safetyAlerts': {
    field: 'safetyAlerts',
    write: false,
    variants: {
      'in-region': alertList(IN_REGION, fixtureRecord, JS_ALERT),
      'out-of-region': alertList(OUT_REGION, fixtureRecord, ZJ_ALERT),
    },
  },
  'Query.vehicleOnlineRate': {
    field: 'vehicleOnlineRate',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `query ($day: String!) { vehicleOnlineRate(day: $day) { day keyVehicles onlineVehicles } }`,
          variables: { day: '2026-12-01' },
        }),
        ok: (data) => expect(at(data, 'vehicleOnlineRate.day')).toBe('2026-12-01'),
      },
    },
  },
  'Mutation.acknowledgeSafetyAlert': {
    field: 'acknowledgeSafetyAlert',
    write: true,
    variants: { 'in-region': acknowledgeAlert(JS_ALERT), 'out-of-region': acknowledgeAlert(ZJ_ALERT) },
  },
  'Mutation.closeSafetyAlert': {
    field: 'closeSafetyAlert',
    write: true,
    variants: { 'in-region': closeAlert(JS_ALERT), 'out-of-region': closeAlert(ZJ_ALERT) },
  },
  'Mutation.escalateSafetyAlert': {
    field: 'escalateSafetyAlert',
    write: true,
    variants: { 'in-region': escalateAlert(JS_ALERT), 'out-of-region': escalateAlert(ZJ_ALERT) },
  },
  'Enterprise.safetyAlertsLast30Days': {
    field: 'safetyAlertsLast30Days',
    enterpriseField: true,
    write: false,
    variants: {
      any: enterpriseValue('safetyAlertsLast30Days', (enterprise) =>
        expect(typeof at(enterprise, 'safetyAlertsLast30Days')).toBe('number'),
      ),
    },
  },
  'Enterprise.onlineRate': {
    field: 'onlineRate',
    enterpriseField: true,
    write: false,
    variants: {
      any: enterpriseValue('onlineRate(day: "2026-12-01") { day keyVehicles }', (enterprise) =>
        expect(at(enterprise, 'onlineRate.day')).toBe('2026-12-01'),
      ),
    },
  },
  'Mutation.submitVehiclePositions': {
    field: 'submitVehiclePositions',
    write: true,
    variants: {
      'in-region': submitPositions(
        (context) => ({
          positions: [
            {
              plateNumber: context.base.jsVehicle,
              time: new Date().toISOString(),
              longitude: 118.8,
              latitude: 32.06,
              speed: 40,
              heading: 0,
            },
          ],
        }),
        () => undefined,
      ),
    },
  },
};

export const SAFETY_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
