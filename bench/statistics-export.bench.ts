import './statistics-export.environment';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createConnection, type Connection } from 'mysql2/promise';
import { regionCodes } from '../platform/codes/region-code';
import { startSingleWindow } from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { gatewayUrl, tokenFor } from '../test/harness/single-window.client';

// `npm run bench:statistics-export` (MYSQL_URL required): 100,000 monthly counts of one indicator under
// Jiangsu (region x month x permit kind) bulk-loaded into the statistics schema, then exported through the
// gateway as a detail file, XLSX and CSV, with every service in its own process. Prints the time, the
// size, the rows the file announced and wrote, and the resident memory (RSS) of the statistics subgraph
// and the gateway sampled every 20 ms during the stream, against what they held before it.

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const INDICATOR = 'PERMITS_ISSUED';
const ANALYST = 'ministry-analyst';
// Ten years before the demo data's months, so the loaded rows are the only ones in the range.
const FIRST_YEAR = 2010;
const MONTHS = 120;
const BATCH = 5_000;
const SAMPLE_MS = 20;
// With BENCH_HEAP_CAP_MB, every service runs with that V8 old-space limit: an export whose memory grew
// with its rows would fail there, so a run under a small cap shows the memory is flat, not merely that
// the heap had not been collected yet (RSS includes garbage V8 has not yet given back).
const HEAP_CAP_MB = process.env.BENCH_HEAP_CAP_MB;

