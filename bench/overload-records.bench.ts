import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { PROJECT_ROOT } from '../test/harness/service-processes';
import { clientToken, gatewayUrl, query, requestSqlStatements, tokenFor } from '../test/harness/single-window.client';
import { wholeSeconds } from '../platform/time/whole-seconds';

// `npm run bench:overload`: weigh stations uploading detection records (治超联网) through the gateway with
// the station client's real token and its registered operation, every service in its own process.
// Prints records/s, batch latency percentiles and SQL statements per batch.

const SUBMIT = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'weigh-station-js-0001', 'SubmitOverloadRecords.graphql'),
  'utf8',
);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 500);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 60);
/** Uploads in flight at once (several stations, or one catching up with several connections). */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
/** Share of records above limit plus tolerance; each opens a draft or joins its vehicle's. */
const OVERLOAD_SHARE = Number(process.env.BENCH_OVERLOAD_SHARE ?? 0.1);
/** Plates the overloads are drawn from: a smaller pool means more records join an existing draft. */
const OVERLOADED_PLATES = 500;
const STATIONS = ['3201150001', '3205830001', '3202110001', '3204120001', '3210020001'];
// Access tokens live 5 minutes; a long run takes a fresh one now and then.
const TOKEN_REFRESH_MS = 120_000;
// Detection times count back from the start, so a batch built twice is the same batch (a resubmission).
const STARTED_AT = wholeSeconds().getTime();

interface SubmitAnswer {
  data?: {
    submitOverloadRecords: {
      acceptedCount: number;
      duplicateCount: number;
      rejectedCount: number;
      results: Array<{ overloaded: boolean | null }>;
    };
  };
  errors?: unknown[];
}

function plate(prefix: string, serial: number): string {
  return `${prefix}${String(serial).padStart(5, '0')}`;
}

function batchOf(batch: number): unknown[] {
  const stationCode = STATIONS[batch % STATIONS.length];
  return Array.from({ length: BATCH_SIZE }, (_, index) => {
    const serial = batch * BATCH_SIZE + index;
    const overloaded = (serial * 7919) % 1000 < OVERLOAD_SHARE * 1000;
    return {
      stationCode,
      stationRecordId: `BENCH-${String(serial).padStart(9, '0')}`,
      detectedAt: new Date(STARTED_AT - ((serial * 37) % 7200) * 1000).toISOString(),
      plateNumber: overloaded ? plate('苏E', serial % OVERLOADED_PLATES) : plate('苏B', serial % 100_000),
      axleCount: 6,
      grossWeightKg: overloaded ? 52_000 + (serial % 9_000) : 30_000 + (serial % 19_000),
      limitKg: 49_000,
    };
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function main(): Promise<void> {
  // One client drives all the load: the per-client rate limit would measure itself, not the system.
  process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';
  await globalSetup();
  try {
    const state = readState();
    let token = await clientToken('weigh-station-js-0001');
    let tokenAt = Date.now();
    const send = async (records: unknown[]): Promise<SubmitAnswer> => {
      if (Date.now() - tokenAt > TOKEN_REFRESH_MS) {
        token = await clientToken('weigh-station-js-0001');
        tokenAt = Date.now();
      }
      const response = await fetch(`${gatewayUrl()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: SUBMIT, variables: { input: { records } } }),
      });
      const answer = (await response.json()) as SubmitAnswer;
      if (answer.errors?.length || !answer.data)
        throw new Error(`batch refused: ${JSON.stringify(answer.errors).slice(0, 500)}`);
      return answer;
    };
    // Warm-up, outside the figures: one batch the station sends again later (all duplicates).
    await send(batchOf(BATCHES));

    const admin = await tokenFor('ministry-admin');
    const draftsFiled = async () =>
      (
        await query<{ enforcementCases: { totalCount: number } }>(
          admin,
          `{ enforcementCases(regionCode: "320000", status: FILING_PENDING, first: 1) { totalCount } }`,
        )
      ).enforcementCases.totalCount;
    const draftsBefore = await draftsFiled();
    const latencies: number[] = [];
    let accepted = 0;
    let overloaded = 0;
    let next = 0;
    const statementsBefore = await requestSqlStatements();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < BATCHES) {
          const batch = next;
          next += 1;
          const sent = Date.now();
          const answer = await send(batchOf(batch));
          latencies.push(Date.now() - sent);
          accepted += answer.data!.submitOverloadRecords.acceptedCount;
          overloaded += answer.data!.submitOverloadRecords.results.filter((result) => result.overloaded).length;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const statements = (await requestSqlStatements()) - statementsBefore;
    const duplicateStarted = Date.now();
    const again = await send(batchOf(BATCHES));
    const duplicateMs = Date.now() - duplicateStarted;

    const stored = await query<{ overloadRecords: { totalCount: number } }>(
      admin,
      `{ overloadRecords(regionCode: "320000", first: 1) { totalCount } }`,
    );
    const drafts = (await draftsFiled()) - draftsBefore;
    latencies.sort((left, right) => left - right);
    console.log(`
overload records through the gateway (${state.database} database, ${CONNECTIONS} connections, ${BATCHES} batches of ${BATCH_SIZE}, ${Math.round(OVERLOAD_SHARE * 100)} % overloaded)
  records/s         ${(accepted / seconds).toFixed(0)} (${accepted} accepted in ${seconds.toFixed(1)} s)
  batch latency     p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms
  SQL / batch       ${(statements / BATCHES).toFixed(1)} statements (all in enforcement; one transaction per batch)
  overloaded        ${overloaded} records in ${drafts} new draft cases (the rest joined a vehicle's draft)
  resubmitted batch ${again.data!.submitOverloadRecords.duplicateCount} of ${BATCH_SIZE} duplicates in ${duplicateMs} ms
  stored            ${stored.overloadRecords.totalCount} records in Jiangsu (seeded demo records included)`);
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
