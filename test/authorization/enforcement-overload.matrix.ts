import {
  at,
  EVERYWHERE,
  IN_REGION,
  listing,
  mutation,
  runReference,
  type DepartmentMatrix,
  type OperationProbe,
  type Variant,
} from './matrix.dsl';
import { overloadRecordInput } from './matrix.fixtures';

// Enforcement (执法), weigh stations: overload records (超限检测记录).
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.overloadRecords': '-       -       Y       Y       Y      -      -     Y   Y     -     -',
  // Weigh stations' machine clients only (realm role weigh-station): no officer, not even the administrator.
  'Mutation.submitOverloadRecords': '-       -       -       -       -      -      -     -   -     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  // Only a Jiangsu station exists in the realm, so every record here is in region; records outside a
  // region are checked from Zhejiang's and Nanjing's side in test/overload-records.test.ts.
  'Query.overloadRecords': { 'in-region': EVERYWHERE },
  'Mutation.submitOverloadRecords': { 'in-region': EVERYWHERE },
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.
const overloadRecordList = listing('overloadRecords', '', 'stationRecordId');
const submitOverloadRecords = mutation(
  'submitOverloadRecords',
  'SubmitOverloadRecordsInput',
  'acceptedCount results { outcome }',
);

const PROBES: Record<Operation, OperationProbe> = {
  'Query.overloadRecords': {
    field: 'overloadRecords',
    write: false,
    variants: { 'in-region': overloadRecordList(IN_REGION, ({ base }) => base.jsOverloadRecord) },
  },
  'Mutation.submitOverloadRecords': {
    field: 'submitOverloadRecords',
    write: true,
    variants: {
      'in-region': submitOverloadRecords(
        () => ({ records: [overloadRecordInput(runReference())] }),
        (payload) => expect(at(payload, 'acceptedCount')).toBe(1),
      ),
    },
  },
};

export const ENFORCEMENT_OVERLOAD_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
