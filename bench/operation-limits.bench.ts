import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { GraphQLError } from 'graphql';
import { loadProcessConfig } from '../platform/config/config';
import { GATEWAY_CONFIG } from '../gateway/gateway.config';
import { checkDocument } from '../gateway/protection/operation-limits';
import { checkRawBody, checkVariables } from '../gateway/protection/variables-limits';
import { worstRequests, type WorstRequest } from '../gateway/protection/worst-documents';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { PROJECT_ROOT } from '../test/harness/service-processes';
import { gatewayUrl, tokenFor } from '../test/harness/single-window.client';

// `npm run bench:limits`: sends each worst-case request the gateway's limits must refuse, as an officer
// over HTTP, and reports the gateway process's CPU per refusal (from its /metrics), next to the time the
// checks alone take in this process. Every answer must be 400 OPERATION_LIMIT_EXCEEDED naming the limit.

const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);

async function gatewayCpuSeconds(): Promise<number> {
  const text = await (await fetch(`${gatewayUrl()}/metrics`)).text();
  const match = /^process_cpu_seconds_total\{[^}]*\} ([\d.]+)$/m.exec(text);
  if (!match) throw new Error('the gateway reports no process_cpu_seconds_total');
  return Number(match[1]);
}

function bodyOf(worst: WorstRequest): string {
  return worst.rawBody ?? JSON.stringify({ query: worst.query, variables: worst.variables ?? {} });
}

async function send(token: string, body: string): Promise<{ status: number; limit?: unknown; code?: unknown }> {
  const response = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const answer = (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  const extensions = answer.errors?.[0]?.extensions ?? {};
  return { status: response.status, limit: extensions.limit, code: extensions.code };
}

/** The checks alone, in this process, best of several runs (milliseconds). */
function checkMilliseconds(worst: WorstRequest, run: (worst: WorstRequest) => void): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const started = process.hrtime.bigint();
    try {
      run(worst);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

async function healthLatencyDuring(token: string, worst: WorstRequest): Promise<number> {
  let slowest = 0;
  let sending = true;
  const body = bodyOf(worst);
  const load = Promise.all(Array.from({ length: 4 }, () => send(token, body))).finally(() => {
    sending = false;
  });
  while (sending) {
    const started = Date.now();
    await fetch(`${gatewayUrl()}/health`);
    slowest = Math.max(slowest, Date.now() - started);
  }
  await load;
  return slowest;
}

async function main(): Promise<void> {
  process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';
  const limits = loadProcessConfig({ gateway: GATEWAY_CONFIG }, {}).settings.gateway.limits;
  const apiSchema = Supergraph.build(readFileSync(join(PROJECT_ROOT, 'schema', 'supergraph.graphql'), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
  const inProcess = (worst: WorstRequest) => {
    if (worst.rawBody) {
      checkRawBody(Buffer.from(worst.rawBody), limits);
      return;
    }
    checkVariables(worst.variables ?? {}, limits);
    checkDocument(worst.query, apiSchema, worst.variables ?? {}, limits);
  };
  await globalSetup();
  try {
    const token = await tokenFor('ministry-admin');
    const rows: string[] = [];
    // The cost of any request at all, for comparison: a trivial query answered by the gateway itself.
    const trivial = JSON.stringify({ query: '{ __typename }' });
    for (let index = 0; index < 5; index += 1) await send(token, trivial);
    let before = await gatewayCpuSeconds();
    for (let index = 0; index < REPEATS; index += 1) await send(token, trivial);
    const baseline = ((await gatewayCpuSeconds()) - before) / REPEATS;
    for (const worst of worstRequests()) {
      const body = bodyOf(worst);
      const first = await send(token, body);
      if (first.status !== 400 || first.code !== 'OPERATION_LIMIT_EXCEEDED' || first.limit !== worst.limit)
        throw new Error(`expected a refusal by ${worst.limit}, got ${JSON.stringify(first)}`);
      before = await gatewayCpuSeconds();
      for (let index = 0; index < REPEATS; index += 1) await send(token, body);
      const perRefusal = ((await gatewayCpuSeconds()) - before) / REPEATS;
      const bytes = Buffer.byteLength(body);
      rows.push(
        `  ${worst.limit.padEnd(22)} ${String(bytes).padStart(9)} B  ` +
          `${(perRefusal * 1000).toFixed(2).padStart(8)} ms gateway CPU  ` +
          `${checkMilliseconds(worst, inProcess).toFixed(2).padStart(8)} ms checks alone`,
      );
    }
    const aliasBomb = worstRequests()[0];
    const health = await healthLatencyDuring(token, aliasBomb);
    console.log(`
operation limits: worst-case requests refused (${REPEATS} of each, one at a time; gateway CPU from its /metrics)
  kind                    request body     per refusal            in-process check
${rows.join('\n')}
  (any request: { __typename } costs ${(baseline * 1000).toFixed(2)} ms of gateway CPU)
  /health answered within ${health} ms while four 1.9 MB alias bombs were refused`);
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
