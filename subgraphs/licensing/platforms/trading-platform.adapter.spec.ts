import { DEMO_PROJECT_APPROVED_WITH_AWARD, DEMO_PROJECT_WITHOUT_AWARD } from './demo-platform-data';
import { PlatformUnavailable, type TenderAward } from './national-platforms';
import { PlatformResponseInvalid } from './platform-http.client';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';
import { TradingPlatformAdapter } from './trading-platform.adapter';
import { startTradingPlatformSimulator } from './trading-platform.simulator';

// Generous enough for a busy CI machine; the slow-platform cases wait three times as long.
const TIMEOUT_MS = 2000;
const AWARD: TenderAward = {
  projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
  noticeNumber: 'JSGGZY-ZB-2025-0918-012',
  winningBidderCreditCode: '91320500MA1WJ7X907',
  awardedAt: '2025-09-18T02:00:00.000Z',
};
// Its winner's credit code fails the GB 32100-2015 check character.
const BROKEN: TenderAward = {
  projectCode: '2025-320500-48-01-000051',
  noticeNumber: 'JSGGZY-ZB-2025-1001-001',
  winningBidderCreditCode: '91320500MA1WJ7X908',
  awardedAt: '2025-10-01T02:00:00.000Z',
};

async function unavailability(work: Promise<unknown>): Promise<PlatformUnavailable> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformUnavailable);
  return error as PlatformUnavailable;
}

describe('the trading platform adapter, against the simulator', () => {
  let simulator: RunningSimulator;
  let adapter: TradingPlatformAdapter;
  beforeAll(async () => {
    simulator = await startTradingPlatformSimulator({ host: '127.0.0.1', port: 0, awards: [AWARD, BROKEN] });
    adapter = new TradingPlatformAdapter({ baseUrl: simulator.url, timeoutMs: TIMEOUT_MS });
  });
  afterEach(() => simulator.setSwitches({ latencyMs: 0, errorRate: 0, down: false }));
  afterAll(() => simulator.close());

  it('finds the tender award on record for a project', async () => {
    expect(await adapter.findTenderAward(DEMO_PROJECT_APPROVED_WITH_AWARD)).toEqual(AWARD);
  });

  it('answers null when no award is on record (404)', async () => {
    expect(await adapter.findTenderAward(DEMO_PROJECT_WITHOUT_AWARD)).toBeNull();
  });

  it('refuses an award that breaks the contract', async () => {
    const error = await unavailability(adapter.findTenderAward(BROKEN.projectCode));
    expect(error).toBeInstanceOf(PlatformResponseInvalid);
    expect(error.message).toMatch(/winningBidderCreditCode/);
  });

  it('treats a server error, a timeout and an outage as unavailable', async () => {
    simulator.setSwitches({ errorRate: 1 });
    expect((await unavailability(adapter.findTenderAward(DEMO_PROJECT_APPROVED_WITH_AWARD))).message).toBe(
      'trading platform is unavailable: answered HTTP 503',
    );
    simulator.setSwitches({ errorRate: 0, latencyMs: TIMEOUT_MS * 3 });
    expect((await unavailability(adapter.findTenderAward(DEMO_PROJECT_APPROVED_WITH_AWARD))).message).toBe(
      `trading platform is unavailable: no answer within ${TIMEOUT_MS} ms`,
    );
    simulator.setSwitches({ latencyMs: 0, down: true });
    expect((await unavailability(adapter.findTenderAward(DEMO_PROJECT_APPROVED_WITH_AWARD))).message).toMatch(
      /^trading platform is unavailable: cannot be reached/,
    );
  });

  it('answers again once the outage is switched off', async () => {
    simulator.setSwitches({ down: true });
    await unavailability(adapter.findTenderAward(DEMO_PROJECT_APPROVED_WITH_AWARD));
    simulator.setSwitches({ down: false });
    expect(await adapter.findTenderAward(DEMO_PROJECT_APPROVED_WITH_AWARD)).toEqual(AWARD);
  });
});
