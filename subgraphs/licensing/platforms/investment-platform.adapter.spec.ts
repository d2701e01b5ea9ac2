import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PROJECT_APPROVED_WITH_AWARD, DEMO_PROJECT_PENDING } from './demo-platform-data';
import { InvestmentPlatformAdapter } from './investment-platform.adapter';
import { InvestmentPlatformState, startInvestmentPlatformSimulator } from './investment-platform.simulator';
import { PlatformUnavailable, type DecisionReport, type InvestmentProject } from './national-platforms';
import { PlatformResponseInvalid } from './platform-http.client';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';

// Generous enough for a busy CI machine; the slow-platform cases wait three times as long.
const TIMEOUT_MS = 2000;

const report = (applicationNumber: string, comment: string | null = null): DecisionReport => ({
  applicationNumber,
  projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
  decision: 'APPROVED',
  permitNumber: '3205002026SG000001',
  decidedAt: '2026-11-24T02:00:00.000Z',
  authorityRegionCode: '320500',
  comment,
});

async function unavailability(work: Promise<unknown>): Promise<PlatformUnavailable> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformUnavailable);
  return error as PlatformUnavailable;
}

describe('the investment platform adapter, against the simulator', () => {
  // One project whose record breaks the contract, as a misbehaving platform would answer it.
  const broken = {
    projectCode: '2025-320500-48-01-000051',
    name: '数据不全的项目',
    regionCode: '329999',
    approvalStatus: 'APPROVED',
  } as InvestmentProject;
  let simulator: RunningSimulator & { state: InvestmentPlatformState };
  let adapter: InvestmentPlatformAdapter;

  beforeAll(async () => {
    const state = new InvestmentPlatformState([
      {
        projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
        name: 'S58沪宜高速公路太仓段改扩建工程',
        regionCode: '320500',
        approvalStatus: 'APPROVED',
      },
      {
        projectCode: DEMO_PROJECT_PENDING,
        name: 'G524国道常熟段改建工程',
        regionCode: '320500',
        approvalStatus: 'PENDING',
      },
      broken,
    ]);
    simulator = await startInvestmentPlatformSimulator({ host: '127.0.0.1', port: 0, state });
    adapter = new InvestmentPlatformAdapter({ baseUrl: simulator.url, timeoutMs: TIMEOUT_MS });
  });
  afterEach(() => simulator.setSwitches({ latencyMs: 0, errorRate: 0, down: false }));
  afterAll(() => simulator.close());

  it('finds a project with its approval status', async () => {
    expect(await adapter.findProject(DEMO_PROJECT_APPROVED_WITH_AWARD)).toEqual({
      projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
      name: 'S58沪宜高速公路太仓段改扩建工程',
      regionCode: '320500',
      approvalStatus: 'APPROVED',
    });
    expect((await adapter.findProject(DEMO_PROJECT_PENDING))?.approvalStatus).toBe('PENDING');
  });

  it('answers null for a project the platform does not know (404)', async () => {
    expect(await adapter.findProject('2025-320500-48-01-000999')).toBeNull();
  });

  it('refuses an answer that breaks the contract, naming the field', async () => {
    const error = await unavailability(adapter.findProject(broken.projectCode));
    expect(error).toBeInstanceOf(PlatformResponseInvalid);
    expect(error.message).toMatch(/invalid payload \(regionCode: must be a GB\/T 2260 region code\)/);
  });

  it('treats a server error as unavailable', async () => {
    simulator.setSwitches({ errorRate: 1 });
    expect((await unavailability(adapter.findProject(DEMO_PROJECT_APPROVED_WITH_AWARD))).message).toBe(
      'investment platform is unavailable: answered HTTP 503',
    );
  });

  it('treats an answer slower than the timeout as unavailable', async () => {
    simulator.setSwitches({ latencyMs: TIMEOUT_MS * 3 });
    expect((await unavailability(adapter.findProject(DEMO_PROJECT_APPROVED_WITH_AWARD))).message).toBe(
      `investment platform is unavailable: no answer within ${TIMEOUT_MS} ms`,
    );
  });

  it('treats a dropped connection (outage) and a closed port as unavailable', async () => {
    simulator.setSwitches({ down: true });
    expect((await unavailability(adapter.findProject(DEMO_PROJECT_APPROVED_WITH_AWARD))).message).toMatch(
      /^investment platform is unavailable: cannot be reached/,
    );
    const closed = new InvestmentPlatformAdapter({ baseUrl: await closedPortUrl(), timeoutMs: TIMEOUT_MS });
    expect((await unavailability(closed.findProject(DEMO_PROJECT_APPROVED_WITH_AWARD))).message).toBe(
      'investment platform is unavailable: cannot be reached (ECONNREFUSED)',
    );
  });

  it('delivers a report with its application number as idempotency key; a repeat gets the same receipt and is recorded once', async () => {
    const first = await adapter.deliverReport(report('XK32050020261124000101'));
    const again = await adapter.deliverReport(report('XK32050020261124000101'));
    expect(again).toEqual(first);
    const received = simulator.state
      .receivedReports()
      .filter((entry) => entry.report.applicationNumber === 'XK32050020261124000101');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      receiptNumber: first.receiptNumber,
      deliveries: 2,
      report: report('XK32050020261124000101'),
    });
  });

  it('is refused (and told so) when a different report comes under a key already used', async () => {
    await adapter.deliverReport(report('XK32050020261124000102'));
    expect((await unavailability(adapter.deliverReport(report('XK32050020261124000102', '改了内容')))).message).toBe(
      'investment platform is unavailable: answered HTTP 422',
    );
  });

  it('treats a report endpoint that is not there as unavailable, not as delivered', async () => {
    const elsewhere = new InvestmentPlatformAdapter({
      baseUrl: `${simulator.url}/wrong-prefix`,
      timeoutMs: TIMEOUT_MS,
    });
    expect((await unavailability(elsewhere.deliverReport(report('XK32050020261124000103')))).message).toMatch(
      /HTTP 404/,
    );
  });
});

describe('the investment platform adapter, against a platform answering garbage', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.includes('not-json')) {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html>维护中</html>');
        return;
      }
      // Answers for another project than the one asked.
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          projectCode: DEMO_PROJECT_PENDING,
          name: '别的项目',
          regionCode: '320500',
          approvalStatus: 'APPROVED',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a body that is not JSON and an answer about another project', async () => {
    const adapter = new InvestmentPlatformAdapter({ baseUrl: url, timeoutMs: TIMEOUT_MS });
    expect(await unavailability(adapter.findProject('not-json'))).toBeInstanceOf(PlatformResponseInvalid);
    const error = await unavailability(adapter.findProject(DEMO_PROJECT_APPROVED_WITH_AWARD));
    expect(error).toBeInstanceOf(PlatformResponseInvalid);
    expect(error.message).toMatch(
      `answered with project ${DEMO_PROJECT_PENDING} when asked for ${DEMO_PROJECT_APPROVED_WITH_AWARD}`,
    );
  });
});

/** A URL on which nothing listens (a port that was free a moment ago). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
