import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

// Load and process readings for `npm run bench:gateways`: one timed autocannon run against a gateway,
// every connection with its own caller's token, and what the run cost the gateway process (CPU time from
// /proc/<pid>/stat, resident memory from /proc/<pid>/status) and the subgraphs.

export interface MixRequest {
  name: string;
  body: string;
}

export interface LoadTarget {
  name: string;
  url: string;
  pid: number;
}

export interface LoadSample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Gateway CPU time (user + system) per request, milliseconds. */
  gatewayCpuMs: number;
  /** CPU time of the five subgraphs per request, milliseconds. */
  subgraphCpuMs: number;
  /** SQL statements the subgraphs ran per request. */
  sqlStatements: number;
  residentMegabytes: number;
}

// Clock ticks per second of utime/stime in /proc/<pid>/stat (`getconf CLK_TCK`; 100 on Linux).
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user + system), milliseconds. */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return ((userTicks + systemTicks) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** One per connection, in turn (connection i uses tokens[i % tokens.length]). */
  tokens: string[];
  mix: MixRequest[];
  subgraphPids: number[];
  /** SQL statements the subgraphs have run so far (their /metrics). */
  sqlStatements: () => Promise<number>;
}

/** The mix's requests for one connection, starting at a different query per connection so they interleave. */
function connectionRequests(mix: MixRequest[], token: string, connection: number): autocannon.Request[] {
  const requests = mix.map((request) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: request.body,
  }));
  const start = connection % requests.length;
  return [...requests.slice(start), ...requests.slice(0, start)];
}

export async function loadGateway(target: LoadTarget, options: LoadOptions): Promise<LoadSample> {
  let nextConnection = 0;
  const subgraphCpu = () => options.subgraphPids.reduce((sum, pid) => sum + cpuMilliseconds(pid), 0);
  const sqlBefore = await options.sqlStatements();
  const gatewayCpuBefore = cpuMilliseconds(target.pid);
  const subgraphCpuBefore = subgraphCpu();
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    setupClient: (client) => {
      const connection = nextConnection++;
      client.setRequests(
        connectionRequests(options.mix, options.tokens[connection % options.tokens.length], connection),
      );
    },
  });
  const gatewayCpu = cpuMilliseconds(target.pid) - gatewayCpuBefore;
  const subgraphCpuUsed = subgraphCpu() - subgraphCpuBefore;
  const sqlStatements = (await options.sqlStatements()) - sqlBefore;
  const requests = Math.max(result.requests.total, 1);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    gatewayCpuMs: gatewayCpu / requests,
    subgraphCpuMs: subgraphCpuUsed / requests,
    sqlStatements: sqlStatements / requests,
    residentMegabytes: residentMegabytes(target.pid),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
