import {
  at,
  fixtureRecord,
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
  type FixtureSpec,
  type Json,
  type OperationProbe,
  type ProbeContext,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';
import { listEntryInput } from './credit-list.fixtures';
import { creditInput } from './matrix.fixtures';
import { DEMO_LISTED_BY_COURT } from '../../subgraphs/credit/national-platform/demo-standing-data';

// Credit (信用): credit profiles and records (双公示).
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  // Licensing reviewers read the applicant's credit file (联合惩戒).
  'Query.creditProfile': '-       Y       -       -       Y      -      -     -   Y     -     -',
  'Query.creditRecords': '-       Y       -       -       Y      -      -     -   Y     -     -',
  'Mutation.recordCredit': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Enterprise.creditProfile': '-       Y       -       -       Y      -      -     -   Y     -     -',
  // Public (双公示): every caller, and anonymous callers too (test/credit-disclosure.test.ts).
  'Query.creditDisclosures': 'Y       Y       Y       Y       Y      Y      Y     Y   Y     Y     Y',
  'Query.overdueCreditDisclosures': '-       -       -       -       Y      -      -     -   Y     -     -',
  // Versions, corrections and credit repair (信用修复): credit officers' work.
  'Query.creditDisclosureHistory': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Mutation.correctCreditDisclosure': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Query.creditRepairApplications': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Mutation.applyForCreditRepair': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Mutation.approveCreditRepair': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Mutation.refuseCreditRepair': '-       -       -       -       Y      -      -     -   Y     -     -',
  // Credit lists (信用名单): read like credit files (licensing reviewers apply joint discipline with them),
  // written by credit officers within their region; the history's reasons only by credit officers.
  'Query.creditListEntries': '-       Y       -       -       Y      -      -     -   Y     -     -',
  'CreditProfile.listMemberships': '-       Y       -       -       Y      -      -     -   Y     -     -',
  'CreditListEntry.history': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Query.goodStandingSubjects': '-       Y       -       -       Y      -      -     -   Y     -     -',
  'Mutation.listCreditSubject': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Mutation.removeCreditListEntry': '-       -       -       -       Y      -      -     -   Y     -     -',
  // The national credit platform (全国信用信息共享平台): the standing is read with the profile; the pushes
  // are credit officers' work.
  'CreditProfile.nationalStanding': '-       Y       -       -       Y      -      -     -   Y     -     -',
  // The penalties on public display, read with the profile (joint discipline: licensing reviewers too).
  'CreditProfile.publicPenalties': '-       Y       -       -       Y      -      -     -   Y     -     -',
  'Query.nationalCreditDeliveries': '-       -       -       -       Y      -      -     -   Y     -     -',
  'Query.nationalCreditDeliverySummary': '-       -       -       -       Y      -      -     -   Y     -     -',
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
  // The history is read nationally like every credit file; writes and the work list stay in the deciding region.
  'Query.creditDisclosureHistory': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Mutation.correctCreditDisclosure': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Query.creditRepairApplications': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Mutation.applyForCreditRepair': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.approveCreditRepair': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.refuseCreditRepair': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // List entries are read nationally; listing and removal only for authorities within the region.
  'Query.creditListEntries': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'CreditProfile.listMemberships': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'CreditListEntry.history': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Query.goodStandingSubjects': { any: EVERYWHERE },
  'Mutation.listCreditSubject': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.removeCreditListEntry': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // One national platform, one national credit file: the same answer in every region.
  'CreditProfile.nationalStanding': { any: EVERYWHERE },
  'CreditProfile.publicPenalties': { any: EVERYWHERE },
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
const disclosureSpec = (region: string): FixtureSpec => ({ kind: 'credit-disclosure', region });
const repairSpec = (region: string): FixtureSpec => ({ kind: 'credit-repair', region });
const inAndOut = (probe: (region: string) => VariantProbe): Partial<Record<Variant, VariantProbe>> => ({
  'in-region': probe(IN_REGION),
  'out-of-region': probe(OUT_REGION),
});
const historyProbe = (region: string): VariantProbe => ({
  fixture: disclosureSpec(region),
  request: ({ record }) => ({
    document: `query ($id: ID!) { creditDisclosureHistory(id: $id) { disclosure { id } revisions { kind } } }`,
    variables: { id: record },
  }),
  ok: (data, { record }) => expect(at(data, 'creditDisclosureHistory.disclosure.id')).toBe(record),
});
const correctDisclosure = mutation(
  'correctCreditDisclosure',
  'CorrectCreditDisclosureInput',
  'disclosure { id version }',
);
const applyForRepair = mutation(
  'applyForCreditRepair',
  'ApplyForCreditRepairInput',
  'application { state disclosure { id } }',
);
const repairDecision = (operation: string, state: string) => (region: string) =>
  mutation(operation, 'DecideCreditRepairInput', 'application { id state }')(
    ({ record }) => ({ id: record, expectedVersion: 1, reason: '矩阵测试：审核意见' }),
    (payload, { record }) => expect(at(payload, 'application')).toEqual({ id: record, state }),
    repairSpec(region),
  );
const repairList = listing('creditRepairApplications', '', 'id');
const document = (name: string) => ({ fileName: name, contentBase64: Buffer.from(name).toString('base64') });

// Versions, corrections and repair: each write on a record of its own (credit.fixtures.ts).
const REVISION_AND_REPAIR_PROBES = {
  'Query.creditDisclosureHistory': { field: 'creditDisclosureHistory', write: false, variants: inAndOut(historyProbe) },
  'Mutation.correctCreditDisclosure': {
    field: 'correctCreditDisclosure',
    write: true,
    variants: inAndOut((region) =>
      correctDisclosure(
        ({ record }) => ({
          id: record,
          expectedVersion: 1,
          content: '矩阵测试：更正后的处罚内容',
          reason: '矩阵测试：更正',
        }),
        (payload, { record }) => expect(at(payload, 'disclosure')).toEqual({ id: record, version: 2 }),
        disclosureSpec(region),
      ),
    ),
  },
  'Query.creditRepairApplications': {
    field: 'creditRepairApplications',
    write: false,
    variants: inAndOut((region) => repairList(region, fixtureRecord, repairSpec(region))),
  },
  'Mutation.applyForCreditRepair': {
    field: 'applyForCreditRepair',
    write: true,
    variants: inAndOut((region) =>
      applyForRepair(
        ({ record }) => ({
          disclosureId: record,
          penaltyExecuted: true,
          executionStatement: '矩阵测试：罚款已缴清',
          commitmentLetter: document('信用承诺书.pdf'),
          correctiveEvidence: [document('整改报告.pdf')],
        }),
        (payload, { record }) =>
          expect(payload).toEqual({ application: { state: 'PENDING', disclosure: { id: record } } }),
        disclosureSpec(region),
      ),
    ),
  },
  'Mutation.approveCreditRepair': {
    field: 'approveCreditRepair',
    write: true,
    variants: inAndOut(repairDecision('approveCreditRepair', 'APPROVED')),
  },
  'Mutation.refuseCreditRepair': {
    field: 'refuseCreditRepair',
    write: true,
    variants: inAndOut(repairDecision('refuseCreditRepair', 'REFUSED')),
  },
} satisfies Partial<Record<Operation, OperationProbe>>;
const creditListEntries = listing('creditListEntries', '', 'id');
function membershipsProbe(entry: (base: Base) => string): VariantProbe {
  return {
    request: ({ base }) => ({
      document: `query ($code: String!) { creditProfile(creditCode: $code) { creditCode listMemberships { id } } }`,
      variables: { code: base.listEnterprise },
    }),
    ok: (data, { base }) => {
      const ids = (at(data, 'creditProfile.listMemberships') as Array<{ id: number }>).map((each) => String(each.id));
      expect(ids).toContain(entry(base));
    },
  };
}
// The refusal shows on the history field alone: the entry itself is readable with credit:read.
function listHistoryProbe(region: string, entry: (base: Base) => string): VariantProbe {
  return {
    // One entry (the list enterprise has one per region), so a refusal is one error.
    request: ({ base }) => ({
      document: `query ($code: String, $region: String) { creditListEntries(creditCode: $code, regionCode: $region, first: 1) { edges { node { id history { version action } } } } }`,
      variables: { code: base.listEnterprise, region },
    }),
    ok: (data, { base }) => {
      const edges = at(data, 'creditListEntries.edges') as Array<{ node: { id: number; history: Json } }>;
      const node = edges.find((edge) => String(edge.node.id) === entry(base))?.node;
      expect(node?.history).toEqual([{ version: 1, action: 'LISTED' }]);
    },
  };
}
const listCreditSubject = mutation('listCreditSubject', 'ListCreditSubjectInput', 'entry { regionCode criterion }');
const removeCreditListEntry = mutation(
  'removeCreditListEntry',
  'RemoveCreditListEntryInput',
  'entry { id removalReason }',
);

const PROBES: Record<Operation, OperationProbe> = {
  ...REVISION_AND_REPAIR_PROBES,
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
  'Query.creditListEntries': {
    field: 'creditListEntries',
    write: false,
    variants: {
      'in-region': creditListEntries(IN_REGION, ({ base }) => base.jsListEntry),
      'out-of-region': creditListEntries(OUT_REGION, ({ base }) => base.zjListEntry),
    },
  },
  'CreditProfile.listMemberships': {
    field: 'creditProfile',
    write: false,
    variants: {
      'in-region': membershipsProbe((base) => base.jsListEntry),
      'out-of-region': membershipsProbe((base) => base.zjListEntry),
    },
  },
  'CreditListEntry.history': {
    // Refused: credit:read callers get the entries with `history: null`, the others no entries at all.
    field: 'creditListEntries.edges.history',
    write: false,
    variants: {
      'in-region': listHistoryProbe(IN_REGION, (base) => base.jsListEntry),
      'out-of-region': listHistoryProbe(OUT_REGION, (base) => base.zjListEntry),
    },
  },
  'Query.goodStandingSubjects': {
    field: 'goodStandingSubjects',
    write: false,
    variants: {
      any: {
        request: () => ({ document: `{ goodStandingSubjects(first: 1) { totalCount } }`, variables: {} }),
        ok: (data) => expect(at(data, 'goodStandingSubjects.totalCount')).toBeGreaterThan(0),
      },
    },
  },
  'Mutation.listCreditSubject': {
    field: 'listCreditSubject',
    write: true,
    variants: inAndOut((region) =>
      listCreditSubject(listEntryInput(region), (payload) =>
        expect(at(payload, 'entry')).toEqual({ regionCode: region, criterion: 'FRAUDULENT_LICENSING' }),
      ),
    ),
  },
  'Mutation.removeCreditListEntry': {
    field: 'removeCreditListEntry',
    write: true,
    variants: inAndOut((region) =>
      removeCreditListEntry(
        (context) => ({ entryId: Number(fixtureRecord(context)), expectedVersion: 1, reason: '矩阵测试：移出' }),
        (payload, context) =>
          expect(at(payload, 'entry')).toEqual({
            id: Number(fixtureRecord(context)),
            removalReason: 'REMOVED_BY_OFFICER',
          }),
        { kind: 'listEntry', region },
      ),
    ),
  },
  'CreditProfile.publicPenalties': {
    field: 'creditProfile',
    write: false,
    variants: {
      any: {
        request: ({ base }) => ({
          document: `query ($code: String!) { creditProfile(creditCode: $code) { creditCode publicPenalties { kind documentNumber } } }`,
          variables: { code: base.jsEnterprise },
        }),
        // What is on display is asserted in test/joint-discipline-approval.test.ts; here, who may read it.
        ok: (data, { base }) => {
          expect(at(data, 'creditProfile.creditCode')).toBe(base.jsEnterprise);
          const penalties = at(data, 'creditProfile.publicPenalties') as Array<{ kind: string }>;
          expect(penalties.every((penalty) => penalty.kind === 'ADMINISTRATIVE_PENALTY')).toBe(true);
        },
      },
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
