import type { PlatformConfig } from '../../../platform/config/config';
import type { LicensingConfig } from '../licensing.config';
import { startInvestmentPlatformSimulator } from './investment-platform.simulator';
import type { RunningSimulator } from './platform-simulator';
import { startTradingPlatformSimulator } from './trading-platform.simulator';

export interface RunningPlatformSimulators {
  investment: RunningSimulator;
  trading: RunningSimulator;
  close(): Promise<void>;
}

function portOf(url: string): number {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

/**
 * Both platform simulators, on the ports of INVESTMENT_PLATFORM_URL and TRADING_PLATFORM_URL, listening
 * on SUBGRAPH_HOST. For development and tests only: their control API switches outages on and off.
 */
export async function startPlatformSimulators(
  config: PlatformConfig,
  settings: LicensingConfig,
): Promise<RunningPlatformSimulators> {
  if (config.environment === 'production')
    throw new Error(
      'the platform simulators do not run in production; point INVESTMENT_PLATFORM_URL and TRADING_PLATFORM_URL at the real platforms',
    );
  const host = config.subgraphs.licensing.host;
  const investment = await startInvestmentPlatformSimulator({ host, port: portOf(settings.platforms.investmentUrl) });
  const trading = await startTradingPlatformSimulator({ host, port: portOf(settings.platforms.tradingUrl) }).catch(
    async (error: unknown) => {
      await investment.close();
      throw error;
    },
  );
  return {
    investment,
    trading,
    close: async () => {
      await Promise.all([investment.close(), trading.close()]);
    },
  };
}
