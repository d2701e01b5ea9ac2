import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { openDataSource } from '../platform/database/data-source.factory';
import { freePort } from '../platform/http/free-port';
import { createLogger } from '../platform/observability/logger';
import { Counters } from '../platform/observability/metrics';
import { wholeSeconds } from '../platform/time/whole-seconds';
import { NATIONAL_CREDIT_PLATFORM_DEFAULTS } from '../subgraphs/credit/credit.config';
import { creditSubgraph } from '../subgraphs/credit/credit.subgraph';
import { CreditDeliveryRelay } from '../subgraphs/credit/national-platform/credit-delivery.relay';
import {
  CreditDeliveryState,
  CreditPlatformDelivery,
} from '../subgraphs/credit/national-platform/credit-platform-delivery.entity';
import { NationalCreditPlatformAdapter } from '../subgraphs/credit/national-platform/national-credit-platform.adapter';
import { spawnService, stopProcess, waitFor } from '../test/harness/service-processes';

// `node dist/bench/credit-delivery.bench.js` (MYSQL_URL, default mysql://root@127.0.0.1:3306): the push
// relay to the national credit platform on MySQL/MariaDB, in a schema of its own, against the simulator
// in its own process (signed requests, as in production). Measures delivery throughput in records/s at
// a few concurrencies, and the time to drain the backlog a 10-minute outage leaves (BENCH_BACKLOG,
// default 100,000 pending pushes, then the relay starts). Prints the machine's load with the figures.

const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const SCHEMA = `${process.env.BENCH_SCHEMA_PREFIX ?? 'bench_delivery_'}credit`;
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 100_000);
/** Records per throughput run, at each concurrency of BENCH_CONCURRENCIES. */
const THROUGHPUT_RECORDS = Number(process.env.BENCH_THROUGHPUT_RECORDS ?? 10_000);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES ?? '1,8,32').split(',').map(Number);
const BACKLOG_CONCURRENCY = Number(
  process.env.BENCH_BACKLOG_CONCURRENCY ?? NATIONAL_CREDIT_PLATFORM_DEFAULTS.concurrency,
);
const OUTAGE_MS = 10 * 60_000;
const CREDENTIALS = { keyId: 'bench-single-window', secret: 'bench-secret-of-at-least-32-characters!' };

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

async function recreateSchema(): Promise<void> {
  const connection = await createConnection(MYSQL_URL);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``);
  } finally {
    await connection.end();
  }
}

/** A disclosure as the publication job records it (about 700 bytes of JSON). */
function payload(serial: number): string {
  return JSON.stringify({
    kind: 'ADMINISTRATIVE_PENALTY',
    creditCode: '91320102MA1MY0R10Q',
    counterpartName: '南京玄武危险品运输有限公司',
    documentNumber: `320102${String(serial).padStart(10, '0')}`,
    matter: '未按规定维护和检测运输车辆',
    legalBasis: '《中华人民共和国行政处罚法》;《中华人民共和国道路运输条例》',
    content: '罚款人民币3,000.00元。',
    penaltyKind: 'FINE',
    fineFen: 300_000,
    authorityName: '南京市玄武区交通运输局',
    authorityCode: '320102',
    decidedAt: '2026-12-02T06:00:00.000Z',
    validFrom: null,
    validUntil: null,
    publishedAt: '2026-12-03T08:00:00.000Z',
    publicUntil: '2027-12-02T06:00:00.000Z',
  });
}

