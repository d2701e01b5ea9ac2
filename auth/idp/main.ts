import { join } from 'node:path';
import { DEMO_CLIENT_SECRETS_FILE, DEMO_USERS_FILES, REALM_FILE } from '../demo-realm';
import { loadConfigOrExit } from '../../platform/config/config';
import { cryptoSelfTestOrExit } from '../../platform/crypto/self-test';
import { createLogger } from '../../platform/observability/logger';
import { startIdentityProvider } from './idp.server';

// `node dist/auth/idp/main.js`: the embedded OpenID provider as its own process, serving the realm
// file Keycloak imports in production with the demo users and client secrets of auth/demo/ (IDP_PORT,
// IDP_PUBLIC_URL, DATA_DIR for the signing key). It is the laptop and test stand-in, never production.
async function main(): Promise<void> {
  cryptoSelfTestOrExit('idp');
  const config = loadConfigOrExit();
  const logger = createLogger('idp', config.logLevel);
  const idp = await startIdentityProvider({
    port: config.idp.port,
    publicUrl: config.idp.publicUrl,
    realmFile: REALM_FILE,
    usersFiles: DEMO_USERS_FILES,
    clientSecretsFile: DEMO_CLIENT_SECRETS_FILE,
    keyFile: join(config.dataDir, 'idp-signing-key.json'),
    logLevel: config.logLevel,
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    idp.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('OpenID provider did not close cleanly', {
          error: error instanceof Error ? error.message : String(error),
        });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`the OpenID provider failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
