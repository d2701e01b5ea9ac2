import { randomInt } from 'node:crypto';

// The language the authorization matrix is written in: the actors (one demo user per realm role), the
// region variants and outcomes, and the probes that send one request and judge its answer. The table
// itself is per department beside this file (*.matrix.ts); the records the probes act on are made by
// matrix.fixtures.ts; test/authorization-matrix.test.ts runs every cell.

export const NATIONAL = '000000';
export const JIANGSU = '320000';
export const NANJING = '320100';
/** In region for every Jiangsu officer, Nanjing's 320100 included (南京市秦淮区). */
export const IN_REGION = '320104';
/** Out of region for every Jiangsu officer (杭州市西湖区). */
export const OUT_REGION = '330106';

export type ActorRegion = typeof NATIONAL | typeof JIANGSU | typeof NANJING;

export interface Actor {
  role: string;
  username: string;
  region: ActorRegion;
}

/** One demo user per realm role, in the column order of WHO_MAY. */
export const ACTORS: readonly Actor[] = [
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
  // A partner ministry's person, administering the client partner-ndrc (data exchange).
  { role: 'partner-admin', username: 'ndrc-partner-admin', region: NATIONAL },
  // The credit department's data-sharing approver (data exchange).
  { role: 'data-sharing-approver', username: 'ministry-credit-approver', region: NATIONAL },
];
export type Variant = 'in-region' | 'out-of-region' | 'shared' | 'shared-elsewhere' | 'outgoing' | 'any';
export type Outcome = 'ok' | 'absent' | 'FORBIDDEN' | 'NOT_FOUND';
// What an ALLOWED role gets, as "national jiangsu nanjing" (token regions 000000, 320000, 320100):
// ok = it works; absent = null / not listed / not counted, exactly like a record that does not exist.
// in-region: the record is in 320104. out-of-region: in 330106. shared: a case handled in 330106 and
// shared with 320000, or a waybill from 330106 arriving in 320104. shared-elsewhere: a case handled in
// 330106 and shared with 320500. For Enterprise fields the enterprise is in 320104 and the variant is
// where its permit / vehicle / case / waybill / credit record is. For a transfer decision or an assistance
// request answered: in-region = asked of 320104 by 330106, out-of-region = asked of 330102 by 330106,
// outgoing = asked of 330106 by 320104 (the caller's region asked, the other side decides or answers).
export const OUT_ABSENT = 'ok absent absent';
export const OUT_FORBIDDEN = 'ok FORBIDDEN FORBIDDEN';
export const OUT_NOT_FOUND = 'ok NOT_FOUND NOT_FOUND';
export const EVERYWHERE = 'ok ok ok';
export const HANDLING_REGION_ACTS = {
  'in-region': EVERYWHERE,
  'out-of-region': OUT_NOT_FOUND,
  shared: 'ok FORBIDDEN NOT_FOUND',
};
export const OTHER_SIDE_ACTS = { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND, outgoing: OUT_FORBIDDEN };
/** One department's rows: who may call each operation, what each allowed region gets, and how it is probed. */
export interface DepartmentMatrix<TOperation extends string = string> {
  whoMay: Readonly<Record<TOperation, string>>;
  regionRules: Readonly<Record<TOperation, Partial<Record<Variant, string>>>>;
  probes: Readonly<Record<TOperation, OperationProbe>>;
}

