import './gateways.environment';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { print } from 'graphql';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import {
  eventually,
  gatewayUrl,
  graphql,
  requestSqlStatements,
  signsInWithCode,
} from '../test/harness/single-window.client';
import { SINGLE_WINDOW } from '../test/harness/single-window.query';
import {
  checkSameAnswers,
  distinctTokens,
  passwordToken,
  startContender,
  type Contender,
  type StartedContender,
} from './gateway-contenders';
import { loadGateway, median, type LoadSample, type MixRequest } from './gateway-load';

// `npm run bench:gateways`: ours against a stock @apollo/gateway and GraphQL Hive Gateway, each its own
// process on the same five subgraphs (started once by the test harness), in interleaved rounds
// (ours, stock, hive, ours, ...) so that machine noise hits all alike. First a mix of callers, every
// connection with its own token; then all load with one token, where Hive's deduplication of identical
// subgraph requests in flight can share answers (measured with it off and on).

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = 3;

// Officers who may read every list of the mix (enterprises and cases); the single-window query gives each
// the departments their roles read, the rest FORBIDDEN beside the data. No one-time code: password grant.
const USERS = [
  'nj-enforcement-officer',
  'js-enforcement-supervisor',
  'zj-enforcement-officer',
  'zj-enforcement-supervisor',
  'hz-enforcement-officer',
  'js-credit-officer',
] as const;

const ENTERPRISE_CODE = '91320102MA1MY0R10Q';
const ENTERPRISES = `query BenchEnterprises {
  enterprises(first: 20) { totalCount edges { node { creditCode name regionCode registeredAt } } }
}`;
const ENFORCEMENT_CASES = `query BenchEnforcementCases {
  enforcementCases(first: 20) { totalCount edges { node { caseNumber status regionCode filedAt } } }
}`;
const MIX: MixRequest[] = [
  { name: 'SingleWindow', body: JSON.stringify({ query: print(SINGLE_WINDOW), variables: { code: ENTERPRISE_CODE } }) },
  { name: 'BenchEnterprises', body: JSON.stringify({ query: ENTERPRISES }) },
  { name: 'BenchEnforcementCases', body: JSON.stringify({ query: ENFORCEMENT_CASES }) },
];

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

