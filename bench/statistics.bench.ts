import './statistics.environment';
import 'reflect-metadata';
import autocannon from 'autocannon';
import { createConnection, type Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { applyEventOnce } from '../platform/outbox/event-inbox';
import type { Logger } from '../platform/observability/logger';
import { statisticsEventHandlers } from '../subgraphs/statistics/counting/event-counting.handlers';
import { EventCountingService } from '../subgraphs/statistics/counting/event-counting.service';
import { addRolledUp, type CountRow } from '../subgraphs/statistics/counting/roll-up';
import { statisticsSubgraph } from '../subgraphs/statistics/statistics.subgraph';
import type { StatisticsServices } from '../subgraphs/statistics/statistics.context';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { gatewayUrl, query, requestSqlStatements } from '../test/harness/single-window.client';
import { distinctTokens } from './gateway-contenders';
import { monthsFrom, syntheticEvent } from './statistics-events';

// `npm run bench:statistics`: 10,000,000 department events counted into MySQL/MariaDB over 36 months and
// every county, then 20 analysts reading a national 36-month series and a province's breakdown for a
// year through the gateway; also the live ingest rate (events/s through the inbox, one transaction per
// event as delivered) and the time to count 10,000,000 events in bulk (the replay's counting: the
// departments' mappers, the same checks, the roll-up, multi-row upserts), which is how they are loaded.

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const MONTHS = monthsFrom(process.env.BENCH_FIRST_MONTH ?? '2024-01', 36);
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 20_000);
const INGEST_CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROWS_PER_STATEMENT = 2_000;

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

async function writeRows(connection: Connection, rows: CountRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await connection.query(
      `INSERT INTO indicator_count (indicator, region_code, month, dimension, value) VALUES ${chunk
        .map(() => '(?, ?, ?, ?, ?)')
        .join(', ')} ON DUPLICATE KEY UPDATE value = value + VALUES(value)`,
      chunk.flatMap((row) => [row.indicator, row.regionCode, row.month, row.dimension, row.value]),
    );
  }
}

/** Counts EVENTS synthetic events month by month: mappers and checks, roll-up in memory, bulk upserts. */
async function countInBulk(connection: Connection): Promise<{ countMs: number; writeMs: number; rows: number }> {
  const counting = new EventCountingService(quiet);
  let countMs = 0;
  let writeMs = 0;
  let rowsWritten = 0;
  for (const [index, month] of MONTHS.entries()) {
    const events = Math.floor(EVENTS / MONTHS.length) + (index < EVENTS % MONTHS.length ? 1 : 0);
    const started = performance.now();
    const rows = new Map<string, CountRow>();
    for (let count = 0; count < events; count += 1) addRolledUp(rows, counting.countableFacts(syntheticEvent(month)));
    const counted = performance.now();
    await writeRows(connection, [...rows.values()]);
    countMs += counted - started;
    writeMs += performance.now() - counted;
    rowsWritten += rows.size;
  }
  return { countMs, writeMs, rows: rowsWritten };
}

/** Live counting: each event in its own inbox transaction, INGEST_CONCURRENCY at a time. */
async function ingest(schemaUrl: string): Promise<number> {
  const dataSource = new DataSource({
    type: 'mysql',
    url: schemaUrl,
    entities: statisticsSubgraph.entities,
    timezone: 'Z',
    poolSize: INGEST_CONCURRENCY,
    supportBigNumbers: true,
    bigNumberStrings: false,
  });
  await dataSource.initialize();
  try {
    const handlers = statisticsEventHandlers({ counting: new EventCountingService(quiet) } as StatisticsServices);
    const month = MONTHS.at(-1)!;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: INGEST_CONCURRENCY }, async () => {
        while (next < INGEST_EVENTS) {
          next += 1;
          await applyEventOnce(dataSource, handlers, syntheticEvent(month));
        }
      }),
    );
    return INGEST_EVENTS / ((performance.now() - started) / 1000);
  } finally {
    await dataSource.destroy();
  }
}