// ---------------------------------------------------------------------------------------------------
// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a fixture case stands: the procedure's statuses, READY = notified with the party's statement recorded and the hearing given up. */
export type CaseStatus =
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
export type FixtureSpec =
  | { kind: 'case'; status: CaseStatus; region: string; sharedWith?: string; transferTo?: string }
  | { kind: 'evidence'; region: string; sharedWith?: string }
  | { kind: 'assistance'; region: string; asked: string }
  | { kind: 'application'; status: 'SUBMITTED' | 'ACCEPTED'; region: string }
  | { kind: 'waybill'; status: 'CREATED' | 'IN_TRANSIT'; origin: string; destination: string }
  // Credit: a published penalty disclosure past its minimum period; a repair application pending on one.
  | { kind: 'credit-disclosure'; region: string }
  | { kind: 'credit-repair'; region: string }
  | { kind: 'listEntry'; region: string }
  // Licensing: a hazardous-goods vehicle of the Jiangsu enterprise certified in the region, its certificate VALID.
  | { kind: 'vehicle'; region: string }
  // Safety: a hidden hazard (of the Jiangsu enterprise for reads, of the fixture enterprise for writes) and an accident.
  | { kind: 'hazard'; status: 'OPEN' | 'RECTIFIED'; region: string; subject: 'js' | 'fixture' }
  | { kind: 'accident'; region: string }
  // Safety: an OPEN monitoring alert of a vehicle certified in the region (test/authorization/safety-alert.fixtures.ts).
  | { kind: 'safety-alert'; region: string }
  // Statistics: an early-warning threshold set for the region (test/authorization/statistics.fixtures.ts).
  | { kind: 'warning-threshold'; region: string }
  // Data exchange: a PENDING access request item of the credit department; a credit grant in force to partner-ndrc.
  | { kind: 'access-item' }
  | { kind: 'data-grant' };

/** Records every cell reads, made once by ministry-admin. */
export interface Base {
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
  /** Document numbers of disclosures (双公示) that missed their publication deadline, decided in 320104 and in 330106. */
  jsOverdueDisclosure: string;
  zjOverdueDisclosure: string;
  /** Registered in 320104: the subject of the matrix's credit list entries (not jsEnterprise, whose permits the cells approve). */
  listEnterprise: string;
  /** Ids of serious-dishonesty entries of the list enterprise decided in 320104 and in 330106. */
  jsListEntry: string;
  zjListEntry: string;
}

export interface ProbeContext {
  base: Base;
  /** The case, application or waybill number this cell acts on, when it needs one. */
  record: string;
}

export interface VariantProbe {
  fixture?: FixtureSpec;
  request(context: ProbeContext): { document: string; variables: Record<string, unknown> };
  ok(data: Json | undefined, context: ProbeContext): void;
  absent?(data: Json | undefined, context: ProbeContext): void;
}

export interface OperationProbe {
  /** Where a refusal shows: a root field, or an Enterprise field under `enterprise`. */
  field: string;
  enterpriseField?: boolean;
  write: boolean;
  variants: Partial<Record<Variant, VariantProbe>>;
}

export function at(value: Json | undefined, path: string): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object' || Array.isArray(current))
      return undefined;
    current = current[key];
  }
  return current;
}

/** The scalar at `path` as String() writes it; an object there is a broken fixture, never an id. */
export function textAt(value: Json | undefined, path: string): string {
  const found = at(value, path);
  if (typeof found === 'object' && found !== null) throw new Error(`not a scalar at ${path}: ${JSON.stringify(found)}`);
  return String(found);
}

export function idsIn(connection: Json | undefined, key: string): string[] {
  const edges = at(connection, 'edges');
  if (!Array.isArray(edges)) throw new Error(`not a connection: ${JSON.stringify(connection)}`);
  return edges.map((edge) => textAt(edge, `node.${key}`));
}

export function expectListed(connection: Json | undefined, key: string, id: string): void {
  expect(idsIn(connection, key)).toContain(id);
}

/** Not on the page and not in the total either: the page holds the whole visible list here. */
export function expectUnlisted(connection: Json | undefined, key: string, id: string): void {
  const ids = idsIn(connection, key);
  expect(ids).not.toContain(id);
  expect(at(connection, 'totalCount')).toBe(ids.length);
}

export function chinaNow(): { month: string; year: number } {
  const china = new Date(Date.now() + 8 * 3600_000).toISOString();
  return { month: china.slice(0, 7), year: Number(china.slice(0, 4)) };
}

