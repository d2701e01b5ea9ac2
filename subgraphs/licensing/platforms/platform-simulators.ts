import type { ServerOptions as HttpsServerOptions } from 'node:https';
import type { PlatformConfig } from '../../../platform/config/config';
import { mutualTlsServerOptions } from '../../../platform/http/internal-tls';
import type { LicensingConfig } from '../licensing.config';
import { startInvestmentPlatformSimulator } from './investment-platform.simulator';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';
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

/** Mutual TLS with the internal certificate for an https:// platform URL (internal TLS on), else plain HTTP. */
function tlsFor(url: string, config: PlatformConfig): HttpsServerOptions | undefined {
  return url.startsWith('https:') && config.tls.internal ? mutualTlsServerOptions(config.tls.internal) : undefined;
}

/**
 * Both platform simulators, on the ports of INVESTMENT_PLATFORM_URL and TRADING_PLATFORM_URL, listening
 * on SUBGRAPH_HOST (over mutual TLS for an https:// URL with internal TLS on). For development and tests
 * only: their control API switches outages on and off.
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
  const { investmentUrl, tradingUrl } = settings.platforms;
  const investment = await startInvestmentPlatformSimulator({
    host,
    port: portOf(investmentUrl),
    tls: tlsFor(investmentUrl, config),
  });
  const trading = await startTradingPlatformSimulator({
    host,
    port: portOf(tradingUrl),
    tls: tlsFor(tradingUrl, config),
  }).catch(async (error: unknown) => {
    await investment.close();
    throw error;
  });
  return {
    investment,
    trading,
    close: async () => {
      await Promise.all([investment.close(), trading.close()]);
    },
  };
}
