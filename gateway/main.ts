import { loadProcessConfigOrExit } from '../platform/config/config';
import { cryptoSelfTestOrExit } from '../platform/crypto/self-test';
import { GATEWAY_CONFIG } from './gateway.config';
import { startGateway } from './gateway.server';

async function main(): Promise<void> {
  cryptoSelfTestOrExit('gateway');
  const { config, settings } = loadProcessConfigOrExit({ gateway: GATEWAY_CONFIG });
  const gateway = await startGateway(config, settings.gateway);
  const shutdown = () => void gateway.close().finally(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