export const RUN = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`.toUpperCase();

/**
 * A reference unique to this run that can never read as personal information: the letter keeps the run's
 * digits from joining the serial into something phone- or ID-like once separators are dropped (a
 * "MX-<run>-<9 digits>" did, now and then, and was refused as BAD_USER_INPUT).
 */
export function runReference(): string {
  return `MX-${RUN}-N${randomInt(1e6)}`;
}

/** A read of one record by its key: the record, or null exactly as for an unknown key. */
export function lookup(field: string, argument: string, argumentType: string, selection: string, idField: string) {
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
export function listing(field: string, arguments_: string, idField: string) {
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
export function childList(field: string, idField: string) {
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
export function mutation(field: string, inputType: string, selection: string) {
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

export function caseSpec(status: CaseStatus, region: string, sharedWith?: string): FixtureSpec {
  return sharedWith ? { kind: 'case', status, region, sharedWith } : { kind: 'case', status, region };
}
export const transferSpec = (from: string, to: string): FixtureSpec => ({
  kind: 'case',
  status: 'TRANSFER_PENDING',
  region: from,
  transferTo: to,
});
export const evidenceSpec = (region: string, sharedWith?: string): FixtureSpec =>
  sharedWith ? { kind: 'evidence', region, sharedWith } : { kind: 'evidence', region };
export const assistanceSpec = (region: string, asked: string): FixtureSpec => ({ kind: 'assistance', region, asked });
export const applicationSpec = (status: 'SUBMITTED' | 'ACCEPTED', region: string): FixtureSpec => ({
  kind: 'application',
  status,
  region,
});
export const waybillSpec = (status: 'CREATED' | 'IN_TRANSIT', origin: string, destination: string): FixtureSpec => ({
  kind: 'waybill',
  status,
  origin,
  destination,
});

// The records the reads look for; the same specs give the shared fixtures of refused writes.
export const JS_CASE = caseSpec('FILED', IN_REGION);
export const ZJ_CASE = caseSpec('FILED', OUT_REGION);
export const SHARED_CASE = caseSpec('FILED', OUT_REGION, JIANGSU);
export const SHARED_ELSEWHERE_CASE = caseSpec('FILED', OUT_REGION, '320500');
export const JS_APPLICATION = applicationSpec('SUBMITTED', IN_REGION);
export const ZJ_APPLICATION = applicationSpec('SUBMITTED', OUT_REGION);
export const JS_WAYBILL = waybillSpec('CREATED', IN_REGION, OUT_REGION);
export const ZJ_WAYBILL = waybillSpec('CREATED', OUT_REGION, '330102');
export const ARRIVING_WAYBILL = waybillSpec('CREATED', OUT_REGION, IN_REGION);
// Assistance requests: asked of Jiangsu by Zhejiang, asked between two Zhejiang regions, asked by Jiangsu of Zhejiang.
export const ASKED_OF_JIANGSU = assistanceSpec(OUT_REGION, IN_REGION);
export const ASKED_ELSEWHERE = assistanceSpec(OUT_REGION, '330102');
export const ASKED_BY_JIANGSU = assistanceSpec(IN_REGION, OUT_REGION);

/** A step of the procedure probed on cases in a status: in Jiangsu, in Zhejiang, in Zhejiang shared with Jiangsu. */
export function onCasesIn(
  status: CaseStatus,
  probe: (fixture: FixtureSpec) => VariantProbe,
): Partial<Record<Variant, VariantProbe>> {
  return {
    'in-region': probe(caseSpec(status, IN_REGION)),
    'out-of-region': probe(caseSpec(status, OUT_REGION)),
    shared: probe(caseSpec(status, OUT_REGION, JIANGSU)),
  };
}

export const fixtureRecord = (context: ProbeContext) => context.record;
/** A step on an existing record: ok when the record now has `status`. */
export function step(
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
