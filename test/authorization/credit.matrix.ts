import {
  at,
  EVERYWHERE,
  expectListed,
  IN_REGION,
  listing,
  mutation,
  OUT_ABSENT,
  OUT_FORBIDDEN,
  OUT_REGION,
  type Base,
  type DepartmentMatrix,
  type Json,
  type OperationProbe,
  type ProbeContext,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';
import { creditInput } from './matrix.fixtures';
import { DEMO_LISTED_BY_COURT } from '../../subgraphs/credit/national-platform/demo-standing-data';

// Credit (信用): credit profiles and records (双公示).
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin
const WHO_MAY = {
  // Licensing reviewers read the applicant's credit file (联合惩戒).
  'Query.creditProfile': '-       Y       -       -       Y      -      -     -   Y',
  'Query.creditRecords': '-       Y       -       -       Y      -      -     -   Y',
  'Mutation.recordCredit': '-       -       -       -       Y      -      -     -   Y',
  'Enterprise.creditProfile': '-       Y       -       -       Y      -      -     -   Y',
  // Public (双公示): every caller, and anonymous callers too (test/credit-disclosure.test.ts).
  'Query.creditDisclosures': 'Y       Y       Y       Y       Y      Y      Y     Y   Y',
  'Query.overdueCreditDisclosures': '-       -       -       -       Y      -      -     -   Y',
  // The national credit platform (全国信用信息共享平台): the standing is read with the profile; the pushes
  // are credit officers' work.
  'CreditProfile.nationalStanding': '-       Y       -       -       Y      -      -     -   Y',
  'Query.nationalCreditDeliveries': '-       -       -       -       Y      -      -     -   Y',
  'Query.nationalCreditDeliverySummary': '-       -       -       -       Y      -      -     -   Y',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  // Credit files are national by design (双公示): records of any deciding region are read everywhere.
  'Query.creditProfile': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Query.creditRecords': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Mutation.recordCredit': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Enterprise.creditProfile': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  // Disclosures are public nationally; the overdue list is the officer's region's work.
  'Query.creditDisclosures': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Query.overdueCreditDisclosures': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  // One national platform, one national credit file: the same answer in every region.
  'CreditProfile.nationalStanding': { any: EVERYWHERE },
  'Query.nationalCreditDeliveries': { any: EVERYWHERE },
  'Query.nationalCreditDeliverySummary': { any: EVERYWHERE },
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.
const creditRecordList = listing('creditRecords', '', 'sourceReference');
function creditProfileProbe(code: (base: Base) => string, reference: (base: Base) => string): VariantProbe {
  return {
    request: ({ base }) => ({
      document: `query ($code: String!) { creditProfile(creditCode: $code) { creditCode recordCount records(first: 100) { totalCount edges { node { sourceReference } } } } }`,
      variables: { code: code(base) },
    }),
    ok: (data, { base }) => {
      expect(at(data, 'creditProfile.creditCode')).toBe(code(base));
      expectListed(at(data, 'creditProfile.records'), 'sourceReference', reference(base));
    },
  };
}
const overdueDisclosureList = listing('overdueCreditDisclosures', '', 'documentNumber');
function disclosureProbe(permit: (base: Base) => string): VariantProbe {
  return {
    request: ({ base }) => ({
      document: `query ($code: String) { creditDisclosures(creditCode: $code, kind: ADMINISTRATIVE_LICENSE, first: 100) { totalCount edges { node { documentNumber } } } }`,
      variables: { code: base.jsEnterprise },
    }),
    ok: (data, { base }) => expectListed(at(data, 'creditDisclosures'), 'documentNumber', permit(base)),
  };
}
const recordCredit = mutation('recordCredit', 'RecordCreditInput', 'record { sourceReference regionCode }');

const PROBES: Record<Operation, OperationProbe> = {
  'Query.creditProfile': {
    field: 'creditProfile',
    write: false,
    variants: {
      'in-region': creditProfileProbe(
        (base) => base.jsEnterprise,
        (base) => base.jsCredit,
      ),
      'out-of-region': creditProfileProbe(
        (base) => base.zjEnterprise,
        (base) => base.zjEnterpriseCredit,
      ),
    },
  },
  'Query.creditRecords': {
    field: 'creditRecords',
    write: false,
    variants: {
      'in-region': creditRecordList(IN_REGION, ({ base }) => base.jsCredit),
      'out-of-region': creditRecordList(OUT_REGION, ({ base }) => base.zjCredit),
    },
  },
  'Mutation.recordCredit': {
    field: 'recordCredit',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION],
          ['out-of-region', OUT_REGION],
        ] as const
      ).map(([variant, region]) => [
        variant,
        recordCredit(creditInput(region), (payload, _context, input) =>
          expect(at(payload, 'record')).toEqual({ sourceReference: input.sourceReference, regionCode: region }),
        ),
      ]),
    ),
  },
  'Enterprise.creditProfile': {
    field: 'creditProfile',
    enterpriseField: true,
    write: false,
    variants: Object.fromEntries(
      (
        [
          ['in-region', (base: Base) => base.jsCredit],
          ['out-of-region', (base: Base) => base.zjCredit],
        ] as const
      ).map(([variant, reference]) => [
        variant,
        {
          request: ({ base }: ProbeContext) => ({
            document: `query ($code: String!) { enterprise(creditCode: $code) { creditCode creditProfile { rating records(first: 100) { totalCount edges { node { sourceReference } } } } } }`,
            variables: { code: base.jsEnterprise },
          }),
          ok: (data: Json | undefined, { base }: ProbeContext) =>
            expectListed(at(data, 'enterprise.creditProfile.records'), 'sourceReference', reference(base)),
        },
      ]),
    ),
  },
  'Query.creditDisclosures': {
    field: 'creditDisclosures',
    write: false,
    variants: {
      'in-region': disclosureProbe((base) => base.jsPermit),
      'out-of-region': disclosureProbe((base) => base.zjPermit),
    },
  },
  'Query.overdueCreditDisclosures': {
    field: 'overdueCreditDisclosures',
    write: false,
    variants: {
      'in-region': overdueDisclosureList(IN_REGION, ({ base }) => base.jsOverdueDisclosure),
      'out-of-region': overdueDisclosureList(OUT_REGION, ({ base }) => base.zjOverdueDisclosure),
    },
  },
  'CreditProfile.nationalStanding': {
    field: 'creditProfile',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `query ($code: String!) { creditProfile(creditCode: $code) { creditCode nationalStanding { status entries { listName listingAuthority } } } }`,
          variables: { code: DEMO_LISTED_BY_COURT },
        }),
        ok: (data) => {
          expect(at(data, 'creditProfile.creditCode')).toBe(DEMO_LISTED_BY_COURT);
          // Whatever the platform's speed, an answer; when it has one, the court's listing.
          const status = at(data, 'creditProfile.nationalStanding.status');
          expect(['AVAILABLE', 'CACHED', 'UNAVAILABLE']).toContain(status);
          if (status !== 'UNAVAILABLE')
            expect(at(data, 'creditProfile.nationalStanding.entries')).toEqual([
              { listName: '失信被执行人', listingAuthority: '最高人民法院' },
            ]);
        },
      },
    },
  },
  'Query.nationalCreditDeliveries': {
    field: 'nationalCreditDeliveries',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ nationalCreditDeliveries(recordType: DISCLOSURE, first: 5) { totalCount edges { node { recordType version } } } }`,
          variables: {},
        }),
        // The fixtures' licences and penalties are published, so pushed: the list is never empty.
        ok: (data) => {
          expect(at(data, 'nationalCreditDeliveries.totalCount')).toBeGreaterThan(0);
          const edges = at(data, 'nationalCreditDeliveries.edges') as Array<{ node: { recordType: string } }>;
          expect(edges.map((edge) => edge.node.recordType)).toContain('DISCLOSURE');
        },
      },
    },
  },
  'Query.nationalCreditDeliverySummary': {
    field: 'nationalCreditDeliverySummary',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ nationalCreditDeliverySummary { pendingCount failingCount lastDeliveredAt } }`,
          variables: {},
        }),
        ok: (data) => {
          expect(typeof at(data, 'nationalCreditDeliverySummary.pendingCount')).toBe('number');
          expect(at(data, 'nationalCreditDeliverySummary.lastDeliveredAt')).not.toBeNull();
        },
      },
    },
  },
};

export const CREDIT_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
