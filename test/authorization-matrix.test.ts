import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requiredMaterialInputs } from './harness/permit-materials';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, graphql, query, tokenFor, type GraphQLResponse } from './harness/single-window.client';
import { newCreditCode, newPlate, story } from './harness/story';

// MLPS level 3 (等保三级) access control: every role x every operation x the record in the caller's
// region, outside it, or shared with it, asserted allowed or refused through the gateway over HTTP.
// The expectations below are written out by hand from permission.policy.ts, the resolvers'
// @Authorized rules and region-scope.ts; they are not computed from the code they check.

const NATIONAL = '000000';
const JIANGSU = '320000';
const NANJING = '320100';
/** In region for every Jiangsu officer, Nanjing's 320100 included (南京市秦淮区). */
const IN_REGION = '320104';
/** Out of region for every Jiangsu officer (杭州市西湖区). */
const OUT_REGION = '330106';

type ActorRegion = typeof NATIONAL | typeof JIANGSU | typeof NANJING;

interface Actor {
  role: string;
  username: string;
  region: ActorRegion;
}

/** One demo user per realm role, in the column order of WHO_MAY. */
const ACTORS: readonly Actor[] = [
  { role: 'licensing-officer', username: 'js-licensing-officer', region: JIANGSU },
  { role: 'licensing-reviewer', username: 'js-licensing-reviewer', region: JIANGSU },
  { role: 'enforcement-officer', username: 'nj-enforcement-officer', region: NANJING },
  { role: 'enforcement-supervisor', username: 'js-enforcement-supervisor', region: JIANGSU },
  { role: 'credit-officer', username: 'js-credit-officer', region: JIANGSU },
  { role: 'safety-officer', username: 'js-safety-officer', region: JIANGSU },
  { role: 'statistics-analyst', username: 'ministry-analyst', region: NATIONAL },
  // js-pii-officer holds enforcement-officer too; pii-reader itself only unmasks party data.
  { role: 'pii-reader', username: 'js-pii-officer', region: JIANGSU },
  // ministry-admin holds admin and every department role.
  { role: 'admin', username: 'ministry-admin', region: NATIONAL },
];

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin
const WHO_MAY = {
  'Query.enterprise': 'Y       Y       Y       Y       Y      Y      Y     Y   Y',
  'Query.enterprises': 'Y       Y       Y       Y       Y      Y      Y     Y   Y',
  'Query.vehicle': 'Y       Y       Y       Y       Y      Y      Y     Y   Y',
  'Query.permitApplication': 'Y       Y       Y       Y       -      -      -     Y   Y',
  'Query.permitApplications': 'Y       Y       Y       Y       -      -      -     Y   Y',
  'Query.permit': 'Y       Y       Y       Y       -      -      -     Y   Y',
  'Query.enforcementCase': '-       -       Y       Y       Y      -      -     Y   Y',
  'Query.enforcementCases': '-       -       Y       Y       Y      -      -     Y   Y',
  'Query.overdueCases': '-       -       Y       Y       Y      -      -     Y   Y',
  'Query.caseEvidenceContent': '-       -       Y       Y       -      -      -     Y   Y',
  'Query.assistanceRequest': '-       -       Y       Y       -      -      -     Y   Y',
  'Query.assistanceRequests': '-       -       Y       Y       -      -      -     Y   Y',
  'Query.creditProfile': '-       -       -       -       Y      -      -     -   Y',
  'Query.creditRecords': '-       -       -       -       Y      -      -     -   Y',
  'Query.waybill': '-       -       -       -       -      Y      -     -   Y',
  'Query.waybills': '-       -       -       -       -      Y      -     -   Y',
  'Query.regionIndicator': '-       -       -       -       -      -      Y     -   Y',
  'Query.regionOverview': '-       -       -       -       -      -      Y     -   Y',
  'Query.auditRecords': '-       -       -       -       -      -      -     -   Y',
  'Query.overloadRecords': '-       -       Y       Y       Y      -      -     Y   Y',
  'Mutation.registerEnterprise': 'Y       -       -       -       -      -      -     -   Y',
  'Mutation.registerVehicle': 'Y       -       -       -       -      -      -     -   Y',
  'Mutation.submitPermitApplication': 'Y       -       -       -       -      -      -     -   Y',
  'Mutation.acceptPermitApplication': 'Y       -       -       -       -      -      -     -   Y',
  'Mutation.approvePermitApplication': '-       Y       -       -       -      -      -     -   Y',
  'Mutation.rejectPermitApplication': '-       Y       -       -       -      -      -     -   Y',
  'Mutation.recordCredit': '-       -       -       -       Y      -      -     -   Y',
  'Mutation.fileCase': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.approveCaseFiling': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.rejectCaseFiling': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.startCaseInvestigation': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.addCaseEvidence': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.extendCaseDeadline': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.proposeCasePenalty': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.reviewCasePenalty': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.notifyCasePenalty': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.recordPartyStatement': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.requestCaseHearing': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.recordCaseHearing': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.decideCase': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.recordCaseExecution': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.closeCase': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.dismissCase': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.shareCase': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.revokeCaseShare': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.proposeCaseTransfer': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.acceptCaseTransfer': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.declineCaseTransfer': '-       -       -       Y       -      -      -     -   Y',
  'Mutation.requestAssistance': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.addAssistanceEvidence': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.answerAssistance': '-       -       Y       -       -      -      -     Y   Y',
  'Mutation.createWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.departWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.arriveWaybill': '-       -       -       -       -      Y      -     -   Y',
  'Mutation.cancelWaybill': '-       -       -       -       -      Y      -     -   Y',
  // Weigh stations' machine clients only (realm role weigh-station): no officer, not even the administrator.
  'Mutation.submitOverloadRecords': '-       -       -       -       -      -      -     -   -',
  'Enterprise.permits': 'Y       Y       Y       Y       -      -      -     Y   Y',
  'Enterprise.vehicles': 'Y       Y       Y       Y       Y      Y      Y     Y   Y',
  'Enterprise.enforcementCases': '-       -       Y       Y       Y      -      -     Y   Y',
  'Enterprise.creditProfile': '-       -       -       -       Y      -      -     -   Y',
  'Enterprise.waybills': '-       -       -       -       -      Y      -     -   Y',
  'Enterprise.activitySummary': '-       -       -       -       -      -      Y     -   Y',
} as const;

type OperationName = keyof typeof WHO_MAY;
type Variant = 'in-region' | 'out-of-region' | 'shared' | 'shared-elsewhere' | 'outgoing' | 'any';
type Outcome = 'ok' | 'absent' | 'FORBIDDEN' | 'NOT_FOUND';

