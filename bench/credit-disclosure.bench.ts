import './credit-disclosure.environment';
import 'reflect-metadata';
import { randomInt } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { createConnection, type Connection } from 'mysql2/promise';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { readState } from '../test/harness/harness-state';
import { gatewayUrl, graphql } from '../test/harness/single-window.client';
import { creditCodeCheckCharacter } from '../platform/codes/credit-code';

// `npm run bench:credit` (first part): the public 双公示 search through the gateway, anonymous, with
// 1,000,000 published disclosures in credit's MySQL schema. The disclosures are bulk-inserted (the
// services would take hours to decide a million cases), over 50,000 enterprises named after GB/T 2260
// cities; then 50 anonymous clients search by credit code and by name prefix.
// MySQL only: the bulk load writes over mysql2.

const DISCLOSURES = Number(process.env.BENCH_DISCLOSURES ?? 1_000_000);
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 50_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const INSERT_BATCH = 2_000;

const SEARCH = `query Disclosures($creditCode: String, $name: String, $kind: DisclosureKind) {
  creditDisclosures(creditCode: $creditCode, name: $name, kind: $kind, first: 10) {
    totalCount
    edges { node { kind counterpartName creditCode documentNumber matter content fineFen authorityName decidedAt publishedAt publicUntil } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CITIES = ['南京', '苏州', '无锡', '常州', '徐州', '南通', '杭州', '宁波', '温州', '合肥', '济南', '青岛'];
const CITY_CODES = [
  '320100',
  '320500',
  '320200',
  '320400',
  '320300',
  '320600',
  '330100',
  '330200',
  '330300',
  '340100',
  '370100',
  '370200',
];
const TRADES = ['运输', '物流', '客运', '货运', '危货运输', '供应链', '汽车运输', '快运'];

interface Subject {
  creditCode: string;
  name: string;
  cityIndex: number;
}

function subjects(): Subject[] {
  return Array.from({ length: SUBJECTS }, (_, index) => {
    const cityIndex = index % CITIES.length;
    const body = `91${CITY_CODES[cityIndex]}${String(900_000_000 + index)}`;
    return {
      creditCode: `${body}${creditCodeCheckCharacter(body)}`,
      name: `${CITIES[cityIndex]}${String(index).padStart(5, '0')}${TRADES[index % TRADES.length]}有限公司`,
      cityIndex,
    };
  });
}

function dateTime(instant: Date): string {
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}

async function load(connection: Connection, people: Subject[]): Promise<void> {
  const now = Date.now();
  for (let start = 0; start < DISCLOSURES; start += INSERT_BATCH) {
    const rows: unknown[][] = [];
    for (let index = start; index < Math.min(DISCLOSURES, start + INSERT_BATCH); index += 1) {
      const subject = people[randomInt(people.length)];
      const penalty = index % 3 !== 0;
      const decided = new Date(now - randomInt(300) * 86_400_000);
      const region = CITY_CODES[subject.cityIndex];
      rows.push([
        penalty ? 'ADMINISTRATIVE_PENALTY' : 'ADMINISTRATIVE_LICENSE',
        subject.name,
        subject.creditCode,
        `BENCH${String(index).padStart(10, '0')}`,
        penalty ? '超限运输' : '道路货物运输经营许可',
        penalty ? '《中华人民共和国行政处罚法》;《中华人民共和国道路运输条例》' : '道路运输条例',
        penalty ? '罚款人民币5,000.00元。' : '准予道路货物运输经营许可。',
        penalty ? 'FINE' : null,
        penalty ? 500_000 : null,
        `${CITIES[subject.cityIndex]}市交通运输局`,
        region,
        dateTime(decided),
        decided.toISOString().slice(0, 10),
        dateTime(new Date(decided.getTime() + 10 * 86_400_000)),
        dateTime(new Date(decided.getTime() + 3_600_000)),
        dateTime(new Date(decided.getTime() + 365 * 86_400_000)),
      ]);
    }
    await connection.query(
      'INSERT INTO credit_disclosure (kind, counterpart_name, credit_code, document_number, matter, legal_basis, content, penalty_kind, fine_fen, authority_name, authority_code, decided_at, publication_deadline, publish_by, published_at, public_until) VALUES ' +
        rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '),
      rows.flat(),
    );
  }
  await connection.query('ANALYZE TABLE credit_disclosure');
}

async function main(): Promise<void> {
  if (!process.env.MYSQL_URL) {
    console.error('bench:credit needs MySQL or MariaDB: MYSQL_URL=mysql://root@127.0.0.1:3306 npm run bench:credit');
    process.exit(2);
  }
  await globalSetup();
  try {
    const state = readState();
    const connection = await createConnection(`${process.env.MYSQL_URL}/${state.environment.DB_SCHEMA_PREFIX}credit`);
    const people = subjects();
    const loadStarted = Date.now();
    await load(connection, people);
    const [[{ total }]] = (await connection.query('SELECT COUNT(*) AS total FROM credit_disclosure')) as unknown as [
      [{ total: number }],
    ];
    await connection.end();
    console.log(
      `loaded ${DISCLOSURES} disclosures of ${SUBJECTS} enterprises in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s; ${total} in the schema; load average ${loadavg()
        .map((each) => each.toFixed(1))
        .join(' ')}`,
    );

    const scenarios: Array<{ name: string; variables: () => Record<string, unknown> }> = [
      {
        name: 'by credit code (one enterprise, ~20 disclosures)',
        variables: () => ({ creditCode: people[randomInt(people.length)].creditCode }),
      },
      { name: 'by name prefix, a whole city (南京, ~83,000 matches)', variables: () => ({ name: '南京' }) },
      {
        name: 'by name prefix, one enterprise, penalties only',
        variables: () => ({ name: people[randomInt(people.length)].name.slice(0, 7), kind: 'ADMINISTRATIVE_PENALTY' }),
      },
    ];
    for (const scenario of scenarios) {
      const sample = await graphql<{ creditDisclosures: { totalCount: number } }>(SEARCH, scenario.variables());
      if (sample.errors?.length) throw new Error(`search refused: ${JSON.stringify(sample.errors)}`);
      // Several request bodies, so the credit-code and one-enterprise scenarios do not hit one row set only.
      const requests = Array.from({ length: 200 }, () => ({
        method: 'POST' as const,
        body: JSON.stringify({ query: SEARCH, variables: scenario.variables() }),
      }));
      // Every body answers without errors (a GraphQL error is a 200 too, and would be measured as a result).
      for (const request of requests.slice(0, 50)) {
        const answer = await fetch(`${gatewayUrl()}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: request.body,
        });
        const parsed = (await answer.json()) as { errors?: unknown[]; data?: { creditDisclosures?: unknown } };
        if (parsed.errors?.length || !parsed.data?.creditDisclosures)
          throw new Error(`a bench request was refused: ${JSON.stringify(parsed.errors)}`);
      }
      const options = {
        url: `${gatewayUrl()}/graphql`,
        headers: { 'content-type': 'application/json' },
        requests,
        connections: CONNECTIONS,
      };
      await autocannon({ ...options, duration: 3 });
      const result = await autocannon({ ...options, duration: DURATION_SECONDS });
      if (result.non2xx > result.requests.total / 100)
        throw new Error(
          `${result.non2xx} of ${result.requests.total} answers were not 200: the figures would measure refusals`,
        );
      console.log(`
${scenario.name}: e.g. ${sample.data!.creditDisclosures.totalCount} matches (${state.database}, ${CONNECTIONS} anonymous clients, ${DURATION_SECONDS} s)
  requests/s     ${result.requests.average.toFixed(1)}
  latency p50    ${result.latency.p50} ms
  latency p99    ${result.latency.p99} ms
  requests       ${result.requests.total} (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)
  load average   ${loadavg()
    .map((each) => each.toFixed(1))
    .join(' ')}`);
    }
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
