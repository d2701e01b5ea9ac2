import './case-list.environment';
import 'reflect-metadata';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createConnection, type Connection } from 'mysql2/promise';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { gatewayUrl, query, requestSqlStatements, tokenFor } from '../test/harness/single-window.client';

// `npm run bench:cases`: the p99 of a region's case list through the gateway with 100k cases in the
// enforcement schema. The cases are bulk-inserted straight into MySQL/MariaDB (the services would take
// hours to file them one by one), spread over every county of GB/T 2260, with read shares as the
// subgraph makes them; then officers of a province, a city and the ministry list cases under load.
// MySQL only: the bulk load writes over mysql2.

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const SHARES = Number(process.env.BENCH_SHARES ?? 2_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const INSERT_BATCH = 2_000;

const LIST = `query CaseList($regionCode: String, $status: CaseStatus) {
  enforcementCases(regionCode: $regionCode, status: $status, first: 20) {
    totalCount
    edges { node { caseNumber status regionCode filedAt decisionDueDate } }
  }
}`;

const STATUSES = [
  'FILING_PENDING',
  'FILED',
  'INVESTIGATING',
  'LEGAL_REVIEW',
  'PENALTY_PROPOSED',
  'NOTIFIED',
  'DECIDED',
  'EXECUTED',
  'CLOSED',
  'DISMISSED',
];
const SUBJECTS = ['91320102MA1MY0R10Q', '91320583MA1NQ2W40E', '91330106MA2H4K1L0X', '91330100MA27Y8P30J', null];

function countyCodes(): string[] {
  const file = join(__dirname, '..', '..', 'platform', 'codes', 'gb2260-regions.json');
  const { regions } = JSON.parse(readFileSync(file, 'utf8')) as { regions: Record<string, string> };
  // County level: the last two digits are not 00 (and not a prefecture's "市辖区" placeholder 01 alone).
  return Object.keys(regions).filter((code) => !code.endsWith('00'));
}

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)];
}

function dateTime(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Bulk-inserts the cases (multi-row INSERTs) and some read shares, then refreshes the optimizer's statistics. */
async function load(connection: Connection): Promise<{ jiangsu: number; nanjing: number }> {
  const counties = countyCodes();
  const serials = new Map<string, number>();
  const year = new Date().getUTCFullYear();
  let jiangsu = 0;
  let nanjing = 0;
  const [[{ maxId }]] = (await connection.query(
    'SELECT COALESCE(MAX(id), 0) AS maxId FROM enforcement_case',
  )) as unknown as [[{ maxId: number }]];
  for (let start = 0; start < CASES; start += INSERT_BATCH) {
    const rows: unknown[][] = [];
    for (let index = start; index < Math.min(CASES, start + INSERT_BATCH); index += 1) {
      const region = pick(counties);
      if (region.startsWith('32')) jiangsu += 1;
      if (region.startsWith('3201')) nanjing += 1;
      const serial = (serials.get(region) ?? 500_000) + 1;
      serials.set(region, serial);
      const filedDaysAgo = randomInt(400);
      rows.push([
        `${region}${year}${String(serial).padStart(6, '0')}`,
        region,
        pick(STATUSES),
        '批量基准测试案件：货运车辆涉嫌超限运输',
        pick(SUBJECTS),
        'bench-loader',
        dateTime(filedDaysAgo),
        new Date(Date.now() + (90 - filedDaysAgo) * 86_400_000).toISOString().slice(0, 10),
      ]);
    }
    await connection.query(
      'INSERT INTO enforcement_case (case_number, region_code, status, cause, credit_code, filed_by, filed_at, decision_due_date, version, deadline_extension_days) VALUES ' +
        rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, 1, 0)').join(', '),
      rows.flat(),
    );
  }
  const shares: unknown[][] = [];
  for (let index = 0; index < SHARES; index += 1) {
    shares.push([
      maxId + 1 + randomInt(CASES),
      index % 4 === 0 ? '320000' : pick(counties),
      '基准测试共享',
      'bench-loader',
      dateTime(0),
    ]);
  }
  for (let start = 0; start < shares.length; start += INSERT_BATCH) {
    const batch = shares.slice(start, start + INSERT_BATCH);
    await connection.query(
      `INSERT INTO case_share (case_id, region_code, kind, reason, shared_by, shared_at) VALUES ${batch.map(() => "(?, ?, 'READ', ?, ?, ?)").join(', ')}`,
      batch.flat(),
    );
  }
  await connection.query('ANALYZE TABLE enforcement_case, case_share');
  return { jiangsu, nanjing };
}

async function main(): Promise<void> {
  if (!process.env.MYSQL_URL) {
    console.error('bench:cases needs MySQL or MariaDB: MYSQL_URL=mysql://root@127.0.0.1:3306 npm run bench:cases');
    process.exit(2);
  }
  await globalSetup();
  try {
    const state = readState();
    const connection = await createConnection(
      `${process.env.MYSQL_URL}/${state.environment.DB_SCHEMA_PREFIX}enforcement`,
    );
    const loadStarted = Date.now();
    const loaded = await load(connection);
    const [[{ total }]] = (await connection.query('SELECT COUNT(*) AS total FROM enforcement_case')) as unknown as [
      [{ total: number }],
    ];
    await connection.end();
    console.log(
      `loaded ${CASES} cases (${loaded.jiangsu} in Jiangsu, ${loaded.nanjing} in Nanjing) and ${SHARES} shares in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s; ${total} cases in the schema`,
    );

    const scenarios: Array<{ name: string; username: string; variables: Record<string, unknown> }> = [
      { name: 'Jiangsu supervisor (320000), own list', username: 'js-enforcement-supervisor', variables: {} },
      { name: 'Nanjing officer (320100), own list', username: 'nj-enforcement-officer', variables: {} },
      {
        name: 'Jiangsu supervisor, INVESTIGATING only',
        username: 'js-enforcement-supervisor',
        variables: { status: 'INVESTIGATING' },
      },
      {
        name: 'ministry (national), regionCode 320000',
        username: 'ministry-admin',
        variables: { regionCode: '320000' },
      },
    ];
    for (const scenario of scenarios) {
      const token = await tokenFor(scenario.username);
      const listed = await query<{ enforcementCases: { totalCount: number } }>(token, LIST, scenario.variables);
      const body = JSON.stringify({ query: LIST, variables: scenario.variables });
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
${scenario.name}: ${listed.enforcementCases.totalCount} cases visible (${state.database}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s)
  requests/s     ${result.requests.average.toFixed(1)}
  latency p50    ${result.latency.p50} ms
  latency p99    ${result.latency.p99} ms
  requests       ${result.requests.total} (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)
  SQL / request  ${(statements / Math.max(result.requests.total, 1)).toFixed(2)}`);
    }
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