// What an ALLOWED role gets, as "national jiangsu nanjing" (token regions 000000, 320000, 320100):
// ok = it works; absent = null / not listed / not counted, exactly like a record that does not exist.
// in-region: the record is in 320104. out-of-region: in 330106. shared: a case handled in 330106 and
// shared with 320000, or a waybill from 330106 arriving in 320104. shared-elsewhere: a case handled in
// 330106 and shared with 320500. For Enterprise fields the enterprise is in 320104 and the variant is
// where its permit / vehicle / case / waybill / credit record is. For a transfer decision or an assistance
// request answered: in-region = asked of 320104 by 330106, out-of-region = asked of 330102 by 330106,
// outgoing = asked of 330106 by 320104 (the caller's region asked, the other side decides or answers).
const OUT_ABSENT = 'ok absent absent';
const OUT_FORBIDDEN = 'ok FORBIDDEN FORBIDDEN';
const OUT_NOT_FOUND = 'ok NOT_FOUND NOT_FOUND';
const EVERYWHERE = 'ok ok ok';
const HANDLING_REGION_ACTS = {
  'in-region': EVERYWHERE,
  'out-of-region': OUT_NOT_FOUND,
  shared: 'ok FORBIDDEN NOT_FOUND',
};
const OTHER_SIDE_ACTS = { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, outgoing: OUT_FORBIDDEN };
const REGION_RULES: Record<OperationName, Partial<Record<Variant, string>>> = {
  'Query.enterprise': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.enterprises': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.vehicle': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.permitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.permitApplications': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.permit': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  // A share with 320000 is a share with a region in a Jiangsu officer's scope, not in Nanjing's.
  'Query.enforcementCase': {
    'in-region': EVERYWHERE,
    'out-of-region': OUT_ABSENT,
    shared: 'ok ok absent',
    'shared-elsewhere': 'ok ok absent',
  },
  'Query.enforcementCases': {
    'in-region': EVERYWHERE,
    'out-of-region': OUT_ABSENT,
    shared: 'ok ok absent',
    'shared-elsewhere': 'ok ok absent',
  },
  // No case can be overdue inside a test run (the due date is 90 days after filing), so only roles.
  'Query.overdueCases': { 'in-region': EVERYWHERE },
  // Evidence is read wherever its case is read (a read share shows the whole case file).
  'Query.caseEvidenceContent': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: 'ok ok absent' },
  // A request is seen by the region asked and by the region asking (handling the case).
  'Query.assistanceRequest': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, outgoing: EVERYWHERE },
  'Query.assistanceRequests': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, outgoing: EVERYWHERE },
  // Credit files are national by design (双公示): records of any deciding region are read everywhere.
  'Query.creditProfile': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Query.creditRecords': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Query.waybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  'Query.waybills': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  // Statistics outside one's region are refused, not empty; only national roles may read statistics.
  'Query.regionIndicator': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Query.regionOverview': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Query.auditRecords': { any: EVERYWHERE },
  // Only a Jiangsu station exists in the realm, so every record here is in region; records outside a
  // region are checked from Zhejiang's and Nanjing's side in test/overload-records.test.ts.
  'Query.overloadRecords': { 'in-region': EVERYWHERE },
  'Mutation.registerEnterprise': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.registerVehicle': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.submitPermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.acceptPermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.approvePermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.rejectPermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.recordCredit': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // A filing is submitted (FILING_PENDING) for a supervisor's approval.
  'Mutation.fileCase': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // A shared case is read, never acted on, by the regions it is shared with: only the handling region acts.
  'Mutation.approveCaseFiling': HANDLING_REGION_ACTS,
  'Mutation.rejectCaseFiling': HANDLING_REGION_ACTS,
  'Mutation.startCaseInvestigation': HANDLING_REGION_ACTS,
  'Mutation.addCaseEvidence': HANDLING_REGION_ACTS,
  'Mutation.extendCaseDeadline': HANDLING_REGION_ACTS,
  'Mutation.proposeCasePenalty': HANDLING_REGION_ACTS,
  'Mutation.reviewCasePenalty': HANDLING_REGION_ACTS,
  'Mutation.notifyCasePenalty': HANDLING_REGION_ACTS,
  'Mutation.recordPartyStatement': HANDLING_REGION_ACTS,
  'Mutation.requestCaseHearing': HANDLING_REGION_ACTS,
  'Mutation.recordCaseHearing': HANDLING_REGION_ACTS,
  'Mutation.decideCase': HANDLING_REGION_ACTS,
  'Mutation.recordCaseExecution': HANDLING_REGION_ACTS,
  'Mutation.closeCase': HANDLING_REGION_ACTS,
  'Mutation.dismissCase': HANDLING_REGION_ACTS,
  'Mutation.shareCase': HANDLING_REGION_ACTS,
  'Mutation.revokeCaseShare': HANDLING_REGION_ACTS,
  'Mutation.proposeCaseTransfer': HANDLING_REGION_ACTS,
  'Mutation.requestAssistance': HANDLING_REGION_ACTS,
  // The receiving region decides a transfer, the region asked answers: the asking region sees but may not.
  'Mutation.acceptCaseTransfer': OTHER_SIDE_ACTS,
  'Mutation.declineCaseTransfer': OTHER_SIDE_ACTS,
  'Mutation.addAssistanceEvidence': OTHER_SIDE_ACTS,
  'Mutation.answerAssistance': OTHER_SIDE_ACTS,
  // The origin's authority acts on a waybill; the destination supervises (reads) it only.
  'Mutation.createWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN, shared: OUT_FORBIDDEN },
  'Mutation.departWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Mutation.arriveWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Mutation.cancelWaybill': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, shared: OUT_FORBIDDEN },
  'Mutation.submitOverloadRecords': { 'in-region': EVERYWHERE },
  'Enterprise.permits': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Enterprise.vehicles': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Enterprise.enforcementCases': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: 'ok ok absent' },
  'Enterprise.creditProfile': { 'in-region': EVERYWHERE, 'out-of-region': EVERYWHERE },
  'Enterprise.waybills': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: EVERYWHERE },
  'Enterprise.activitySummary': { 'in-region': EVERYWHERE },
};

// ---------------------------------------------------------------------------------------------------
// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a fixture case stands: the procedure's statuses, READY = notified with the party's statement recorded and the hearing given up. */
type CaseStatus =
  | 'FILING_PENDING'
  | 'FILED'
  | 'INVESTIGATING'
  | 'LEGAL_REVIEW'
  | 'PENALTY_PROPOSED'
  | 'NOTIFIED'
  | 'HEARING'
  | 'READY'
  | 'DECIDED'
  | 'EXECUTED'
  | 'TRANSFER_PENDING';
/** State a mutation acts on; cells expected to succeed get one each, all others share one. */
type FixtureSpec =
  | { kind: 'case'; status: CaseStatus; region: string; sharedWith?: string; transferTo?: string }
  | { kind: 'evidence'; region: string; sharedWith?: string }
  | { kind: 'assistance'; region: string; asked: string }
  | { kind: 'application'; status: 'SUBMITTED' | 'ACCEPTED'; region: string }
  | { kind: 'waybill'; status: 'CREATED' | 'IN_TRANSIT'; origin: string; destination: string };

/** Records every cell reads, made once by ministry-admin. */
interface Base {
  /** Registered in 320104; every case, application, waybill and vehicle below is about it. */
  jsEnterprise: string;
  /** Registered in 320104: the subject of the cases that writes change (so the Jiangsu enterprise's case list stays one page). */
  fixtureEnterprise: string;
  /** Registered in 330106. */
  zjEnterprise: string;
  jsVehicle: string;
  /** Owned by the Jiangsu enterprise, certified in 330106. */
  zjVehicle: string;
  jsPermit: string;
  /** Held by the Jiangsu enterprise, issued by 330106. */
  zjPermit: string;
  /** Source references of credit records: on the Jiangsu enterprise by 320104 and by 330106, on the Zhejiang one by 330106. */
  jsCredit: string;
  zjCredit: string;
  zjEnterpriseCredit: string;
  /** Station record id of a weigh-station record at a station in 320104, submitted by the station's client. */
  jsOverloadRecord: string;
}

interface ProbeContext {
  base: Base;
  /** The case, application or waybill number this cell acts on, when it needs one. */
  record: string;
}

interface VariantProbe {
  fixture?: FixtureSpec;
  request(context: ProbeContext): { document: string; variables: Record<string, unknown> };
  ok(data: Json | undefined, context: ProbeContext): void;
  absent?(data: Json | undefined, context: ProbeContext): void;
}

interface OperationProbe {
  /** Where a refusal shows: a root field, or an Enterprise field under `enterprise`. */
  field: string;
  enterpriseField?: boolean;
  write: boolean;
  variants: Partial<Record<Variant, VariantProbe>>;
}

function at(value: Json | undefined, path: string): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object' || Array.isArray(current))
      return undefined;
    current = current[key];
  }
  return current;
}

function idsIn(connection: Json | undefined, key: string): string[] {
  const edges = at(connection, 'edges');
  if (!Array.isArray(edges)) throw new Error(`not a connection: ${JSON.stringify(connection)}`);
  return edges.map((edge) => String(at(edge, `node.${key}`)));
}

function expectListed(connection: Json | undefined, key: string, id: string): void {
  expect(idsIn(connection, key)).toContain(id);
}

/** Not on the page and not in the total either: the page holds the whole visible list here. */
function expectUnlisted(connection: Json | undefined, key: string, id: string): void {
  const ids = idsIn(connection, key);
  expect(ids).not.toContain(id);
  expect(at(connection, 'totalCount')).toBe(ids.length);
}

function chinaNow(): { month: string; year: number } {
  const china = new Date(Date.now() + 8 * 3600_000).toISOString();
  return { month: china.slice(0, 7), year: Number(china.slice(0, 4)) };
}

const RUN = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`.toUpperCase();

/** A read of one record by its key: the record, or null exactly as for an unknown key. */
function lookup(field: string, argument: string, argumentType: string, selection: string, idField: string) {
  return (key: (context: ProbeContext) => string, fixture?: FixtureSpec): VariantProbe => ({
    fixture,
    request: (context) => ({
      document: `query ($key: ${argumentType}) { ${field}(${argument}: $key) { ${selection} } }`,
      variables: { key: key(context) },
    }),
    ok: (data, context) => expect(at(data, `${field}.${idField}`)).toBe(key(context)),
    absent: (data) => expect(at(data, field)).toBeNull(),
  });
}

/** A list filtered by region (or not): the record listed, or neither listed nor counted. */
function listing(field: string, arguments_: string, idField: string) {
  return (region: string | null, id: (context: ProbeContext) => string, fixture?: FixtureSpec): VariantProbe => ({
    fixture,
    request: () => ({
      document: `query ($region: String) { ${field}(regionCode: $region, first: 100${arguments_}) { totalCount edges { node { ${idField} } } } }`,
      variables: { region },
    }),
    ok: (data, context) => expectListed(at(data, field), idField, id(context)),
    absent: (data, context) => expectUnlisted(at(data, field), idField, id(context)),
  });
}

/** A field of the Jiangsu enterprise listing its children: the child listed, or neither listed nor counted. */
function childList(field: string, idField: string) {
  return (id: (context: ProbeContext) => string, fixture?: FixtureSpec): VariantProbe => ({
    fixture,
    request: (context) => ({
      document: `query ($code: String!) { enterprise(creditCode: $code) { creditCode ${field}(first: 100) { totalCount edges { node { ${idField} } } } } }`,
      variables: { code: context.base.jsEnterprise },
    }),
    ok: (data, context) => expectListed(at(data, `enterprise.${field}`), idField, id(context)),
    absent: (data, context) => expectUnlisted(at(data, `enterprise.${field}`), idField, id(context)),
  });
}

/** A mutation with one `input` argument; ok when `check` holds for its payload. */
function mutation(field: string, inputType: string, selection: string) {
  return (
    input: (context: ProbeContext) => Record<string, unknown>,
    check: (payload: Json | undefined, context: ProbeContext, input: Record<string, unknown>) => void,
    fixture?: FixtureSpec,
  ): VariantProbe => {
    const inputs = new WeakMap<ProbeContext, Record<string, unknown>>();
    const inputOf = (context: ProbeContext) => {
      // Generated values (credit codes, plates) must be the same in the request and in the check.
      const existing = inputs.get(context);
      if (existing) return existing;
      const created = input(context);
      inputs.set(context, created);
      return created;
    };
    return {
      fixture,
      request: (context) => ({
        document: `mutation ($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
        variables: { input: inputOf(context) },
      }),
      ok: (data, context) => check(at(data, field), context, inputOf(context)),
    };
  };
}

