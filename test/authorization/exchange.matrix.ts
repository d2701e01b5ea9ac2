import { at, EVERYWHERE, type DepartmentMatrix, type OperationProbe, type Variant } from './matrix.dsl';

// The data exchange (数据共享交换) the gateway serves: partners' administrators and the owning
// departments' approvers. Rows of the authorization matrix (test/authorization-matrix.test.ts), written
// out by hand from permission.policy.ts and the exchange's authorized(...) rules; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.dataCatalogue': '-       -       -       -       -      -      -     -   Y     Y     Y',
  'Query.dataGrants': '-       -       -       -       -      -      -     -   -     Y     Y',
} as const;

type Operation = keyof typeof WHO_MAY;

// The catalogue is national: it describes the graph, not any region's records.
// Grants are national: a partner's administrator reads its own client's, an approver any client's.
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.dataCatalogue': { any: EVERYWHERE },
  'Query.dataGrants': { any: EVERYWHERE },
};

const PROBES: Record<Operation, OperationProbe> = {
  'Query.dataCatalogue': {
    field: 'dataCatalogue',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ dataCatalogue(department: "licensing") { items { coordinate department shareClass } totalCount } }`,
          variables: {},
        }),
        ok: (data) => expect(at(data, 'dataCatalogue.totalCount')).toBeGreaterThan(0),
      },
    },
  },
  'Query.dataGrants': {
    field: 'dataGrants',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ dataGrants(clientId: "partner-ndrc") { id clientId coordinate inForce } }`,
          variables: {},
        }),
        ok: (data) => expect(Array.isArray(at(data, 'dataGrants'))).toBe(true),
      },
    },
  },
};

export const EXCHANGE_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
