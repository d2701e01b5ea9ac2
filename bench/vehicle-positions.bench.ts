import './vehicle-positions.environment';
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { PROJECT_ROOT } from '../test/harness/service-processes';
import { clientToken, gatewayUrl, query, requestSqlStatements, tokenFor } from '../test/harness/single-window.client';
import { subgraphSql } from '../test/harness/subgraph-database';

// `npm run bench:positions`: the provincial monitoring platform sending key vehicles' positions (联网联控)
// through the gateway with its client's token and registered operation, every service in its own process.
// A fleet reports round after round (every vehicle once a round, 30 s of vehicle time apart) in batches of
// 500 from several connections. Prints positions/s, batch latency, alert latency (from sending the position
// that makes a speeding run long enough to the alert being readable in safetyAlerts) and bytes per position.

const SUBMIT = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'vehicle-monitoring-js-0001', 'SubmitVehiclePositions.graphql'),
  'utf8',
);
const FLEET = Number(process.env.BENCH_FLEET ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const ALERT_SAMPLES = Number(process.env.BENCH_ALERT_SAMPLES ?? 20);
/** One in this many vehicles speeds: their third round raises an alert. */
const SPEEDER_EVERY = 50;
const OWNER = '91320102MA1MY0R10Q';
/** The probe vehicles' own region: the alert count there moves only with the probe's alerts. */
const PROBE_REGION = '320505';
const TOKEN_REFRESH_MS = 120_000;
// Vehicle time starts far enough back that every round lies in the past.
const FIRST_FIX = Date.now() - (ROUNDS + 2) * 30_000 - 3600_000;
// Not A: the demo tankers (苏A12345, ...) are seeded.
const LETTERS = 'BCDEFGHJKLMNPQRSTUVWXYZ';

function plate(serial: number): string {
  // 苏 + a letter + five digits: 23 x 100 000 plates.
  return `苏${LETTERS[Math.floor(serial / 100_000) % LETTERS.length]}${String(serial % 100_000).padStart(5, '0')}`;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

interface SubmitAnswer {
  data?: { submitVehiclePositions: { acceptedCount: number; alertsRaised: number } };
  errors?: unknown[];
}

async function registerFleet(): Promise<void> {
  const rows: unknown[][] = [];
  for (let serial = 0; serial < FLEET + ALERT_SAMPLES; serial += 1) {
    const probe = serial >= FLEET;
    rows.push([
      plate(serial),
      OWNER,
      probe ? PROBE_REGION : '320104',
      // The probe's vehicles carry hazardous goods: 95 km/h is speeding for them, not for a coach.
      !probe && serial % 3 === 0 ? 'SCHEDULED_COACH' : 'HAZARDOUS_GOODS',
      `苏交运管${serial}`,
      'VALID',
      '2026-01-01 00:00:00',
    ]);
  }
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    await subgraphSql(
      'safety',
      `INSERT INTO safety_vehicle (plate_number, owner_credit_code, region_code, category, transport_certificate_number,
         certificate_status, changed_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flat(),
    );
  }
}

function fix(serial: number, at: number, speed: number) {
  return {
    plateNumber: plate(serial),
    time: new Date(at).toISOString(),
    longitude: 118.5 + (serial % 1000) / 1000,
    latitude: 31.8 + (serial % 777) / 1000,
    speed,
    heading: serial % 360,
  };
}

async function main(): Promise<void> {
  process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';
  await globalSetup();
  try {
    const state = readState();
    await registerFleet();
    let token = await clientToken('vehicle-monitoring-js-0001');
    let tokenAt = Date.now();
    const send = async (positions: unknown[]): Promise<SubmitAnswer> => {
      if (Date.now() - tokenAt > TOKEN_REFRESH_MS) {
        token = await clientToken('vehicle-monitoring-js-0001');
        tokenAt = Date.now();
      }
      const response = await fetch(`${gatewayUrl()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: SUBMIT, variables: { input: { positions } } }),
      });
      const answer = (await response.json()) as SubmitAnswer;
      if (answer.errors?.length || !answer.data)
        throw new Error(`batch refused: ${JSON.stringify(answer.errors).slice(0, 500)}`);
      return answer;
    };
    const batchesPerRound = Math.ceil(FLEET / BATCH_SIZE);
    const batchOf = (index: number) => {
      const round = Math.floor(index / batchesPerRound);
      const first = (index % batchesPerRound) * BATCH_SIZE;
      return Array.from({ length: Math.min(BATCH_SIZE, FLEET - first) }, (_, offset) => {
        const serial = first + offset;
        return fix(serial, FIRST_FIX + round * 30_000, serial % SPEEDER_EVERY === 0 ? 95 : 60);
      });
    };
    const batches = batchesPerRound * ROUNDS;

    let admin = await tokenFor('ministry-admin');
    let adminAt = Date.now();
    const probeAlerts = async () => {
      if (Date.now() - adminAt > TOKEN_REFRESH_MS) {
        admin = await tokenFor('ministry-admin');
        adminAt = Date.now();
      }
      return (
        await query<{ safetyAlerts: { totalCount: number } }>(
          admin,
          `{ safetyAlerts(regionCode: "${PROBE_REGION}", first: 1) { totalCount } }`,
        )
      ).safetyAlerts.totalCount;
    };

    const latencies: number[] = [];
    const alertLatencies: number[] = [];
    let accepted = 0;
    let alerts = 0;
    let next = 0;
    let loadRunning = true;
    const statementsBefore = await requestSqlStatements();
    const started = Date.now();
    // The alert probe runs beside the load: two speeding fixes, then the third, timed until readable.
    const probe = (async () => {
      for (let sample = 0; sample < ALERT_SAMPLES && loadRunning; sample += 1) {
        const serial = FLEET + sample;
        const at = Date.now() - 120_000;
        await send([fix(serial, at, 95), fix(serial, at + 30_000, 95)]);
        const before = await probeAlerts();
        const sent = Date.now();
        await send([fix(serial, at + 60_000, 95)]);
        while ((await probeAlerts()) === before) {
          if (Date.now() - sent > 30_000) throw new Error(`no alert for ${plate(serial)} within 30 s`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        alertLatencies.push(Date.now() - sent);
      }
    })();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < batches) {
          const batch = next;
          next += 1;
          const sent = Date.now();
          const answer = await send(batchOf(batch));
          latencies.push(Date.now() - sent);
          accepted += answer.data!.submitVehiclePositions.acceptedCount;
          alerts += answer.data!.submitVehiclePositions.alertsRaised;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    loadRunning = false;
    await probe;
    const statements = (await requestSqlStatements()) - statementsBefore;
    // InnoDB's sizes in information_schema are estimates refreshed by ANALYZE.
    if (state.database === 'mysql') await subgraphSql('safety', 'ANALYZE TABLE vehicle_position');
    const [storage] = await subgraphSql<{ bytes: number | string | null }>(
      'safety',
      state.database === 'mysql'
        ? `SELECT SUM(data_length + index_length) AS bytes FROM information_schema.PARTITIONS
             WHERE table_schema = DATABASE() AND table_name = 'vehicle_position'`
        : `SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()`,
    );
    const [{ stored }] = await subgraphSql<{ stored: number | string }>(
      'safety',
      'SELECT COUNT(*) AS stored FROM vehicle_position',
    );
    latencies.sort((left, right) => left - right);
    alertLatencies.sort((left, right) => left - right);
    const bytes = Number(storage.bytes ?? 0);
    console.log(`
vehicle positions through the gateway (${state.database} database, ${CONNECTIONS} connections, fleet ${FLEET}, ${ROUNDS} rounds, batches of ${BATCH_SIZE})
  positions/s       ${(accepted / seconds).toFixed(0)} (${accepted} accepted in ${seconds.toFixed(1)} s, ${alerts} alerts raised)
  batch latency     p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms
  SQL / batch       ${(statements / batches).toFixed(1)} statements (safety; reads of the alert probe included)
  alert latency     p50 ${percentile(alertLatencies, 0.5)} ms, p99 ${percentile(alertLatencies, 0.99)} ms (${alertLatencies.length} samples, under load)
  storage           ${(bytes / Number(stored)).toFixed(1)} bytes/position (${Number(stored)} rows, ${(bytes / 1048576).toFixed(1)} MiB data + index${state.database === 'mysql' ? '' : ', whole embedded file'})
  load              ${execSync('uptime').toString().trim()}`);
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
