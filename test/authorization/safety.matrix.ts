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
  type DepartmentMatrix,
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
  'Query.checkWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.createWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.departWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.arriveWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.cancelWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Enterprise.waybills': '-       -       -       -       -      Y      -     -   Y',
  // Reports to the national safety supervision platform (safety-report:read).
  'Query.nationalSafetyDeliveries': '-       -       -       -       -      Y      -     -   Y',
  'Query.nationalSafetyDeliverySummary': '-       -       -       -       -      Y      -     -   Y',
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

export const SAFETY_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
