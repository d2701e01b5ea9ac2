import './pending-applications.environment';
import 'reflect-metadata';
import { randomInt } from 'node:crypto';
import autocannon from 'autocannon';
import { createConnection, type Connection } from 'mysql2/promise';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { gatewayUrl, query, requestSqlStatements, tokenFor } from '../test/harness/single-window.client';

// `npm run bench:applications` (MYSQL_URL required): 100,000 permit applications bulk-loaded into the
// licensing schema, then an officer listing their pending applications through the gateway, with every
// service in its own process. Prints the query plans, requests/s, p50/p99 and SQL statements per request.

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const OFFICER = 'js-licensing-officer';
/** The officer measured handles this share of all applications: a busy provincial window. */
const OFFICER_SHARE = 0.05;
const OTHER_OFFICERS = 200;
const BATCH = 2000;

const PENDING_APPLICATIONS = `
  query PendingApplications($officer: String!) {
    pendingPermitApplications(officer: $officer, first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { applicationNumber kind status regionCode submittedAt decisionDueDate workingDaysLeft applicant { name } } }
    }
  }`;

const KINDS = [
  'ROAD_PASSENGER_TRANSPORT',
  'ROAD_FREIGHT_TRANSPORT',
  'HAZARDOUS_GOODS_TRANSPORT',
  'HIGHWAY_CONSTRUCTION',
  'CROSS_PROVINCE_OVERSIZE_TRANSPORT',
];
// About a quarter still pending, the rest decided or withdrawn, as in a window that keeps up.
const STATUSES: Array<[string, number]> = [
  ['SUBMITTED', 6],
  ['RETURNED', 2],
  ['ACCEPTED', 10],
  ['REVIEWED', 5],
  ['AWAITING_EXTERNAL_VERIFICATION', 1],
  ['APPROVED', 60],
  ['REJECTED', 12],
  ['WITHDRAWN', 4],
];
const JIANGSU_REGIONS = [
  '320102',
  '320104',
  '320106',
  '320111',
  '320115',
  '320205',
  '320311',
  '320412',
  '320505',
  '320583',
  '320602',
  '320703',
  '320803',
  '320902',
  '321002',
  '321102',
  '321202',
  '321302',
];
const OTHER_REGIONS = ['330106', '330102', '340104', '310101', '370102', '420102', '440106', '510104'];
const SEEDED_CREDIT_CODES = [
  '91320102MA1MY0R10Q',
  '91320106MA1P3T8K0L',
  '91320583MA1NQ2W40E',
  '91320500MA1WJ7X907',
  '91320100MA1R5D2U0T',
  '91330106MA2H4K1L0X',
];

function weighted(choices: Array<[string, number]>): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = randomInt(total);
  for (const [value, weight] of choices) {
    if (pick < weight) return value;
    pick -= weight;
  }
  return choices[0][0];
}

