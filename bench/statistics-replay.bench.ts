import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { regionCodes } from '../platform/codes/region-code';
import type { SubgraphName } from '../platform/config/config';
import { openDataSource } from '../platform/database/data-source.factory';
import { startHttpServer } from '../platform/http/http-server';
import { createLogger } from '../platform/observability/logger';
import { Counters } from '../platform/observability/metrics';
import type { EventEnvelope } from '../platform/outbox/domain-event';
import {
  EVENT_HISTORY_PATH,
  eventHistoryHandler,
  HttpEventHistorySource,
  type EventHistorySource,
  type HistoryPage,
} from '../platform/outbox/event-history';
import { envelopeOf } from '../platform/testing/event-envelopes';
import { EventCountingService } from '../subgraphs/statistics/counting/event-counting.service';
import { IndicatorReplay } from '../subgraphs/statistics/replay/indicator-replay';
import { statisticsSubgraph } from '../subgraphs/statistics/statistics.subgraph';

// `npm run bench:statistics-replay` (BENCH_EVENTS, default 1,000,000; MYSQL_URL for MySQL/MariaDB, else the
// embedded database): statistics:replay's speed in events/s and its peak memory.
// 1. Counting: BENCH_EVENTS synthetic events (cases filed and decided, permits, waybills over 300 counties
//    and 36 months), made page by page and sent through JSON as the wire does, counted, rolled up and
//    written into indicator_count_rebuilt.
// 2. The history endpoint: BENCH_HISTORY_ROWS (default 200,000) outbox rows served over HTTP in signed
//    pages of 1,000, read back as the replay reads them.

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const HISTORY_ROWS = Number(process.env.BENCH_HISTORY_ROWS ?? 200_000);
const MYSQL_URL = process.env.MYSQL_URL;
const SCHEMA = `${process.env.BENCH_SCHEMA_PREFIX ?? 'bench_replay_'}statistics`;
const SECRET = 'bench-events-secret-of-at-least-32-chars';
const COUNTIES = regionCodes()
  .filter((code) => !code.endsWith('00'))
  .slice(0, 3000)
  .filter((_code, index) => index % 10 === 0);
const CARRIER = '91320102MA1MY0R10Q';

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** The n-th synthetic event: the same sequence every run. */
function syntheticEvent(serial: number): EventEnvelope {
  const region = COUNTIES[serial % COUNTIES.length];
  const month = (serial >> 3) % 36;
  const at = new Date(Date.UTC(2024 + Math.floor(month / 12), month % 12, 1 + (serial % 27), 2)).toISOString();
  switch (serial % 4) {
    case 0:
      return envelopeOf(
        'case.filed',
        { caseNumber: `C${serial}`, regionCode: region, creditCode: CARRIER, plateNumber: null, filedAt: at },
        'enforcement',
      );
    case 1:
      return envelopeOf(
        'case.decided',
        {
          caseNumber: `C${serial}`,
          regionCode: region,
          creditCode: CARRIER,
          plateNumber: null,
          cause: '超限运输',
          permitNumber: null,
          penalty: 'FINE',
          fineFen: 100_000 + (serial % 7) * 50_000,
          summary: '罚款',
          decidedAt: at,
        },
        'enforcement',
      );
    case 2:
      return envelopeOf(
        'permit.issued',
        {
          permitNumber: `P${serial}`,
          kind: serial % 8 === 2 ? 'HAZARDOUS_GOODS_TRANSPORT' : 'ROAD_FREIGHT_TRANSPORT',
          creditCode: CARRIER,
          regionCode: region,
          issuedAt: at,
          enterpriseName: '南京顺达货运有限公司',
          matter: '道路货物运输经营许可',
          legalBasis: '道路运输条例',
          validFrom: at.slice(0, 10),
          validUntil: '2030-12-31',
        },
        'licensing',
      );
    default:
      return envelopeOf(
        'waybill.created',
        {
          waybillNumber: `W${serial}`,
          carrierCreditCode: CARRIER,
          plateNumber: '苏A12345',
          originRegionCode: region,
          createdAt: at,
        },
        'safety',
      );
  }
}