function caseSpec(status: CaseStatus, region: string, sharedWith?: string): FixtureSpec {
  return sharedWith ? { kind: 'case', status, region, sharedWith } : { kind: 'case', status, region };
}
const transferSpec = (from: string, to: string): FixtureSpec => ({
  kind: 'case',
  status: 'TRANSFER_PENDING',
  region: from,
  transferTo: to,
});
const evidenceSpec = (region: string, sharedWith?: string): FixtureSpec =>
  sharedWith ? { kind: 'evidence', region, sharedWith } : { kind: 'evidence', region };
const assistanceSpec = (region: string, asked: string): FixtureSpec => ({ kind: 'assistance', region, asked });
const applicationSpec = (status: 'SUBMITTED' | 'ACCEPTED', region: string): FixtureSpec => ({
  kind: 'application',
  status,
  region,
});
const waybillSpec = (status: 'CREATED' | 'IN_TRANSIT', origin: string, destination: string): FixtureSpec => ({
  kind: 'waybill',
  status,
  origin,
  destination,
});

// The records the reads look for; the same specs give the shared fixtures of refused writes.
const JS_CASE = caseSpec('FILED', IN_REGION);
const ZJ_CASE = caseSpec('FILED', OUT_REGION);
const SHARED_CASE = caseSpec('FILED', OUT_REGION, JIANGSU);
const SHARED_ELSEWHERE_CASE = caseSpec('FILED', OUT_REGION, '320500');
const JS_APPLICATION = applicationSpec('SUBMITTED', IN_REGION);
const ZJ_APPLICATION = applicationSpec('SUBMITTED', OUT_REGION);
const JS_WAYBILL = waybillSpec('CREATED', IN_REGION, OUT_REGION);
const ZJ_WAYBILL = waybillSpec('CREATED', OUT_REGION, '330102');
const ARRIVING_WAYBILL = waybillSpec('CREATED', OUT_REGION, IN_REGION);
// Assistance requests: asked of Jiangsu by Zhejiang, asked between two Zhejiang regions, asked by Jiangsu of Zhejiang.
const ASKED_OF_JIANGSU = assistanceSpec(OUT_REGION, IN_REGION);
const ASKED_ELSEWHERE = assistanceSpec(OUT_REGION, '330102');
const ASKED_BY_JIANGSU = assistanceSpec(IN_REGION, OUT_REGION);

/** A step of the procedure probed on cases in a status: in Jiangsu, in Zhejiang, in Zhejiang shared with Jiangsu. */
function onCasesIn(
  status: CaseStatus,
  probe: (fixture: FixtureSpec) => VariantProbe,
): Partial<Record<Variant, VariantProbe>> {
  return {
    'in-region': probe(caseSpec(status, IN_REGION)),
    'out-of-region': probe(caseSpec(status, OUT_REGION)),
    shared: probe(caseSpec(status, OUT_REGION, JIANGSU)),
  };
}

const fixtureRecord = (context: ProbeContext) => context.record;

const enterpriseLookup = lookup('enterprise', 'creditCode', 'String!', 'creditCode name', 'creditCode');
const vehicleLookup = lookup('vehicle', 'plateNumber', 'String!', 'plateNumber regionCode', 'plateNumber');
const applicationLookup = lookup(
  'permitApplication',
  'applicationNumber',
  'String!',
  'applicationNumber status',
  'applicationNumber',
);
const permitLookup = lookup('permit', 'number', 'String!', 'number regionCode', 'number');
const caseLookup = lookup('enforcementCase', 'caseNumber', 'String!', 'caseNumber regionCode status', 'caseNumber');
const evidenceLookup = lookup('caseEvidenceContent', 'id', 'ID!', 'evidence { id } sm3Digest', 'evidence.id');
const assistanceLookup = lookup('assistanceRequest', 'id', 'ID!', 'id status caseNumber sharedSummary', 'id');
const waybillLookup = lookup('waybill', 'waybillNumber', 'String!', 'waybillNumber status', 'waybillNumber');
const enterpriseList = listing('enterprises', '', 'creditCode');
const applicationList = listing('permitApplications', '', 'applicationNumber');
const caseList = listing('enforcementCases', '', 'caseNumber');
const creditRecordList = listing('creditRecords', '', 'sourceReference');
const waybillList = listing('waybills', '', 'waybillNumber');
const overloadRecordList = listing('overloadRecords', '', 'stationRecordId');

/** The caller's assistance requests, asked of or by its region: the request listed, or neither listed nor counted. */
function assistanceList(fixture: FixtureSpec): VariantProbe {
  return {
    fixture,
    request: () => ({
      document: `{ assistanceRequests(first: 100) { totalCount edges { node { id } } } }`,
      variables: {},
    }),
    ok: (data, context) => expectListed(at(data, 'assistanceRequests'), 'id', context.record),
    absent: (data, context) => expectUnlisted(at(data, 'assistanceRequests'), 'id', context.record),
  };
}

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

function statisticsProbe(field: 'regionIndicator' | 'regionOverview', region: string): VariantProbe {
  const { month, year } = chinaNow();
  const document =
    field === 'regionIndicator'
      ? `query ($region: String!, $month: String!) { regionIndicator(indicator: CASES_OPENED, regionCode: $region, fromMonth: $month, toMonth: $month) { regionCode total points { month value } } }`
      : `query ($region: String!, $year: Int!) { regionOverview(regionCode: $region, year: $year) { regionCode year casesOpened } }`;
  return {
    request: () => ({ document, variables: field === 'regionIndicator' ? { region, month } : { region, year } }),
    ok: (data) => {
      expect(at(data, `${field}.regionCode`)).toBe(region);
      if (field === 'regionIndicator')
        expect(at(data, 'regionIndicator.points')).toEqual([{ month, value: expect.any(Number) }]);
      else expect(at(data, 'regionOverview.year')).toBe(year);
    },
  };
}

const registerEnterprise = mutation(
  'registerEnterprise',
  'RegisterEnterpriseInput',
  'enterprise { creditCode regionCode }',
);
const registerVehicle = mutation('registerVehicle', 'RegisterVehicleInput', 'vehicle { plateNumber regionCode }');
const submitApplication = mutation(
  'submitPermitApplication',
  'SubmitPermitApplicationInput',
  'application { applicationNumber status regionCode }',
);
const recordCredit = mutation('recordCredit', 'RecordCreditInput', 'record { sourceReference regionCode }');
const fileCase = mutation('fileCase', 'FileCaseInput', 'case { caseNumber status regionCode }');
const createWaybill = mutation(
  'createWaybill',
  'CreateWaybillInput',
  'waybill { waybillNumber status originRegionCode }',
);
const submitOverloadRecords = mutation(
  'submitOverloadRecords',
  'SubmitOverloadRecordsInput',
  'acceptedCount results { outcome }',
);
const IN_REGION_STATION = `${IN_REGION}0001`;
const overloadRecordInput = (stationRecordId: string) => ({
  stationCode: IN_REGION_STATION,
  stationRecordId,
  detectedAt: new Date(Date.now() - 600_000).toISOString(),
  plateNumber: newPlate('苏A'),
  axleCount: 5,
  grossWeightKg: 30_000,
});

/** A step on an existing record: ok when the record now has `status`. */
function step(
  field: string,
  inputType: string,
  key: string,
  payload: string,
  status: string,
  extra: Record<string, unknown> = {},
) {
  const probe = mutation(field, inputType, `${payload} { ${key} status }`);
  return (fixture: FixtureSpec) =>
    probe(
      (context) => ({ [key]: context.record, ...extra }),
      (result, context) => {
        expect(at(result, `${payload}.${key}`)).toBe(context.record);
        expect(at(result, `${payload}.status`)).toBe(status);
      },
      fixture,
    );
}

