import './gateway-memory.environment';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { print } from 'graphql';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { gatewayUrl } from '../test/harness/single-window.client';
import { SINGLE_WINDOW } from '../test/harness/single-window.query';
import { distinctTokens } from './gateway-contenders';
import { residentMegabytes } from './gateway-load';

// `npm run bench:memory`: does the gateway's memory stay flat under load? 100,000 requests (BENCH_REQUESTS)
// from 50 callers, each with its own token (taken anew every segment: tokens live 300 s), in segments of
// 10,000; the gateway's resident memory after each. Flat means the last reading within 10% of the one
// after the first 10,000 (warm caches: query plans, verified tokens, connection pools).

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 100_000);
const SEGMENT = 10_000;
const CONNECTIONS = 50;
const USERS = ['nj-enforcement-officer', 'js-enforcement-supervisor', 'zj-enforcement-officer', 'js-credit-officer'];
const BODIES = [
  JSON.stringify({ query: print(SINGLE_WINDOW), variables: { code: '91320102MA1MY0R10Q' } }),
  JSON.stringify({ query: '{ enterprises(first: 20) { totalCount edges { node { creditCode name } } } }' }),
];

async function segment(tokens: string[]): Promise<{ requests: number; failures: number; seconds: number }> {
  let next = 0;
  const started = Date.now();
  const result = await autocannon({
    url: `${gatewayUrl()}/graphql`,
    connections: CONNECTIONS,
    amount: SEGMENT,
    setupClient: (client) => {
      const token = tokens[next++ % tokens.length];
      client.setRequests(
        BODIES.map((body) => ({
          method: 'POST' as const,
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        })),
      );
    },
  });
  return {
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    seconds: (Date.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  await globalSetup();
  try {
    const gatewayPid = readState().services.gateway.pid;
    const readings: Array<{ requests: number; rss: number; rps: number; failures: number }> = [];
    console.log(`gateway at start: ${residentMegabytes(gatewayPid).toFixed(0)} MB`);
    let done = 0;
    while (done < TOTAL) {
      const result = await segment(await distinctTokens(USERS, CONNECTIONS));
      done += result.requests;
      const reading = {
        requests: done,
        rss: residentMegabytes(gatewayPid),
        rps: result.requests / result.seconds,
        failures: result.failures,
      };
      readings.push(reading);
      console.log(
        `  ${reading.requests} requests: gateway ${reading.rss.toFixed(0)} MB (${reading.rps.toFixed(0)} requests/s, ${reading.failures} failures)`,
      );
    }
    const first = readings[0];
    const last = readings[readings.length - 1];
    const change = ((last.rss - first.rss) / first.rss) * 100;
    console.log(`
gateway resident memory under load (${readState().database} database, ${CONNECTIONS} callers with their own tokens)
  after ${first.requests} requests   ${first.rss.toFixed(0)} MB
  after ${last.requests} requests  ${last.rss.toFixed(0)} MB (${change >= 0 ? '+' : ''}${change.toFixed(1)}%: ${Math.abs(change) <= 10 ? 'flat, within 10%' : 'NOT within 10%'})
  highest            ${Math.max(...readings.map((reading) => reading.rss)).toFixed(0)} MB
  failures           ${readings.reduce((sum, reading) => sum + reading.failures, 0)}
  load average       ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