function pick<T>(values: readonly T[]): T {
  return values[randomInt(values.length)];
}

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function datetime(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Bulk insert: multi-row INSERTs of BATCH rows, applications and the route segments of cross-province ones. */
async function loadApplications(connection: Connection): Promise<{ officerPending: number }> {
  let officerPending = 0;
  for (let start = 0; start < APPLICATIONS; start += BATCH) {
    const rows: unknown[][] = [];
    const routes: Array<{ number: string; provinces: string[] }> = [];
    for (let index = start; index < Math.min(start + BATCH, APPLICATIONS); index += 1) {
      const status = weighted(STATUSES);
      const kind = pick(KINDS);
      const mine = Math.random() < OFFICER_SHARE;
      const region =
        kind === 'CROSS_PROVINCE_OVERSIZE_TRANSPORT'
          ? '320000'
          : Math.random() < 0.7
            ? pick(JIANGSU_REGIONS)
            : pick(OTHER_REGIONS);
      const accepted = !['SUBMITTED', 'RETURNED'].includes(status);
      const decided = ['APPROVED', 'REJECTED'].includes(status);
      const submittedDaysAgo = randomInt(1, 700);
      const number = `XKB${String(index).padStart(9, '0')}`;
      // A submitted application has no handling officer yet; the officer's pending ones are those they accepted or returned.
      if (
        mine &&
        ['RETURNED', 'ACCEPTED', 'REVIEWED', 'AWAITING_EXTERNAL_VERIFICATION'].includes(status) &&
        region.startsWith('32')
      )
        officerPending += 1;
      rows.push([
        number,
        pick(SEEDED_CREDIT_CODES),
        kind,
        '基准测试经营范围',
        region,
        status,
        'bench-loader',
        datetime(-submittedDaysAgo),
        status === 'SUBMITTED'
          ? null
          : mine
            ? OFFICER
            : `officer-${String(randomInt(OTHER_OFFICERS)).padStart(3, '0')}`,
        accepted ? datetime(-submittedDaysAgo + 1) : null,
        accepted ? isoDate(-submittedDaysAgo + 29) : null,
        decided ? 'bench-reviewer' : null,
        decided ? datetime(-submittedDaysAgo + 10) : null,
        1,
      ]);
      if (kind === 'CROSS_PROVINCE_OVERSIZE_TRANSPORT')
        routes.push({ number, provinces: ['320000', pick(['330000', '340000', '370000'])] });
    }
    await connection.query(
      `INSERT INTO permit_application (application_number, credit_code, kind, scope, region_code, status, submitted_by, submitted_at, handling_officer, accepted_at, decision_due_date, decided_by, decided_at, version) VALUES ?`,
      [rows],
    );
    if (routes.length > 0) {
      const [ids] = await connection.query(
        'SELECT id, application_number AS number FROM permit_application WHERE application_number IN (?)',
        [routes.map((route) => route.number)],
      );
      const idOf = new Map((ids as Array<{ id: number; number: string }>).map((row) => [row.number, row.id]));
      const segments = routes.flatMap((route) =>
        route.provinces.map((province, position) => [idOf.get(route.number), province, position + 1, 'PENDING']),
      );
      await connection.query(
        'INSERT INTO permit_route_segment (application_id, province_code, position, status) VALUES ?',
        [segments],
      );
    }
  }
  await connection.query('ANALYZE TABLE permit_application, permit_route_segment');
  return { officerPending };
}

/** The columns of a MySQL/MariaDB EXPLAIN row that the bench prints. */
interface ExplainRow {
  table: string | null;
  type: string | null;
  key: string | null;
  rows: number | null;
  Extra: string | null;
}

/** The plans of the list's statements (the page's ids, the total), as the subgraph issues them for a Jiangsu officer. */
async function explain(connection: Connection): Promise<string[]> {
  const where = `(application.region_code LIKE '32%' OR application.id IN (SELECT application_id FROM permit_route_segment WHERE province_code LIKE '32%'))
    AND application.handling_officer = ? AND application.status IN ('SUBMITTED','RETURNED','ACCEPTED','REVIEWED','AWAITING_EXTERNAL_VERIFICATION')`;
  const plans: string[] = [];
  for (const [label, sql] of [
    [
      'ids  ',
      `EXPLAIN SELECT application.id FROM permit_application application WHERE ${where} ORDER BY application.id DESC LIMIT 21`,
    ],
    ['count', `EXPLAIN SELECT COUNT(DISTINCT(application.id)) FROM permit_application application WHERE ${where}`],
  ] as const) {
    const [rows] = await connection.query(sql, [OFFICER]);
    for (const row of rows as ExplainRow[]) {
      plans.push(
        `${label}  ${String(row.table).padEnd(22)} type=${row.type} key=${row.key ?? '-'} rows=${row.rows} ${row.Extra ?? ''}`,
      );
    }
  }
  return plans;
}

async function main(): Promise<void> {
  const mysqlUrl = process.env.MYSQL_URL;
  if (!mysqlUrl) {
    console.error(
      'npm run bench:applications loads the licensing schema directly: set MYSQL_URL (e.g. mysql://root@127.0.0.1:3306)',
    );
    process.exit(2);
  }
  await globalSetup();
  const connection = await createConnection({ uri: mysqlUrl, database: `${process.env.TEST_SCHEMA_PREFIX}licensing` });
  try {
    const state = readState();
    const loadStarted = Date.now();
    const { officerPending } = await loadApplications(connection);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const plans = await explain(connection);

    const token = await tokenFor(OFFICER);
    const variables = { officer: OFFICER };
    const first = await query<{ pendingPermitApplications: { totalCount: number; edges: unknown[] } }>(
      token,
      PENDING_APPLICATIONS,
      variables,
    );
    const body = JSON.stringify({ query: PENDING_APPLICATIONS, variables });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    await autocannon({
      url: `${gatewayUrl()}/graphql`,
      method: 'POST',
      headers,
      body,
      connections: CONNECTIONS,
      duration: 3,
    });
    const statementsBefore = await requestSqlStatements();
    const result = await autocannon({
      url: `${gatewayUrl()}/graphql`,
      method: 'POST',
      headers,
      body,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
    });
    const statements = (await requestSqlStatements()) - statementsBefore;
    console.log(`
pending permit applications of one officer through the gateway (${state.database}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s)
  applications      ${APPLICATIONS} bulk-loaded in ${loadSeconds.toFixed(1)} s; ${OFFICER} has ${first.pendingPermitApplications.totalCount} pending (expected ${officerPending}), ${first.pendingPermitApplications.edges.length} per page
  requests/s        ${result.requests.average.toFixed(1)}
  latency p50       ${result.latency.p50} ms
  latency p99       ${result.latency.p99} ms
  requests          ${result.requests.total} (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)
  SQL / request     ${(statements / Math.max(result.requests.total, 1)).toFixed(2)} statements
  query plans
    ${plans.join('\n    ')}`);
  } finally {
    await connection.end();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
