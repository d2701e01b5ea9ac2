import { randomInt } from 'node:crypto';
import {
  at,
  EVERYWHERE,
  type DepartmentMatrix,
  type Json,
  type OperationProbe,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';

/** A query partner-ndrc's seed grants cover (Enterprise.name), under a name of its own for each probe. */
function probeOperation(): { name: string; document: string } {
  const name = `MatrixProbe${Date.now()}N${randomInt(1e6)}`;
  return { name, document: `query ${name}($code: String!) { enterprise(creditCode: $code) { name } }` };
}

// The data exchange (数据共享交换) the gateway serves: partners' administrators and the owning
// departments' approvers. Rows of the authorization matrix (test/authorization-matrix.test.ts), written
// out by hand from permission.policy.ts and the exchange's authorized(...) rules; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.dataCatalogue': '-       -       -       -       -      -      -     -   Y     Y     Y',
  'Query.dataGrants': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Query.registeredOperations': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Mutation.registerOperation': '-       -       -       -       -      -      -     -   -     Y     -',
  'Mutation.retireOperation': '-       -       -       -       -      -      -     -   -     Y     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// The catalogue is national: it describes the graph, not any region's records.
// Grants are national: a partner's administrator reads its own client's, an approver any client's.
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.dataCatalogue': { any: EVERYWHERE },
  'Query.dataGrants': { any: EVERYWHERE },
  // Registered operations are a partner client's, whatever the caller's region.
  'Query.registeredOperations': { any: EVERYWHERE },
  'Mutation.registerOperation': { any: EVERYWHERE },
  'Mutation.retireOperation': { any: EVERYWHERE },
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
  'Query.registeredOperations': {
    field: 'registeredOperations',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ registeredOperations(clientId: "partner-ndrc") { id name version registeredBy inForce } }`,
          variables: {},
        }),
        // The seed files are registered for partner-ndrc by seed.
        ok: (data) =>
          expect(at(data, 'registeredOperations')).toContainEqual(
            expect.objectContaining({ name: 'EnterpriseCreditAndPermits', registeredBy: 'seed' }),
          ),
      },
    },
  },
  'Mutation.registerOperation': {
    field: 'registerOperation',
    write: true,
    variants: {
      any: ((): VariantProbe => {
        const probe = probeOperation();
        return {
          request: () => ({
            document: `mutation ($document: String!) { registerOperation(document: $document) { created operation { name version clientId } } }`,
            variables: { document: probe.document },
          }),
          ok: (data: Json | undefined) =>
            expect(at(data, 'registerOperation')).toEqual({
              created: true,
              operation: { name: probe.name, version: 1, clientId: 'partner-ndrc' },
            }),
        };
      })(),
    },
  },
  'Mutation.retireOperation': {
    field: 'retireOperation',
    write: true,
    variants: {
      any: ((): VariantProbe => {
        const probe = probeOperation();
        // Registered and retired in one request (mutation fields run one after the other).
        return {
          request: () => ({
            document: `mutation ($document: String!, $name: String!) { registerOperation(document: $document) { created } retireOperation(name: $name) { name version inForce } }`,
            variables: { document: probe.document, name: probe.name },
          }),
          ok: (data: Json | undefined) =>
            expect(at(data, 'retireOperation')).toEqual([{ name: probe.name, version: 1, inForce: false }]),
        };
      })(),
    },
  },
};

export const EXCHANGE_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
