import { loadProcessConfigOrExit } from '../../../platform/config/config';
import { createLogger } from '../../../platform/observability/logger';
import { CREDIT_CONFIG } from '../credit.config';
import { startCreditPlatformSimulatorFor } from './credit-platform-simulator.start';

// `node dist/subgraphs/credit/national-platform/credit-platform-simulator.main.js`: the simulated national
// credit information sharing platform (development and tests only).
async function main(): Promise<void> {
  // The simulator listens where credit's settings say the platform is, and accepts credit's credentials.
  const { config, settings } = loadProcessConfigOrExit({ credit: CREDIT_CONFIG });
  const simulator = await startCreditPlatformSimulatorFor(config, settings.credit);
  createLogger('credit-platform', config.logLevel).info('national credit platform simulator ready', {
    url: simulator.url,
  });
  const shutdown = () => {
    void simulator.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(
    `the national credit platform simulator failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