function month(index: number): string {
  return `${FIRST_YEAR + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Region x month x kind, regions of Jiangsu first to last, until ROWS rows; returns the rows loaded. */
async function loadCounts(connection: Connection): Promise<number> {
  const regions = ['320000', ...regionCodes().filter((code) => code.startsWith('32') && code !== '320000')];
  const kinds = Math.ceil(ROWS / (regions.length * MONTHS));
  let batch: unknown[][] = [];
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await connection.query('INSERT INTO indicator_count (indicator, region_code, month, dimension, value) VALUES ?', [
      batch,
    ]);
    batch = [];
  };
  for (const region of regions)
    for (let monthIndex = 0; monthIndex < MONTHS; monthIndex += 1)
      for (let kind = 0; kind < kinds && loaded < ROWS; kind += 1) {
        batch.push([INDICATOR, region, month(monthIndex), `BENCH_KIND_${kind}`, 1 + ((loaded * 7919) % 500)]);
        loaded += 1;
        if (batch.length === BATCH) await flush();
      }
  await flush();
  await connection.query('ANALYZE TABLE indicator_count');
  return loaded;
}

/** Resident memory of a process of this machine, in bytes (Linux /proc). */
function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

interface ExportRun {
  status: number;
  seconds: number;
  bytes: number;
  rowsTotal: string | undefined;
  rowsWritten: string | undefined;
  before: Record<string, number>;
  peak: Record<string, number>;
  firstByteMs: number;
  /** The progress read while the file came: "<seconds> <written>/<total> <state>". */
  progress: string[];
}

function readProgress(requestId: string, token: string): Promise<string> {
  const url = new URL('/exports/statistics/progress', gatewayUrl());
  url.searchParams.set('requestId', requestId);
  return new Promise((resolve) => {
    const outgoing = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.once('end', () => {
        try {
          const seen = JSON.parse(text) as { rowsWritten: number; rowsTotal: number; state: string };
          resolve(`${seen.rowsWritten}/${seen.rowsTotal} ${seen.state}`);
        } catch {
          resolve(`HTTP ${response.statusCode}`);
        }
      });
    });
    outgoing.once('error', () => resolve('unreachable'));
    outgoing.end();
  });
}

function exportOnce(format: 'xlsx' | 'csv', token: string, pids: Record<string, number>): Promise<ExportRun> {
  const url = new URL('/exports/statistics', gatewayUrl());
  const parameters = {
    indicator: INDICATOR,
    regionCode: '320000',
    from: month(0),
    to: month(MONTHS - 1),
    by: 'DETAIL',
  };
  for (const [key, value] of Object.entries({ ...parameters, format })) url.searchParams.set(key, value);
  const before: Record<string, number> = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, residentBytes(pid)]),
  );
  const peak: Record<string, number> = { ...before, bench: process.memoryUsage().rss };
  before.bench = peak.bench;
  const sampler = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) peak[name] = Math.max(peak[name], residentBytes(pid));
    peak.bench = Math.max(peak.bench, process.memoryUsage().rss);
  }, SAMPLE_MS);
  const started = performance.now();
  const progress: string[] = [];
  return new Promise<ExportRun>((resolve, reject) => {
    const outgoing = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      const firstByteMs = performance.now() - started;
      // What a client's progress bar shows: the export's progress by its request id, once a second.
      const requestId = String(response.headers['x-request-id']);
      const polling = setInterval(() => {
        void readProgress(requestId, token).then((seen) =>
          progress.push(`${((performance.now() - started) / 1000).toFixed(1)} s ${seen}`),
        );
      }, 1_000);
      response.once('close', () => clearInterval(polling));
      let bytes = 0;
      // The file is counted and dropped: the client holds nothing either.
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.once('end', () => {
        clearInterval(sampler);
        resolve({
          status: response.statusCode ?? 0,
          seconds: (performance.now() - started) / 1000,
          bytes,
          rowsTotal: response.headers['x-export-rows-total'] as string | undefined,
          rowsWritten: response.trailers['x-export-rows-written'],
          before,
          peak,
          firstByteMs,
          progress,
        });
      });
      response.once('error', reject);
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

function report(format: string, run: ExportRun): string {
  const memory = Object.keys(run.peak)
    .map(
      (name) =>
        `    ${name.padEnd(11)} ${megabytes(run.before[name]).padStart(10)} before, ${megabytes(run.peak[name]).padStart(10)} peak (+${megabytes(run.peak[name] - run.before[name])})`,
    )
    .join('\n');
  return `  ${format}: HTTP ${run.status}, ${run.seconds.toFixed(2)} s (first byte ${run.firstByteMs.toFixed(0)} ms), ${megabytes(run.bytes)}, rows announced ${run.rowsTotal}, written ${run.rowsWritten}, ${(Number(run.rowsWritten) / run.seconds).toFixed(0)} rows/s
  progress read every second: ${run.progress.join('; ') || '(finished within a second)'}
  resident memory (RSS), sampled every ${SAMPLE_MS} ms:
${memory}`;
}

async function main(): Promise<void> {
  const mysqlUrl = process.env.MYSQL_URL;
  if (!mysqlUrl) {
    console.error(
      'npm run bench:statistics-export loads the statistics schema directly: set MYSQL_URL (e.g. mysql://root@127.0.0.1:3306)',
    );
    process.exit(2);
  }
  await startSingleWindow(
    HEAP_CAP_MB ? { environment: { NODE_OPTIONS: `--max-old-space-size=${Number(HEAP_CAP_MB)}` } } : {},
  );
  const connection = await createConnection({ uri: mysqlUrl, database: `${process.env.TEST_SCHEMA_PREFIX}statistics` });
  try {
    const state = readState();
    const loadStarted = Date.now();
    const loaded = await loadCounts(connection);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const token = await tokenFor(ANALYST);
    const pids = { statistics: state.services.statistics.pid, gateway: state.services.gateway.pid };
    // A warm-up export, so the measured ones do not pay for first-use compilation.
    await exportOnce('csv', token, pids);
    const xlsx = await exportOnce('xlsx', token, pids);
    const csv = await exportOnce('csv', token, pids);
    console.log(`
detail export of ${INDICATOR} under 320000 through the gateway (${state.database}${HEAP_CAP_MB ? `, every service capped at ${HEAP_CAP_MB} MiB old space` : ''})
  counts            ${loaded} rows bulk-loaded in ${loadSeconds.toFixed(1)} s (${month(0)} to ${month(MONTHS - 1)})
${report('XLSX', xlsx)}
${report('CSV ', csv)}`);
  } finally {
    await connection.end();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
