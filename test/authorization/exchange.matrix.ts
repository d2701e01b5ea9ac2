import { chinaToday } from '../../platform/time/china-time';
import { at, EVERYWHERE, type DepartmentMatrix, type OperationProbe, type Variant } from './matrix.dsl';

// The data exchange (数据共享交换) the gateway serves: partners' administrators and the owning
// departments' approvers. Rows of the authorization matrix (test/authorization-matrix.test.ts), written
// out by hand from permission.policy.ts and the exchange's authorized(...) rules; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.dataGrants': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Query.partnerUsage': '-       -       -       -       -      -      -     -   -     Y     Y',
} as const;

type Operation = keyof typeof WHO_MAY;

// Grants are national: a partner's administrator reads its own client's, an approver any client's.
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.dataGrants': { any: EVERYWHERE },
  'Query.partnerUsage': { any: EVERYWHERE },
};

const PROBES: Record<Operation, OperationProbe> = {
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
  'Query.partnerUsage': {
    field: 'partnerUsage',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `query ($from: String!, $to: String!) {
            partnerUsage(clientId: "partner-ndrc", from: $from, to: $to) { day operationName calls refused }
          }`,
          variables: { from: chinaToday(), to: chinaToday() },
        }),
        ok: (data) => expect(Array.isArray(at(data, 'partnerUsage'))).toBe(true),
      },
    },
  },
};

export const EXCHANGE_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
