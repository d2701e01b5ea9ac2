import { at, EVERYWHERE, type DepartmentMatrix, type OperationProbe, type Variant } from './matrix.dsl';

// The gateway's audit trail (审计日志): administrators only.
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.auditRecords': '-       -       -       -       -      -      -     -   Y     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.auditRecords': { any: EVERYWHERE },
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.

const PROBES: Record<Operation, OperationProbe> = {
  'Query.auditRecords': {
    field: 'auditRecords',
    write: false,
    variants: {
      any: {
        request: () => ({ document: `{ auditRecords(first: 1) { totalCount edges { node { id } } } }`, variables: {} }),
        ok: (data) => expect(at(data, 'auditRecords.totalCount')).toBeGreaterThan(0),
      },
    },
  },
};

export const AUDIT_MATRIX: DepartmentMatrix<Operation> = { whoMay: WHO_MAY, regionRules: REGION_RULES, probes: PROBES };