const acceptApplication = step(
  'acceptPermitApplication',
  'ApplicationActionInput',
  'applicationNumber',
  'application',
  'ACCEPTED',
);
const approveApplication = step(
  'approvePermitApplication',
  'ApprovePermitApplicationInput',
  'applicationNumber',
  'application',
  'APPROVED',
);
const rejectApplication = step(
  'rejectPermitApplication',
  'RejectPermitApplicationInput',
  'applicationNumber',
  'application',
  'REJECTED',
  { reason: '申请材料不齐全' },
);
const approveFiling = step('approveCaseFiling', 'CaseActionInput', 'caseNumber', 'case', 'FILED');
const rejectFiling = step('rejectCaseFiling', 'RejectCaseFilingInput', 'caseNumber', 'case', 'NOT_FILED', {
  reason: '不属于本机关管辖',
});
const startInvestigation = step('startCaseInvestigation', 'CaseActionInput', 'caseNumber', 'case', 'INVESTIGATING');
const extendDeadline = step('extendCaseDeadline', 'ExtendCaseDeadlineInput', 'caseNumber', 'case', 'INVESTIGATING', {
  days: 10,
  reason: '案情复杂',
});
const proposePenalty = step('proposeCasePenalty', 'ProposeCasePenaltyInput', 'caseNumber', 'case', 'PENALTY_PROPOSED', {
  penalty: 'WARNING',
  summary: '拟警告',
});
const reviewPenalty = step('reviewCasePenalty', 'ReviewCasePenaltyInput', 'caseNumber', 'case', 'PENALTY_PROPOSED', {
  approved: true,
  opinion: '同意',
});
const notifyPenalty = step('notifyCasePenalty', 'CaseActionInput', 'caseNumber', 'case', 'NOTIFIED');
const recordStatement = step('recordPartyStatement', 'RecordPartyStatementInput', 'caseNumber', 'case', 'NOTIFIED', {
  statement: '无异议',
});
const requestHearing = step('requestCaseHearing', 'CaseActionInput', 'caseNumber', 'case', 'HEARING');
const recordHearing = (fixture: FixtureSpec) =>
  mutation('recordCaseHearing', 'RecordCaseHearingInput', 'case { caseNumber status }')(
    (context) => ({ caseNumber: context.record, heldAt: new Date().toISOString(), record: '听证笔录' }),
    (payload, context) => expect(at(payload, 'case')).toEqual({ caseNumber: context.record, status: 'HEARD' }),
    fixture,
  );
const decideCase = step('decideCase', 'DecideCaseInput', 'caseNumber', 'case', 'DECIDED', {
  penalty: 'WARNING',
  decisionSummary: '责令改正，给予警告。',
});
const recordExecution = step('recordCaseExecution', 'RecordCaseExecutionInput', 'caseNumber', 'case', 'EXECUTED', {
  note: '处罚决定书已送达',
});
const closeCase = step('closeCase', 'CaseActionInput', 'caseNumber', 'case', 'CLOSED', {
  comment: '当事人已履行处罚决定',
});
const addEvidence = (fixture: FixtureSpec) =>
  mutation('addCaseEvidence', 'AddCaseEvidenceInput', 'evidence { sm3Digest } case { caseNumber }')(
    (context) => ({
      caseNumber: context.record,
      kind: 'PHOTO',
      title: '矩阵测试照片',
      fileName: 'matrix.jpg',
      contentBase64: Buffer.from('matrix').toString('base64'),
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
    }),
    (payload, context) => {
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
      expect(at(payload, 'evidence.sm3Digest')).toMatch(/^[0-9a-f]{64}$/);
    },
    fixture,
  );
const proposeTransfer = (fixture: FixtureSpec, toRegionCode: string) =>
  mutation(
    'proposeCaseTransfer',
    'ProposeCaseTransferInput',
    'transfer { status toRegionCode } case { caseNumber status }',
  )(
    (context) => ({ caseNumber: context.record, toRegionCode, reason: '矩阵测试：移送属地管辖' }),
    (payload, context) => {
      expect(at(payload, 'transfer')).toEqual({ status: 'PROPOSED', toRegionCode });
      expect(at(payload, 'case')).toEqual({ caseNumber: context.record, status: 'TRANSFER_PENDING' });
    },
    fixture,
  );
const transferDecision =
  (field: 'acceptCaseTransfer' | 'declineCaseTransfer', status: 'ACCEPTED' | 'DECLINED') => (fixture: FixtureSpec) =>
    mutation(
      field,
      field === 'acceptCaseTransfer' ? 'AcceptCaseTransferInput' : 'DeclineCaseTransferInput',
      'transfer { status }',
    )(
      (context) =>
        field === 'acceptCaseTransfer'
          ? { caseNumber: context.record }
          : { caseNumber: context.record, reason: '矩阵测试：不属本地管辖' },
      (payload) => expect(at(payload, 'transfer.status')).toBe(status),
      fixture,
    );
const acceptTransfer = transferDecision('acceptCaseTransfer', 'ACCEPTED');
const declineTransfer = transferDecision('declineCaseTransfer', 'DECLINED');
const requestAssistance = (fixture: FixtureSpec, asked: string) =>
  mutation(
    'requestAssistance',
    'RequestAssistanceInput',
    'assistanceRequest { status assistingRegionCode } case { caseNumber }',
  )(
    (context) => ({
      caseNumber: context.record,
      assistingRegionCode: asked,
      question: '矩阵测试：请协助核查',
      sharedSummary: '矩阵测试车辆',
    }),
    (payload, context) => {
      expect(at(payload, 'assistanceRequest')).toEqual({ status: 'OPEN', assistingRegionCode: asked });
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
    },
    fixture,
  );
const addAssistanceEvidence = (fixture: FixtureSpec) =>
  mutation('addAssistanceEvidence', 'AddAssistanceEvidenceInput', 'evidence { sm3Digest } assistanceRequest { id }')(
    (context) => ({
      assistanceRequestId: context.record,
      kind: 'DOCUMENT',
      title: '矩阵测试记录',
      fileName: 'matrix.pdf',
      contentBase64: Buffer.from('records').toString('base64'),
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
    }),
    (payload, context) => expect(at(payload, 'assistanceRequest.id')).toBe(context.record),
    fixture,
  );
const answerAssistance = (fixture: FixtureSpec) =>
  mutation('answerAssistance', 'AnswerAssistanceInput', 'assistanceRequest { id status }')(
    (context) => ({ assistanceRequestId: context.record, answer: '矩阵测试：已核查' }),
    (payload, context) => expect(at(payload, 'assistanceRequest')).toEqual({ id: context.record, status: 'ANSWERED' }),
    fixture,
  );
const dismissCase = step('dismissCase', 'DismissCaseInput', 'caseNumber', 'case', 'DISMISSED', {
  reason: '违法事实不能成立',
});
const departWaybill = step('departWaybill', 'WaybillActionInput', 'waybillNumber', 'waybill', 'IN_TRANSIT');
const arriveWaybill = step('arriveWaybill', 'WaybillActionInput', 'waybillNumber', 'waybill', 'ARRIVED');
const cancelWaybill = step('cancelWaybill', 'CancelWaybillInput', 'waybillNumber', 'waybill', 'CANCELLED', {
  reason: '托运人取消发运',
});

// Case sharing (案件共享协查): shareCase / revokeCaseShare answer the case with its active shares.
function regionsSharedWith(payload: Json | undefined): string[] {
  const shares = at(payload, 'case.sharedWith');
  if (!Array.isArray(shares)) throw new Error(`no sharedWith list: ${JSON.stringify(payload)}`);
  return shares.map((share) => String(at(share, 'regionCode')));
}
const shareProbe = mutation('shareCase', 'ShareCaseInput', 'case { caseNumber sharedWith { regionCode reason } }');
const revokeProbe = mutation(
  'revokeCaseShare',
  'RevokeCaseShareInput',
  'case { caseNumber sharedWith { regionCode reason } }',
);
const shareCase = (fixture: FixtureSpec, withRegion: string) =>
  shareProbe(
    (context) => ({ caseNumber: context.record, regionCode: withRegion, reason: '跨区域协查' }),
    (payload, context) => {
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
      expect(regionsSharedWith(payload)).toContain(withRegion);
    },
    fixture,
  );
const revokeCaseShare = (fixture: FixtureSpec & { kind: 'case'; sharedWith: string }) =>
  revokeProbe(
    (context) => ({ caseNumber: context.record, regionCode: fixture.sharedWith }),
    (payload, context) => {
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
      expect(regionsSharedWith(payload)).not.toContain(fixture.sharedWith);
    },
    fixture,
  );

const waybillInput = (origin: string, destination: string) => (context: ProbeContext) => ({
  carrierCreditCode: context.base.jsEnterprise,
  shipperName: '矩阵测试化工有限公司',
  plateNumber: context.base.jsVehicle,
  goodsName: '汽油',
  unNumber: 'UN1203',
  hazardClass: '3',
  packingGroup: 'II',
  quantityKg: 10000,
  originRegionCode: origin,
  destinationRegionCode: destination,
});
const createdWaybill = (payload: Json | undefined, _context: ProbeContext, input: Record<string, unknown>) => {
  expect(at(payload, 'waybill.status')).toBe('CREATED');
  expect(at(payload, 'waybill.originRegionCode')).toBe(input.originRegionCode);
};
const creditInput = (region: string) => (context: ProbeContext) => ({
  creditCode: context.base.jsEnterprise,
  kind: 'COMMENDATION',
  regionCode: region,
  summary: '矩阵测试表彰',
  decidedAt: new Date(Date.now() - 60_000).toISOString(),
  sourceReference: `MX-${RUN}-${randomInt(1e9)}`,
});
const caseInput = (region: string) => (context: ProbeContext) => ({
  regionCode: region,
  cause: '矩阵测试：未按规定维护运输车辆',
  creditCode: context.base.jsEnterprise,
});
const applicationInput = (code: (base: Base) => string, region: string) => (context: ProbeContext) => ({
  creditCode: code(context.base),
  kind: 'ROAD_FREIGHT_TRANSPORT',
  scope: '普通货运',
  regionCode: region,
});

