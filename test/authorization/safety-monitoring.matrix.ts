import {
  at,
  EVERYWHERE,
  fixtureRecord,
  IN_REGION,
  listing,
  mutation,
  OUT_ABSENT,
  OUT_NOT_FOUND,
  OUT_REGION,
  textAt,
  type DepartmentMatrix,
  type FixtureSpec,
  type Json,
  type OperationProbe,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';

// Key-vehicle monitoring (重点营运车辆联网联控): the provincial monitoring platform's positions and the safety
// officers' alert queue. Rows of the authorization matrix, written out by hand like safety.matrix.ts.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  // Key-vehicle monitoring (联网联控): safety officers read and handle alerts; ministry-admin holds safety-officer.
  'Query.safetyAlerts': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Query.vehicleOnlineRate': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.acknowledgeSafetyAlert': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.closeSafetyAlert': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Mutation.escalateSafetyAlert': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Enterprise.safetyAlertsLast30Days': '-       -       -       -       -      Y      -     -   Y     -     -',
  'Enterprise.onlineRate': '-       -       -       -       -      Y      -     -   Y     -     -',
  // The monitoring platform's machine client only (realm role vehicle-monitoring): no officer, not even the administrator.
  'Mutation.submitVehiclePositions': '-       -       -       -       -      -      -     -   -     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
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

export const SAFETY_MONITORING_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
