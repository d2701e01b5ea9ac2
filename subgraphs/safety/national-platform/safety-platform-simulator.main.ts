import { loadProcessConfigOrExit } from '../../../platform/config/config';
import { createLogger } from '../../../platform/observability/logger';
import { SAFETY_CONFIG } from '../safety.config';
import { startSafetyPlatformSimulatorFor } from './safety-platform-simulator.start';

// `node dist/subgraphs/safety/national-platform/safety-platform-simulator.main.js`: the simulated national
// safety supervision platform (development and tests only).
async function main(): Promise<void> {
  // The simulator listens where safety's settings say the platform is, and accepts safety's credentials.
  const { config, settings } = loadProcessConfigOrExit({ safety: SAFETY_CONFIG });
  const simulator = await startSafetyPlatformSimulatorFor(config, settings.safety);
  createLogger('safety-platform', config.logLevel).info('national safety platform simulator ready', {
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
    `the national safety platform simulator failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
