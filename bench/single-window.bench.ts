import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { print } from 'graphql';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState, type ServiceName } from '../test/harness/harness-state';
import { eventually, gatewayUrl, query, requestSqlStatements, tokenFor } from '../test/harness/single-window.client';
import { SINGLE_WINDOW } from '../test/harness/single-window.query';

// `npm run bench`: load through the gateway on the single-window query, with every service in its own
// process as in production. Prints requests/s, latency percentiles, SQL statements per request and memory.

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

async function gatewayMetrics(): Promise<Record<string, number>> {
  const text = await (await fetch(`${gatewayUrl()}/metrics`)).text();
  const values: Record<string, number> = {
    audit_records_total: 0,
    audit_batches_total: 0,
    audit_wait_microseconds_total: 0,
  };
  for (const match of text.matchAll(/^(\w+)\{[^}]*\} (\d+)$/gm)) values[match[1]] = Number(match[2]);
  return values;
}

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

async function main(): Promise<void> {
  // One token drives all the load: the per-caller rate limit would measure itself, not the system.
  process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';
  await globalSetup();
  try {
    const state = readState();
    const token = await tokenFor('ministry-admin');
    const variables = { code: '91320102MA1MY0R10Q' };
    // Wait until seeded events have reached credit and statistics, so every part of the answer is real.
    await eventually(async () => {
      const data = await query(token, SINGLE_WINDOW, variables);
      if (!data.enterprise?.creditProfile?.records?.totalCount) throw new Error('credit records not yet delivered');
    }, 60_000);
    const body = JSON.stringify({ query: print(SINGLE_WINDOW), variables });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    await autocannon({
      url: `${gatewayUrl()}/graphql`,
      method: 'POST',
      headers,
      body,
      connections: CONNECTIONS,
      duration: 3,
    });

    const auditBefore = await gatewayMetrics();
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
    const auditAfter = await gatewayMetrics();
    const auditRecords = auditAfter.audit_records_total - auditBefore.audit_records_total;
    const auditBatches = auditAfter.audit_batches_total - auditBefore.audit_batches_total;
    const auditWaitMs = (auditAfter.audit_wait_microseconds_total - auditBefore.audit_wait_microseconds_total) / 1000;
    const requests = result.requests.total;
    const memory = (Object.keys(state.services) as ServiceName[]).map(
      (name) => `${name} ${residentMegabytes(state.services[name].pid)} MB`,
    );
    console.log(`
single-window query through the gateway (${state.database} database, ${CONNECTIONS} connections, ${DURATION_SECONDS} s)
  requests/s        ${result.requests.average.toFixed(1)}
  latency p50       ${result.latency.p50} ms
  latency p99       ${result.latency.p99} ms
  requests          ${requests} (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)
  SQL / request     ${(statements / Math.max(requests, 1)).toFixed(2)} statements (all five subgraphs)
  audit trail       ${auditRecords} records in ${auditBatches} group commits (${(auditRecords / Math.max(auditBatches, 1)).toFixed(1)} per commit); each answer waited ${(auditWaitMs / Math.max(auditRecords, 1)).toFixed(2)} ms on average for its record
  resident memory   ${memory.join(', ')}`);
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