const PROBES: Record<OperationName, OperationProbe> = {
  'Query.enterprise': {
    field: 'enterprise',
    write: false,
    variants: {
      'in-region': enterpriseLookup(({ base }) => base.jsEnterprise),
      'out-of-region': enterpriseLookup(({ base }) => base.zjEnterprise),
    },
  },
  'Query.enterprises': {
    field: 'enterprises',
    write: false,
    variants: {
      'in-region': enterpriseList(IN_REGION, ({ base }) => base.jsEnterprise),
      'out-of-region': enterpriseList(OUT_REGION, ({ base }) => base.zjEnterprise),
    },
  },
  'Query.vehicle': {
    field: 'vehicle',
    write: false,
    variants: {
      'in-region': vehicleLookup(({ base }) => base.jsVehicle),
      'out-of-region': vehicleLookup(({ base }) => base.zjVehicle),
    },
  },
  'Query.permitApplication': {
    field: 'permitApplication',
    write: false,
    variants: {
      'in-region': applicationLookup(fixtureRecord, JS_APPLICATION),
      'out-of-region': applicationLookup(fixtureRecord, ZJ_APPLICATION),
    },
  },
  'Query.permitApplications': {
    field: 'permitApplications',
    write: false,
    variants: {
      'in-region': applicationList(IN_REGION, fixtureRecord, JS_APPLICATION),
      'out-of-region': applicationList(OUT_REGION, fixtureRecord, ZJ_APPLICATION),
    },
  },
  'Query.permit': {
    field: 'permit',
    write: false,
    variants: {
      'in-region': permitLookup(({ base }) => base.jsPermit),
      'out-of-region': permitLookup(({ base }) => base.zjPermit),
    },
  },
  'Query.enforcementCase': {
    field: 'enforcementCase',
    write: false,
    variants: {
      'in-region': caseLookup(fixtureRecord, JS_CASE),
      'out-of-region': caseLookup(fixtureRecord, ZJ_CASE),
      shared: caseLookup(fixtureRecord, SHARED_CASE),
      'shared-elsewhere': caseLookup(fixtureRecord, SHARED_ELSEWHERE_CASE),
    },
  },
  'Query.enforcementCases': {
    field: 'enforcementCases',
    write: false,
    variants: {
      'in-region': caseList(IN_REGION, fixtureRecord, JS_CASE),
      'out-of-region': caseList(OUT_REGION, fixtureRecord, ZJ_CASE),
      // Unfiltered: a shared case is listed wherever the caller's own list is.
      shared: caseList(null, fixtureRecord, SHARED_CASE),
      'shared-elsewhere': caseList(null, fixtureRecord, SHARED_ELSEWHERE_CASE),
    },
  },
  'Query.overdueCases': {
    field: 'overdueCases',
    write: false,
    variants: {
      'in-region': {
        request: () => ({
          document: `query ($region: String) { overdueCases(regionCode: $region, first: 10) { totalCount edges { node { caseNumber } } } }`,
          variables: { region: IN_REGION },
        }),
        ok: (data) => expect(at(data, 'overdueCases.totalCount')).toEqual(expect.any(Number)),
      },
    },
  },
  'Query.caseEvidenceContent': {
    field: 'caseEvidenceContent',
    write: false,
    variants: {
      'in-region': evidenceLookup(fixtureRecord, evidenceSpec(IN_REGION)),
      'out-of-region': evidenceLookup(fixtureRecord, evidenceSpec(OUT_REGION)),
      shared: evidenceLookup(fixtureRecord, evidenceSpec(OUT_REGION, JIANGSU)),
    },
  },
  'Query.assistanceRequest': {
    field: 'assistanceRequest',
    write: false,
    variants: {
      'in-region': assistanceLookup(fixtureRecord, ASKED_OF_JIANGSU),
      'out-of-region': assistanceLookup(fixtureRecord, ASKED_ELSEWHERE),
      outgoing: assistanceLookup(fixtureRecord, ASKED_BY_JIANGSU),
    },
  },
  'Query.assistanceRequests': {
    field: 'assistanceRequests',
    write: false,
    variants: {
      'in-region': assistanceList(ASKED_OF_JIANGSU),
      'out-of-region': assistanceList(ASKED_ELSEWHERE),
      outgoing: assistanceList(ASKED_BY_JIANGSU),
    },
  },
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
  'Query.regionIndicator': {
    field: 'regionIndicator',
    write: false,
    variants: {
      'in-region': statisticsProbe('regionIndicator', JIANGSU),
      'out-of-region': statisticsProbe('regionIndicator', '330000'),
    },
  },
  'Query.regionOverview': {
    field: 'regionOverview',
    write: false,
    variants: {
      'in-region': statisticsProbe('regionOverview', JIANGSU),
      'out-of-region': statisticsProbe('regionOverview', '330000'),
    },
  },
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
        () => ({ records: [overloadRecordInput(`MX-${RUN}-${randomInt(1e9)}`)] }),
        (payload) => expect(at(payload, 'acceptedCount')).toBe(1),
      ),
    },
  },
  'Mutation.registerEnterprise': {
    field: 'registerEnterprise',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION],
          ['out-of-region', OUT_REGION],
        ] as const
      ).map(([variant, region]) => [
        variant,
        registerEnterprise(
          () => ({
            creditCode: newCreditCode(region),
            name: '矩阵测试运输有限公司',
            legalRepresentative: '测试人',
            regionCode: region,
            address: '测试路1号',
          }),
          (payload, _context, input) =>
            expect(at(payload, 'enterprise')).toEqual({ creditCode: input.creditCode, regionCode: region }),
        ),
      ]),
    ),
  },
  'Mutation.registerVehicle': {
    field: 'registerVehicle',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION, '苏A', (base: Base) => base.jsEnterprise],
          ['out-of-region', OUT_REGION, '浙A', (base: Base) => base.zjEnterprise],
        ] as const
      ).map(([variant, region, prefix, owner]) => [
        variant,
        registerVehicle(
          ({ base }) => ({
            plateNumber: newPlate(prefix),
            ownerCreditCode: owner(base),
            vehicleType: '重型半挂牵引车',
            transportCertificateNumber: `MX${randomInt(1e9)}`,
            regionCode: region,
          }),
          (payload, _context, input) =>
            expect(at(payload, 'vehicle')).toEqual({ plateNumber: input.plateNumber, regionCode: region }),
        ),
      ]),
    ),
  },
  'Mutation.submitPermitApplication': {
    field: 'submitPermitApplication',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION, (base: Base) => base.jsEnterprise],
          ['out-of-region', OUT_REGION, (base: Base) => base.zjEnterprise],
        ] as const
      ).map(([variant, region, code]) => [
        variant,
        submitApplication(applicationInput(code, region), (payload) => {
          expect(at(payload, 'application.status')).toBe('SUBMITTED');
          expect(at(payload, 'application.regionCode')).toBe(region);
        }),
      ]),
    ),
  },
  'Mutation.acceptPermitApplication': {
    field: 'acceptPermitApplication',
    write: true,
    variants: { 'in-region': acceptApplication(JS_APPLICATION), 'out-of-region': acceptApplication(ZJ_APPLICATION) },
  },
  'Mutation.approvePermitApplication': {
    field: 'approvePermitApplication',
    write: true,
    variants: {
      'in-region': approveApplication(applicationSpec('ACCEPTED', IN_REGION)),
      'out-of-region': approveApplication(applicationSpec('ACCEPTED', OUT_REGION)),
    },
  },
  'Mutation.rejectPermitApplication': {
    field: 'rejectPermitApplication',
    write: true,
    variants: {
      'in-region': rejectApplication(applicationSpec('ACCEPTED', IN_REGION)),
      'out-of-region': rejectApplication(applicationSpec('ACCEPTED', OUT_REGION)),
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
  'Mutation.fileCase': {
    field: 'fileCase',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION],
          ['out-of-region', OUT_REGION],
        ] as const
      ).map(([variant, region]) => [
        variant,
        fileCase(caseInput(region), (payload) => {
          expect(at(payload, 'case.status')).toBe('FILING_PENDING');
          expect(at(payload, 'case.regionCode')).toBe(region);
        }),
      ]),
    ),
  },
  'Mutation.approveCaseFiling': {
    field: 'approveCaseFiling',
    write: true,
    variants: onCasesIn('FILING_PENDING', approveFiling),
  },
  'Mutation.rejectCaseFiling': {
    field: 'rejectCaseFiling',
    write: true,
    variants: onCasesIn('FILING_PENDING', rejectFiling),
  },
  'Mutation.startCaseInvestigation': {
    field: 'startCaseInvestigation',
    write: true,
    variants: {
      'in-region': startInvestigation(JS_CASE),
      'out-of-region': startInvestigation(ZJ_CASE),
      shared: startInvestigation(SHARED_CASE),
    },
  },
  'Mutation.addCaseEvidence': {
    field: 'addCaseEvidence',
    write: true,
    variants: onCasesIn('INVESTIGATING', addEvidence),
  },
  'Mutation.extendCaseDeadline': {
    field: 'extendCaseDeadline',
    write: true,
    variants: onCasesIn('INVESTIGATING', extendDeadline),
  },
  'Mutation.proposeCasePenalty': {
    field: 'proposeCasePenalty',
    write: true,
    variants: onCasesIn('INVESTIGATING', proposePenalty),
  },
  'Mutation.reviewCasePenalty': {
    field: 'reviewCasePenalty',
    write: true,
    variants: onCasesIn('LEGAL_REVIEW', reviewPenalty),
  },
  'Mutation.notifyCasePenalty': {
    field: 'notifyCasePenalty',
    write: true,
    variants: onCasesIn('PENALTY_PROPOSED', notifyPenalty),
  },
  'Mutation.recordPartyStatement': {
    field: 'recordPartyStatement',
    write: true,
    variants: onCasesIn('NOTIFIED', recordStatement),
  },
  'Mutation.requestCaseHearing': {
    field: 'requestCaseHearing',
    write: true,
    variants: onCasesIn('NOTIFIED', requestHearing),
  },
  'Mutation.recordCaseHearing': {
    field: 'recordCaseHearing',
    write: true,
    variants: onCasesIn('HEARING', recordHearing),
  },
  'Mutation.decideCase': { field: 'decideCase', write: true, variants: onCasesIn('READY', decideCase) },
  'Mutation.recordCaseExecution': {
    field: 'recordCaseExecution',
    write: true,
    variants: onCasesIn('DECIDED', recordExecution),
  },
  'Mutation.closeCase': { field: 'closeCase', write: true, variants: onCasesIn('EXECUTED', closeCase) },
  'Mutation.dismissCase': {
    field: 'dismissCase',
    write: true,
    variants: {
      'in-region': dismissCase(JS_CASE),
      'out-of-region': dismissCase(ZJ_CASE),
      shared: dismissCase(SHARED_CASE),
    },
  },
  'Mutation.shareCase': {
    field: 'shareCase',
    write: true,
    variants: {
      'in-region': shareCase(JS_CASE, OUT_REGION),
      'out-of-region': shareCase(ZJ_CASE, JIANGSU),
      shared: shareCase(SHARED_CASE, '320500'),
    },
  },
  'Mutation.revokeCaseShare': {
    field: 'revokeCaseShare',
    write: true,
    variants: {
      'in-region': revokeCaseShare({ kind: 'case', status: 'FILED', region: IN_REGION, sharedWith: OUT_REGION }),
      'out-of-region': revokeCaseShare({ kind: 'case', status: 'FILED', region: OUT_REGION, sharedWith: '330200' }),
      shared: revokeCaseShare({ kind: 'case', status: 'FILED', region: OUT_REGION, sharedWith: JIANGSU }),
    },
  },
  'Mutation.proposeCaseTransfer': {
    field: 'proposeCaseTransfer',
    write: true,
    variants: {
      'in-region': proposeTransfer(caseSpec('FILED', IN_REGION), OUT_REGION),
      'out-of-region': proposeTransfer(caseSpec('FILED', OUT_REGION), IN_REGION),
      shared: proposeTransfer(caseSpec('FILED', OUT_REGION, JIANGSU), '320500'),
    },
  },
  'Mutation.acceptCaseTransfer': {
    field: 'acceptCaseTransfer',
    write: true,
    variants: {
      'in-region': acceptTransfer(transferSpec(OUT_REGION, IN_REGION)),
      'out-of-region': acceptTransfer(transferSpec(OUT_REGION, '330102')),
      outgoing: acceptTransfer(transferSpec(IN_REGION, OUT_REGION)),
    },
  },
  'Mutation.declineCaseTransfer': {
    field: 'declineCaseTransfer',
    write: true,
    variants: {
      'in-region': declineTransfer(transferSpec(OUT_REGION, IN_REGION)),
      'out-of-region': declineTransfer(transferSpec(OUT_REGION, '330102')),
      outgoing: declineTransfer(transferSpec(IN_REGION, OUT_REGION)),
    },
  },
  'Mutation.requestAssistance': {
    field: 'requestAssistance',
    write: true,
    variants: {
      'in-region': requestAssistance(caseSpec('INVESTIGATING', IN_REGION), OUT_REGION),
      'out-of-region': requestAssistance(caseSpec('INVESTIGATING', OUT_REGION), IN_REGION),
      shared: requestAssistance(caseSpec('INVESTIGATING', OUT_REGION, JIANGSU), '320500'),
    },
  },
  'Mutation.addAssistanceEvidence': {
    field: 'addAssistanceEvidence',
    write: true,
    variants: {
      'in-region': addAssistanceEvidence(ASKED_OF_JIANGSU),
      'out-of-region': addAssistanceEvidence(ASKED_ELSEWHERE),
      outgoing: addAssistanceEvidence(ASKED_BY_JIANGSU),
    },
  },
  'Mutation.answerAssistance': {
    field: 'answerAssistance',
    write: true,
    variants: {
      'in-region': answerAssistance(ASKED_OF_JIANGSU),
      'out-of-region': answerAssistance(ASKED_ELSEWHERE),
      outgoing: answerAssistance(ASKED_BY_JIANGSU),
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
  'Enterprise.permits': {
    field: 'permits',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': childList('permits', 'number')(({ base }) => base.jsPermit),
      'out-of-region': childList('permits', 'number')(({ base }) => base.zjPermit),
    },
  },
  'Enterprise.vehicles': {
    field: 'vehicles',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': childList('vehicles', 'plateNumber')(({ base }) => base.jsVehicle),
      'out-of-region': childList('vehicles', 'plateNumber')(({ base }) => base.zjVehicle),
    },
  },
  'Enterprise.enforcementCases': {
    field: 'enforcementCases',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': childList('enforcementCases', 'caseNumber')(fixtureRecord, JS_CASE),
      'out-of-region': childList('enforcementCases', 'caseNumber')(fixtureRecord, ZJ_CASE),
      shared: childList('enforcementCases', 'caseNumber')(fixtureRecord, SHARED_CASE),
    },
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
  'Enterprise.activitySummary': {
    field: 'activitySummary',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': {
        request: ({ base }) => ({
          document: `query ($code: String!) { enterprise(creditCode: $code) { creditCode activitySummary { creditCode year } } }`,
          variables: { code: base.jsEnterprise },
        }),
        ok: (data, { base }) =>
          expect(at(data, 'enterprise.activitySummary')).toEqual({
            creditCode: base.jsEnterprise,
            year: chinaNow().year,
          }),
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------------
// The cells: every actor x every operation x every variant the operation has.

const REGION_COLUMN: Record<ActorRegion, number> = { [NATIONAL]: 0, [JIANGSU]: 1, [NANJING]: 2 };

interface Cell {
  title: string;
  actor: Actor;
  operation: OperationName;
  variant: Variant;
  expected: Outcome;
  fixture?: { key: string; index: number };
}

function allowed(operation: OperationName, actor: Actor): boolean {
  const column = ACTORS.indexOf(actor);
  const marks = WHO_MAY[operation].split(/\s+/);
  if (marks.length !== ACTORS.length || !marks.every((mark) => mark === 'Y' || mark === '-'))
    throw new Error(`malformed WHO_MAY row ${operation}`);
  return marks[column] === 'Y';
}

function expectedOutcome(operation: OperationName, variant: Variant, actor: Actor): Outcome {
  if (!allowed(operation, actor)) return 'FORBIDDEN';
  const rule = REGION_RULES[operation][variant];
  if (!rule) throw new Error(`no region rule for ${operation} ${variant}`);
  return rule.split(' ')[REGION_COLUMN[actor.region]] as Outcome;
}

/** How many records of each fixture spec to make: index 0 is shared, every succeeding write gets its own. */
const fixtureCounts = new Map<string, { spec: FixtureSpec; count: number }>();

function claimFixture(spec: FixtureSpec, fresh: boolean): { key: string; index: number } {
  const key = JSON.stringify(spec);
  const entry = fixtureCounts.get(key) ?? { spec, count: 1 };
  fixtureCounts.set(key, entry);
  if (!fresh) return { key, index: 0 };
  entry.count += 1;
  return { key, index: entry.count - 1 };
}

const CELLS: Cell[] = [];
for (const operation of Object.keys(WHO_MAY) as OperationName[]) {
  const probe = PROBES[operation];
  const variants = Object.keys(REGION_RULES[operation]) as Variant[];
  if (Object.keys(probe.variants).sort().join() !== [...variants].sort().join())
    throw new Error(`${operation}: probes and region rules name different variants`);
  for (const variant of variants) {
    const variantProbe = probe.variants[variant]!;
    for (const actor of ACTORS) {
      const expected = expectedOutcome(operation, variant, actor);
      CELLS.push({
        title: `${actor.username} (${actor.role}) | ${operation} | ${variant} -> ${expected}`,
        actor,
        operation,
        variant,
        expected,
        // A write that should succeed changes its record: it gets one of its own.
        fixture: variantProbe.fixture
          ? claimFixture(variantProbe.fixture, probe.write && expected === 'ok')
          : undefined,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Fixtures: made by ministry-admin before any cell runs, many per request (aliased mutations).

const BATCH = 15;

async function batchMutation(
  token: string,
  field: string,
  inputType: string,
  inputs: Array<Record<string, unknown>>,
  selection: string,
): Promise<Json[]> {
  const results: Json[] = [];
  for (let start = 0; start < inputs.length; start += BATCH) {
    const chunk = inputs.slice(start, start + BATCH);
    const document = `mutation MatrixFixtures(${chunk.map((_, index) => `$i${index}: ${inputType}!`).join(', ')}) { ${chunk
      .map((_, index) => `f${index}: ${field}(input: $i${index}) { ${selection} }`)
      .join(' ')} }`;
    const data = await query<Record<string, Json>>(
      token,
      document,
      Object.fromEntries(chunk.map((input, index) => [`i${index}`, input])),
    );
    results.push(...chunk.map((_, index) => data[`f${index}`]));
  }
  return results;
}

async function createBase(token: string): Promise<Base> {
  const jiangsu = await story(token).enterprise(IN_REGION, '矩阵测试江苏危货运输有限公司');
  const zhejiang = await story(token).enterprise(OUT_REGION, '矩阵测试浙江物流有限公司');
  const jsVehicle = await jiangsu.vehicle();
  const zjVehicle = newPlate('浙A');
  await query(
    token,
    `mutation ($input: RegisterVehicleInput!) { registerVehicle(input: $input) { vehicle { plateNumber } } }`,
    {
      input: {
        plateNumber: zjVehicle,
        ownerCreditCode: jiangsu.creditCode,
        vehicleType: '危险货物运输车',
        transportCertificateNumber: `MX${randomInt(1e9)}`,
        regionCode: OUT_REGION,
      },
    },
  );
  const applications = await batchMutation(
    token,
    'submitPermitApplication',
    'SubmitPermitApplicationInput',
    [IN_REGION, OUT_REGION].map((regionCode) => ({
      creditCode: jiangsu.creditCode,
      kind: 'HAZARDOUS_GOODS_TRANSPORT',
      scope: '危险货物运输（3类）',
      regionCode,
    })),
    'application { applicationNumber }',
  );
  const applicationNumbers = applications.map((payload) => ({
    applicationNumber: String(at(payload, 'application.applicationNumber')),
  }));
  await batchMutation(
    token,
    'attachPermitMaterial',
    'AttachPermitMaterialInput',
    applicationNumbers.flatMap(({ applicationNumber }) =>
      requiredMaterialInputs(applicationNumber, 'HAZARDOUS_GOODS_TRANSPORT'),
    ),
    'material { id }',
  );
  await batchMutation(
    token,
    'acceptPermitApplication',
    'ApplicationActionInput',
    applicationNumbers,
    'application { status }',
  );
  const permits = await batchMutation(
    token,
    'approvePermitApplication',
    'ApprovePermitApplicationInput',
    applicationNumbers,
    'permit { number }',
  );
  const references = ['JS', 'ZJ', 'ZJE'].map((suffix) => `MX-${RUN}-${suffix}`);
  await batchMutation(
    token,
    'recordCredit',
    'RecordCreditInput',
    [
      [jiangsu.creditCode, IN_REGION],
      [jiangsu.creditCode, OUT_REGION],
      [zhejiang.creditCode, OUT_REGION],
    ].map(([creditCode, regionCode], index) => ({
      creditCode,
      kind: 'COMMENDATION',
      regionCode,
      summary: '矩阵测试：安全生产先进单位',
      decidedAt: new Date(Date.now() - 3600_000).toISOString(),
      sourceReference: references[index],
    })),
    'record { sourceReference }',
  );
  const fixtures = await story(token).enterprise(IN_REGION, '矩阵测试案件当事人有限公司');
  // Weigh-station records come only from a station's machine client, with the operation registered for it.
  const jsOverloadRecord = `MX-${RUN}-OVERLOAD`;
  const stationOperation = readFileSync(
    join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'weigh-station-js-0001', 'SubmitOverloadRecords.graphql'),
    'utf8',
  );
  const submitted = await query<{ submitOverloadRecords: { acceptedCount: number } }>(
    await clientToken('weigh-station-js-0001'),
    stationOperation,
    {
      input: { records: [overloadRecordInput(jsOverloadRecord)] },
    },
  );
  expect(submitted.submitOverloadRecords.acceptedCount).toBe(1);
  return {
    jsEnterprise: jiangsu.creditCode,
    fixtureEnterprise: fixtures.creditCode,
    zjEnterprise: zhejiang.creditCode,
    jsVehicle,
    zjVehicle,
    jsPermit: String(at(permits[0], 'permit.number')),
    zjPermit: String(at(permits[1], 'permit.number')),
    jsCredit: references[0],
    zjCredit: references[1],
    zjEnterpriseCredit: references[2],
    jsOverloadRecord,
  };
}

/** Every fixture the cells claimed, by spec key, in claim order. */
/** How far each fixture status goes through the procedure; READY and HEARING branch from NOTIFIED. */
const CASE_STAGE: Record<CaseStatus, number> = {
  FILING_PENDING: 0,
  FILED: 1,
  TRANSFER_PENDING: 1,
  INVESTIGATING: 2,
  LEGAL_REVIEW: 3,
  PENALTY_PROPOSED: 4,
  NOTIFIED: 5,
  HEARING: 5,
  READY: 6,
  DECIDED: 7,
  EXECUTED: 8,
};

interface WantedCase {
  key: string;
  index: number;
  status: CaseStatus;
  region: string;
  sharedWith?: string;
  transferTo?: string;
  evidence?: boolean;
  asked?: string;
}

/**
 * Cases (with their evidence or assistance requests) through the procedure, step by step for all at
 * once. A case that a write changes (index 1 on) is against the fixture enterprise and made first; the
 * cases reads look at (index 0) are against the Jiangsu enterprise and made last, so they are the
 * newest and every list page of 100 holds them.
 */
async function createCaseFixtures(token: string, base: Base, wanted: WantedCase[]): Promise<string[]> {
  const filed = await batchMutation(
    token,
    'fileCase',
    'FileCaseInput',
    wanted.map((item) => ({
      ...caseInput(item.region)({ base, record: '' }),
      creditCode: item.index === 0 ? base.jsEnterprise : base.fixtureEnterprise,
    })),
    'case { caseNumber }',
  );
  const caseNumbers = filed.map((payload) => String(at(payload, 'case.caseNumber')));
  const reaching = (stage: number, extra: (item: WantedCase) => boolean = () => true) =>
    caseNumbers
      .filter((_, index) => CASE_STAGE[wanted[index].status] >= stage && extra(wanted[index]))
      .map((caseNumber) => ({ caseNumber }));
  await batchMutation(token, 'approveCaseFiling', 'CaseActionInput', reaching(1), 'case { status }');
  await batchMutation(token, 'startCaseInvestigation', 'CaseActionInput', reaching(2), 'case { status }');
  // A major proposal (legal review, a hearing right); the decisions below are lighter, as the law allows.
  const proposals = reaching(3).map((input) => ({
    ...input,
    penalty: 'FINE',
    fineFen: 2_000_000,
    summary: '拟罚款贰万元',
  }));
  await batchMutation(token, 'proposeCasePenalty', 'ProposeCasePenaltyInput', proposals, 'case { status }');
  await batchMutation(
    token,
    'reviewCasePenalty',
    'ReviewCasePenaltyInput',
    reaching(4).map((input) => ({ ...input, approved: true, opinion: '同意' })),
    'case { status }',
  );
  await batchMutation(token, 'notifyCasePenalty', 'CaseActionInput', reaching(5), 'case { status }');
  await batchMutation(
    token,
    'requestCaseHearing',
    'CaseActionInput',
    reaching(5, (item) => item.status === 'HEARING'),
    'case { status }',
  );
  const statements = reaching(6).map((input) => ({ ...input, statement: '无异议，放弃听证', waivesHearing: true }));
  await batchMutation(token, 'recordPartyStatement', 'RecordPartyStatementInput', statements, 'case { status }');
  await batchMutation(
    token,
    'decideCase',
    'DecideCaseInput',
    reaching(7).map((input) => ({ ...input, penalty: 'WARNING', decisionSummary: '责令改正，给予警告。' })),
    'case { status }',
  );
  await batchMutation(
    token,
    'recordCaseExecution',
    'RecordCaseExecutionInput',
    reaching(8).map((input) => ({ ...input, note: '决定书已送达' })),
    'case { status }',
  );
  const shares = wanted.flatMap((item, index) =>
    item.sharedWith ? [{ caseNumber: caseNumbers[index], regionCode: item.sharedWith, reason: '跨区域协查' }] : [],
  );
  await batchMutation(token, 'shareCase', 'ShareCaseInput', shares, 'case { caseNumber }');
  const transfers = wanted.flatMap((item, index) =>
    item.transferTo
      ? [{ caseNumber: caseNumbers[index], toRegionCode: item.transferTo, reason: '矩阵测试：移送属地管辖' }]
      : [],
  );
  await batchMutation(token, 'proposeCaseTransfer', 'ProposeCaseTransferInput', transfers, 'transfer { status }');
  const records = [...caseNumbers];
  const withEvidence = wanted.flatMap((item, index) => (item.evidence ? [index] : []));
  const stored = await batchMutation(
    token,
    'addCaseEvidence',
    'AddCaseEvidenceInput',
    withEvidence.map((index) => ({
      caseNumber: caseNumbers[index],
      kind: 'PHOTO',
      title: '矩阵测试照片',
      fileName: 'matrix.jpg',
      contentBase64: Buffer.from(`matrix ${index}`).toString('base64'),
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
    })),
    'evidence { id }',
  );
  withEvidence.forEach((index, position) => (records[index] = String(at(stored[position], 'evidence.id'))));
  const asking = wanted.flatMap((item, index) => (item.asked ? [index] : []));
  const requested = await batchMutation(
    token,
    'requestAssistance',
    'RequestAssistanceInput',
    asking.map((index) => ({
      caseNumber: caseNumbers[index],
      assistingRegionCode: wanted[index].asked,
      question: '矩阵测试：请协助核查',
      sharedSummary: '矩阵测试车辆',
    })),
    'assistanceRequest { id }',
  );
  asking.forEach((index, position) => (records[index] = String(at(requested[position], 'assistanceRequest.id'))));
  return records;
}

/** Every fixture the cells claimed, by spec key, in claim order. */
async function createFixtures(token: string, base: Base): Promise<Map<string, string[]>> {
  const wanted = [...fixtureCounts.entries()].flatMap(([key, { spec, count }]) =>
    Array.from({ length: count }, (_, index) => ({ key, spec, index })),
  );
  const made = new Map<string, string[]>();
  const keep = (key: string, id: string) => made.set(key, [...(made.get(key) ?? []), id]);
  const place = (key: string, index: number, id: string) => {
    const ids = made.get(key) ?? [];
    ids[index] = id;
    made.set(key, ids);
  };

  const caseWork: WantedCase[] = wanted.flatMap(({ key, spec, index }): WantedCase[] => {
    if (spec.kind === 'case')
      return [
        {
          key,
          index,
          status: spec.status,
          region: spec.region,
          sharedWith: spec.sharedWith,
          transferTo: spec.transferTo,
        },
      ];
    if (spec.kind === 'evidence')
      return [
        { key, index, status: 'INVESTIGATING', region: spec.region, sharedWith: spec.sharedWith, evidence: true },
      ];
    if (spec.kind === 'assistance')
      return [{ key, index, status: 'INVESTIGATING', region: spec.region, asked: spec.asked }];
    return [];
  });
  caseWork.sort((left, right) => Number(left.index === 0) - Number(right.index === 0));
  // The Jiangsu enterprise's case list is read 100 at a time: its cases (those reads look at) must fit.
  expect(caseWork.filter((item) => item.index === 0).length).toBeLessThan(80);
  const caseRecords = await createCaseFixtures(token, base, caseWork);
  caseWork.forEach((item, position) => place(item.key, item.index, caseRecords[position]));

  const applications = wanted.filter((item) => item.spec.kind === 'application') as Array<{
    key: string;
    spec: Extract<FixtureSpec, { kind: 'application' }>;
  }>;
  const submitted = await batchMutation(
    token,
    'submitPermitApplication',
    'SubmitPermitApplicationInput',
    applications.map(({ spec }) =>
      applicationInput((fixtures) => fixtures.jsEnterprise, spec.region)({ base, record: '' }),
    ),
    'application { applicationNumber }',
  );
  const applicationNumbers = submitted.map((payload) => String(at(payload, 'application.applicationNumber')));
  // Every application has its materials, so acceptance (受理) is possible wherever the caller may accept.
  await batchMutation(
    token,
    'attachPermitMaterial',
    'AttachPermitMaterialInput',
    applicationNumbers.flatMap((applicationNumber) =>
      requiredMaterialInputs(applicationNumber, 'ROAD_FREIGHT_TRANSPORT'),
    ),
    'material { id }',
  );
  const toAccept = applicationNumbers
    .filter((_, index) => applications[index].spec.status === 'ACCEPTED')
    .map((applicationNumber) => ({ applicationNumber }));
  await batchMutation(token, 'acceptPermitApplication', 'ApplicationActionInput', toAccept, 'application { status }');
  applications.forEach(({ key }, index) => keep(key, applicationNumbers[index]));

  const waybills = wanted.filter((item) => item.spec.kind === 'waybill') as Array<{
    key: string;
    spec: Extract<FixtureSpec, { kind: 'waybill' }>;
  }>;
  const created = await batchMutation(
    token,
    'createWaybill',
    'CreateWaybillInput',
    waybills.map(({ spec }) => waybillInput(spec.origin, spec.destination)({ base, record: '' })),
    'waybill { waybillNumber }',
  );
  const waybillNumbers = created.map((payload) => String(at(payload, 'waybill.waybillNumber')));
  const toDepart = waybillNumbers
    .filter((_, index) => waybills[index].spec.status === 'IN_TRANSIT')
    .map((waybillNumber) => ({ waybillNumber }));
  await batchMutation(token, 'departWaybill', 'WaybillActionInput', toDepart, 'waybill { status }');
  waybills.forEach(({ key }, index) => keep(key, waybillNumbers[index]));
  return made;
}

// ---------------------------------------------------------------------------------------------------

const CONCURRENCY = 12;

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}

function errorCodes(response: GraphQLResponse<Json>): Array<string | undefined> {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

function assertRefused(cell: Cell, response: GraphQLResponse<Json>, base: Base): void {
  const probe = PROBES[cell.operation];
  expect(errorCodes(response)).toEqual([cell.expected]);
  if (probe.enterpriseField) {
    // The enterprise itself still answers; only the field is refused.
    expect(at(response.data ?? undefined, 'enterprise.creditCode')).toBe(base.jsEnterprise);
    expect(at(response.data ?? undefined, `enterprise.${probe.field}`)).toBeNull();
    // Refused in the field's own subgraph the path names the field; refused where the other subgraph
    // resolves the enterprise reference, the gateway reports federation's `_entities` under `enterprise`.
    expect(response.errors?.[0]?.path).toEqual([
      'enterprise',
      probe.field === 'permits' || probe.field === 'vehicles' ? probe.field : '_entities',
    ]);
  } else {
    // Nothing of the refused field comes back (a non-null payload nulls the whole answer).
    expect(at(response.data ?? undefined, probe.field) ?? null).toBeNull();
  }
}

function describeResponse(response: GraphQLResponse<Json>): string {
  const errors = response.errors?.map((error) => ({
    code: error.extensions?.code,
    path: error.path,
    message: error.message,
  }));
  return JSON.stringify({ status: response.status, data: response.data, errors }).slice(0, 1500);
}

describe('authorization matrix: every role x every operation x in-region / out-of-region / shared', () => {
  let base: Base;
  let fixtures: Map<string, string[]>;
  const responses = new Map<string, GraphQLResponse<Json> | Error>();
  const tally = { passed: 0, failed: 0 };

  // One context per cell, so a value generated for the request (a credit code, a plate) is the one checked.
  const contexts = new Map<string, ProbeContext>();
  const contextOf = (cell: Cell): ProbeContext => {
    const existing = contexts.get(cell.title);
    if (existing) return existing;
    const context = { base, record: cell.fixture ? (fixtures.get(cell.fixture.key)?.[cell.fixture.index] ?? '') : '' };
    contexts.set(cell.title, context);
    return context;
  };

  async function send(cell: Cell): Promise<void> {
    const { document, variables } = PROBES[cell.operation].variants[cell.variant]!.request(contextOf(cell));
    try {
      responses.set(
        cell.title,
        await graphql<Json>(document, variables, { token: await tokenFor(cell.actor.username) }),
      );
    } catch (error) {
      responses.set(cell.title, error instanceof Error ? error : new Error(String(error)));
    }
  }

  beforeAll(async () => {
    const admin = await tokenFor('ministry-admin');
    base = await createBase(admin);
    fixtures = await createFixtures(admin, base);
    await Promise.all(ACTORS.map((actor) => tokenFor(actor.username)));
    // Reads first, while nothing changes; then the writes, each on its own record or refused.
    await inParallel(
      CELLS.filter((cell) => !PROBES[cell.operation].write),
      send,
    );
    await inParallel(
      CELLS.filter((cell) => PROBES[cell.operation].write),
      send,
    );
  }, 120_000);

  afterAll(() => {
    const operations = Object.keys(WHO_MAY).length;
    console.log(
      `authorization matrix: ${tally.passed + tally.failed} cells (${ACTORS.length} roles x ${operations} operations x 1-4 region variants), ${tally.passed} passed, ${tally.failed} failed`,
    );
  });

  it.each(CELLS)('$title', (cell) => {
    const response = responses.get(cell.title);
    try {
      if (!response) throw new Error('no request was sent for this cell');
      if (response instanceof Error) throw response;
      const probe = PROBES[cell.operation].variants[cell.variant]!;
      const context = contextOf(cell);
      try {
        if (cell.expected === 'ok') {
          expect(response.errors).toBeUndefined();
          probe.ok(response.data ?? undefined, context);
        } else if (cell.expected === 'absent') {
          expect(response.errors).toBeUndefined();
          probe.absent!(response.data ?? undefined, context);
        } else {
          assertRefused(cell, response, base);
        }
      } catch (error) {
        throw new Error(
          `expected ${cell.expected}, got ${describeResponse(response)}\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
      tally.passed += 1;
    } catch (error) {
      tally.failed += 1;
      throw error;
    }
  });
});
