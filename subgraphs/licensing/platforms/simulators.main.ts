import { loadProcessConfigOrExit } from '../../../platform/config/config';
import { createLogger } from '../../../platform/observability/logger';
import { LICENSING_CONFIG } from '../licensing.config';
import { startPlatformSimulators } from './platform-simulators';

// `node dist/subgraphs/licensing/platforms/simulators.main.js`: the simulated investment project approval
// platform and public resource trading platform in one process (development and tests only).
async function main(): Promise<void> {
  // The simulators listen where licensing's settings say the platforms are.
  const { config, settings } = loadProcessConfigOrExit({ licensing: LICENSING_CONFIG });
  const simulators = await startPlatformSimulators(config, settings.licensing);
  createLogger('platforms', config.logLevel).info('platform simulators ready', {
    investment: simulators.investment.url,
    trading: simulators.trading.url,
  });
  const shutdown = () => {
    void simulators.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(`the platform simulators failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