/** Pages of synthetic events, made on demand and passed through JSON: nothing of the history is kept. */
class SyntheticHistory implements EventHistorySource {
  readonly name = 'synthetic';
  constructor(private readonly total: number) {}

  page(_subscriber: SubgraphName, after: number, limit: number): Promise<HistoryPage> {
    const events = [];
    for (let id = after + 1; id <= Math.min(after + limit, this.total); id += 1)
      events.push({ id, delivered: true, envelope: syntheticEvent(id) });
    const next = after + limit < this.total ? after + limit : null;
    return Promise.resolve(JSON.parse(JSON.stringify({ events, next })) as HistoryPage);
  }
}

async function openDatabase(dataDir: string): Promise<DataSource> {
  if (MYSQL_URL) {
    const connection = await createConnection(MYSQL_URL);
    await connection.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``);
    await connection.end();
  }
  return openDataSource({
    settings: MYSQL_URL
      ? { kind: 'mysql', serverUrl: MYSQL_URL, schema: SCHEMA, poolSize: 4 }
      : { kind: 'embedded', schema: SCHEMA, poolSize: 1 },
    dataDir,
    entities: statisticsSubgraph.entities,
    migrations: statisticsSubgraph.migrations,
    counters: new Counters(),
    logger: createLogger('bench', 'error'),
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'statistics-replay-bench-'));
  const dataSource = await openDatabase(dataDir);
  const logger = createLogger('bench', 'error');
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    console.log(`database ${MYSQL_URL ? 'MySQL/MariaDB' : 'embedded SQLite'}, load ${loadAverage()}`);
    const replay = new IndicatorReplay(dataSource, new EventCountingService(logger), logger);
    const summary = await replay.rebuild([new SyntheticHistory(EVENTS)]);
    console.log(
      `counting: ${summary.events} events -> ${summary.rows} rows in ${summary.seconds} s: ${summary.eventsPerSecond} events/s, peak RSS ${Math.round(peakRss / 2 ** 20)} MB`,
    );

    // The endpoint: HISTORY_ROWS outbox rows of a department, served and read back in pages.
    const rows = [];
    for (let serial = 1; serial <= HISTORY_ROWS; serial += 1) {
      const envelope = syntheticEvent(serial);
      rows.push({
        eventId: randomUUID(),
        eventType: envelope.type,
        subscriber: 'statistics',
        envelope: JSON.stringify(envelope),
        createdAt: new Date(),
        attempts: 1,
        nextAttemptAt: new Date(),
        deliveredAt: new Date(),
        lastError: null,
      });
      if (rows.length === 500 || serial === HISTORY_ROWS) {
        await dataSource
          .createQueryBuilder()
          .insert()
          .into('outbox_message')
          .values(rows)
          .updateEntity(false)
          .execute();
        rows.length = 0;
      }
    }
    const server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      routes: { [EVENT_HISTORY_PATH]: eventHistoryHandler({ dataSource, secret: SECRET }) },
    });
    try {
      const source = new HttpEventHistorySource('bench', `http://127.0.0.1:${server.port}`, SECRET);
      const started = performance.now();
      let read = 0;
      for (let after: number | null = 0; after !== null;) {
        const page: HistoryPage = await source.page('statistics', after, 1000);
        read += page.events.length;
        after = page.next;
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `history endpoint: ${read} events in ${seconds.toFixed(2)} s: ${Math.round(read / seconds)} events/s`,
      );
    } finally {
      await server.close();
    }
  } finally {
    clearInterval(sampler);
    await dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    if (MYSQL_URL) {
      const connection = await createConnection(MYSQL_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``);
      await connection.end();
    }
  }
}

void main();