function range(values: number[], digits = 0): string {
  const format = (value: number) => value.toFixed(digits);
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

function report(title: string, contenders: Contender[], samples: Map<string, LoadSample[]>): string {
  const oursRps = median(samples.get(contenders[0].name)!.map((sample) => sample.requestsPerSecond));
  const header =
    '| gateway | requests/s | p50 ms | p99 ms | non-2xx / errors | rps vs ours | gateway CPU ms/request | subgraphs CPU ms/request | SQL/request | gateway RSS MB |';
  const rows = contenders.map((contender) => {
    const runs = samples.get(contender.name)!;
    const of = (pick: (sample: LoadSample) => number) => runs.map(pick);
    const rps = median(of((sample) => sample.requestsPerSecond));
    return [
      contender.name,
      range(
        of((sample) => sample.requestsPerSecond),
        1,
      ),
      range(of((sample) => sample.p50)),
      range(of((sample) => sample.p99)),
      `${runs.reduce((sum, sample) => sum + sample.non2xx, 0)} / ${runs.reduce((sum, sample) => sum + sample.errors, 0)}`,
      (rps / oursRps).toFixed(2),
      range(
        of((sample) => sample.gatewayCpuMs),
        2,
      ),
      range(
        of((sample) => sample.subgraphCpuMs),
        2,
      ),
      median(of((sample) => sample.sqlStatements)).toFixed(2),
      Math.max(...of((sample) => sample.residentMegabytes)).toFixed(0),
    ];
  });
  return [title, header, `|${' --- |'.repeat(10)}`, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}

/** Interleaved rounds: every contender once per round, with tokens taken anew each round (they live 300 s). */
async function measure(
  contenders: Contender[],
  tokensForRound: () => Promise<string[]>,
  subgraphPids: number[],
): Promise<Map<string, LoadSample[]>> {
  const samples = new Map(contenders.map((contender) => [contender.name, [] as LoadSample[]]));
  for (let round = 1; round <= ROUNDS; round++) {
    const tokens = await tokensForRound();
    for (const contender of contenders) {
      const sample = await loadGateway(contender, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        tokens,
        mix: MIX,
        subgraphPids,
        sqlStatements: requestSqlStatements,
      });
      samples.get(contender.name)!.push(sample);
      console.log(
        `  round ${round} ${contender.name}: ${sample.requestsPerSecond.toFixed(1)} requests/s, p50 ${sample.p50} ms, ` +
          `p99 ${sample.p99} ms, ${sample.non2xx} non-2xx, ${sample.errors} errors (load ${loadAverage()})`,
      );
    }
  }
  return samples;
}

async function main(): Promise<void> {
  for (const user of USERS) if (signsInWithCode(user)) throw new Error(`${user} signs in with a one-time code`);
  const started: StartedContender[] = [];
  console.log(`load average before start: ${loadAverage()}`);
  await globalSetup();
  try {
    const state = readState();
    // Wait until seeded events have reached credit, so every gateway sees the same, settled data.
    const creditOfficer = await passwordToken('js-credit-officer');
    await eventually(async () => {
      // The officer reads only some departments: FORBIDDEN beside the data is expected here.
      const { data } = await graphql(SINGLE_WINDOW, { code: ENTERPRISE_CODE }, { token: creditOfficer });
      if (!data?.enterprise?.creditProfile?.records?.totalCount) throw new Error('credit records not yet delivered');
    }, 60_000);

    const ours: Contender = { name: 'ours', url: `${gatewayUrl()}/graphql`, pid: state.services.gateway.pid };
    started.push(await startContender(state, 'stock', 'dist/bench/stock-gateway.js'));
    started.push(
      await startContender(state, 'hive', 'dist/bench/hive-gateway.js', { HIVE_DEDUPLICATE_INFLIGHT: 'false' }),
    );
    started.push(
      await startContender(state, 'hive (dedup on)', 'dist/bench/hive-gateway.js', {
        HIVE_DEDUPLICATE_INFLIGHT: 'true',
      }),
    );
    const [stock, hive, hiveDeduplicating] = started;
    const everyone = [ours, stock, hive, hiveDeduplicating];

    const userTokens = await Promise.all(USERS.map(async (user) => ({ user, token: await passwordToken(user) })));
    const notes = await checkSameAnswers(everyone, userTokens, MIX);
    console.log(`same data from all ${everyone.length} gateways for ${MIX.length} queries × ${USERS.length} users`);
    for (const note of notes) console.log(`  note: ${note}`);

    const subgraphPids = (['licensing', 'enforcement', 'credit', 'safety', 'statistics'] as const).map(
      (name) => state.services[name].pid,
    );
    const warmUpTokens = await distinctTokens(USERS, CONNECTIONS);
    for (const contender of everyone)
      await loadGateway(contender, {
        connections: CONNECTIONS,
        seconds: WARM_UP_SECONDS,
        tokens: warmUpTokens,
        mix: MIX,
        subgraphPids,
        sqlStatements: requestSqlStatements,
      });

    console.log(
      `\n${CONNECTIONS} callers: ${CONNECTIONS} distinct tokens of ${USERS.length} users, one per connection; ${ROUNDS} rounds of ${SECONDS} s`,
    );
    const manyCallers = [ours, stock, hive];
    const manySamples = await measure(manyCallers, () => distinctTokens(USERS, CONNECTIONS), subgraphPids);

    console.log(`\none token (${USERS[0]}) on all ${CONNECTIONS} connections; ${ROUNDS} rounds of ${SECONDS} s`);
    const oneSamples = await measure(everyone, async () => [await passwordToken(USERS[0])], subgraphPids);

    console.log(`
gateways on the same subgraphs (${state.database} database), ${CONNECTIONS} connections, mix: ${MIX.map((request) => request.name).join(', ')}
medians over ${ROUNDS} rounds of ${SECONDS} s, (min–max); RSS is the largest seen; hive: inflight deduplication off unless named

${report(`${CONNECTIONS} distinct tokens`, manyCallers, manySamples)}

${report('one token', everyone, oneSamples)}

load average at the end: ${loadAverage()}`);
  } finally {
    await Promise.all(started.map((contender) => contender.stop()));
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