const SERIES = `query ($from: String!, $to: String!) {
  indicatorSeries(indicator: PERMITS_ISSUED, regionCode: "000000", granularity: MONTH, from: $from, to: $to) {
    regionName points { period value periodOnPeriodPercent yearOnYearPercent }
  }
}`;
const BREAKDOWN = `query ($year: String!) {
  indicatorBreakdown(indicator: FINES_FEN, regionCode: "320000", granularity: YEAR, from: $year, to: $year, orderBy: VALUE_DESC) {
    total rows { key name value sharePercent rank }
  }
}`;

async function main(): Promise<void> {
  if (!process.env.MYSQL_URL) {
    console.error(
      'bench:statistics needs MySQL or MariaDB: MYSQL_URL=mysql://root@127.0.0.1:3306 npm run bench:statistics',
    );
    process.exit(2);
  }
  await globalSetup();
  try {
    const state = readState();
    const schemaUrl = `${process.env.MYSQL_URL}/${state.environment.DB_SCHEMA_PREFIX}statistics`;
    const connection = await createConnection(schemaUrl);
    const bulk = await countInBulk(connection);
    await connection.query('ANALYZE TABLE indicator_count');
    const [[{ total }]] = (await connection.query('SELECT COUNT(*) AS total FROM indicator_count')) as unknown as [
      [{ total: number }],
    ];
    await connection.end();
    const seconds = (bulk.countMs + bulk.writeMs) / 1000;
    console.log(`
counted ${EVENTS.toLocaleString('en')} events over ${MONTHS[0]}..${MONTHS.at(-1)} (${state.database})
  counting (mappers, checks, roll-up)  ${(bulk.countMs / 1000).toFixed(1)} s
  writing ${bulk.rows.toLocaleString('en')} rows (upserts)  ${(bulk.writeMs / 1000).toFixed(1)} s
  total                                 ${seconds.toFixed(1)} s = ${Math.round(EVENTS / seconds).toLocaleString('en')} events/s
  indicator_count rows                  ${Number(total).toLocaleString('en')}
  heap after                            ${Math.round(process.memoryUsage().heapUsed / 1048576)} MiB`);

    const rate = await ingest(schemaUrl);
    console.log(`
live ingest: ${INGEST_EVENTS.toLocaleString('en')} events, one inbox transaction each, ${INGEST_CONCURRENCY} at a time
  events/s  ${rate.toFixed(0)}`);

    // 20 analysts: a token of their own each, so the gateway's in-flight deduplication (per caller) cannot
    // merge their requests into one.
    const tokens = await distinctTokens(['ministry-analyst'], CONNECTIONS);
    const year = MONTHS.at(-1)!.slice(0, 4);
    const scenarios = [
      {
        name: `national 36-month series (${MONTHS[0]}..${MONTHS.at(-1)})`,
        body: { query: SERIES, variables: { from: MONTHS[0], to: MONTHS.at(-1) } },
      },
      { name: `Jiangsu breakdown by prefecture for ${year}, ranked`, body: { query: BREAKDOWN, variables: { year } } },
    ];
    for (const scenario of scenarios) {
      const answer = await query(tokens[0], scenario.body.query, scenario.body.variables);
      if (!answer) throw new Error(`${scenario.name}: no answer`);
      const load = (duration: number) => {
        let connection = 0;
        return autocannon({
          url: `${gatewayUrl()}/graphql`,
          connections: CONNECTIONS,
          duration,
          setupClient: (client) => {
            const token = tokens[connection++ % tokens.length];
            client.setRequests([
              {
                method: 'POST',
                path: '/graphql',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify(scenario.body),
              },
            ]);
          },
        });
      };
      await load(3);
      const statementsBefore = await requestSqlStatements();
      const result = await load(DURATION_SECONDS);
      const statements = (await requestSqlStatements()) - statementsBefore;
      console.log(`
${scenario.name} (${CONNECTIONS} analysts with their own tokens, ${DURATION_SECONDS} s)
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