async function main(): Promise<void> {
  await recreateSchema();
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-delivery-bench-'));
  const logger = createLogger('credit-delivery-bench', 'warn');
  const dataSource = await openDataSource({
    settings: { kind: 'mysql', serverUrl: MYSQL_URL, schema: SCHEMA, poolSize: 10 },
    dataDir,
    entities: creditSubgraph.entities,
    migrations: creditSubgraph.migrations,
    counters: new Counters(),
    logger,
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const simulatorPid = spawnService(
    {
      script: 'dist/subgraphs/credit/national-platform/credit-platform-simulator.main.js',
      port,
      logFile: join(dataDir, 'simulator.log'),
    },
    {
      PATH: process.env.PATH ?? '',
      APP_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      CREDIT_PLATFORM_URL: url,
      CREDIT_PLATFORM_KEY_ID: CREDENTIALS.keyId,
      CREDIT_PLATFORM_SECRET: CREDENTIALS.secret,
    },
  );
  let serial = 0;
  try {
    await waitFor(`${url}/health`, (status) => status === 200, 30_000);
    const repository = dataSource.getRepository(CreditPlatformDelivery);

    /** `count` pending pushes recorded over the last `spreadMs`, as an outage of that length leaves them. */
    const fill = async (count: number, spreadMs: number) => {
      const now = Date.now();
      for (let start = 0; start < count; start += 1000) {
        const rows = Array.from({ length: Math.min(1000, count - start) }, (_, index) => {
          serial += 1;
          const recordedAt = wholeSeconds(now - spreadMs + Math.floor(((start + index) * spreadMs) / count));
          return {
            recordType: 'DISCLOSURE' as const,
            recordId: String(serial),
            version: 1,
            payload: payload(serial),
            state: CreditDeliveryState.PENDING,
            attempts: 0,
            nextAttemptAt: recordedAt,
            lastError: null,
            createdAt: recordedAt,
            lastAttemptAt: null,
            deliveredAt: null,
            receiptNumber: null,
            leaseOwner: null,
            leaseUntil: null,
          };
        });
        await repository.createQueryBuilder().insert().values(rows).execute();
      }
    };
    /** Starts `relays` relays (as that many credit processes would) and waits until nothing is pending. */
    const drain = async (concurrency: number, relays = 1) => {
      const adapter = new NationalCreditPlatformAdapter({
        baseUrl: url,
        timeoutMs: NATIONAL_CREDIT_PLATFORM_DEFAULTS.timeoutMs,
        authentication: { mode: 'signature', ...CREDENTIALS },
        maxSockets: concurrency * relays + 4,
      });
      const pending = await repository.countBy({ state: CreditDeliveryState.PENDING });
      const started = performance.now();
      await Promise.all(
        Array.from({ length: relays }, (_, index) =>
          new CreditDeliveryRelay(
            dataSource,
            adapter,
            {
              pollIntervalMs: 500,
              maxBackoffMs: 60_000,
              concurrency,
              requestTimeoutMs: NATIONAL_CREDIT_PLATFORM_DEFAULTS.timeoutMs,
              owner: `bench-relay-${index}`,
            },
            logger,
          ).drain(),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      adapter.close();
      const left = await repository.countBy({ state: CreditDeliveryState.PENDING });
      if (left > 0) throw new Error(`${left} pushes still pending after the drain`);
      return { pending, seconds, perSecond: pending / seconds };
    };

    console.log(
      `national credit platform relay on ${SCHEMA} (MariaDB/MySQL at ${MYSQL_URL}), load average ${loadAverage()}`,
    );
    console.log('\n| pushes | relays x concurrency | seconds | records/s | load average after |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const concurrency of CONCURRENCIES) {
      await fill(THROUGHPUT_RECORDS, 60_000);
      const run = await drain(concurrency);
      console.log(
        `| ${run.pending} | 1 x ${concurrency} | ${run.seconds.toFixed(1)} | ${run.perSecond.toFixed(0)} | ${loadAverage()} |`,
      );
    }
    await fill(THROUGHPUT_RECORDS, 60_000);
    const shared = await drain(BACKLOG_CONCURRENCY, 2);
    console.log(
      `| ${shared.pending} | 2 x ${BACKLOG_CONCURRENCY} | ${shared.seconds.toFixed(1)} | ${shared.perSecond.toFixed(0)} | ${loadAverage()} |`,
    );

    const fillStarted = performance.now();
    await fill(BACKLOG, OUTAGE_MS);
    const filled = (performance.now() - fillStarted) / 1000;
    const backlog = await drain(BACKLOG_CONCURRENCY);
    console.log(
      `\nbacklog of a 10-minute outage: ${backlog.pending} pending pushes (filled in ${filled.toFixed(1)} s), drained by one relay x ${BACKLOG_CONCURRENCY} in ${backlog.seconds.toFixed(1)} s = ${backlog.perSecond.toFixed(0)} records/s; load average ${loadAverage()}`,
    );
    const received = (await (await fetch(`${url}/received-summary`)).json()) as {
      records: number;
      versions: number;
      duplicates: number;
      outOfOrderRefused: number;
    };
    console.log(
      `the simulator received ${received.versions} versions of ${received.records} records (${serial} recorded), ${received.duplicates} duplicates, ${received.outOfOrderRefused} out of order`,
    );
  } finally {
    await stopProcess(simulatorPid);
    await dataSource.destroy();
    await recreateSchema();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
