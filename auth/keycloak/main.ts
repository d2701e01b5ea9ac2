import { join } from 'node:path';
import { freePort, portIsFree } from '../../platform/http/free-port';
import { REALM_FILE } from '../demo-realm';
import {
  ensureKeycloakDistribution,
  KEYCLOAK_DIRECTORY,
  KEYCLOAK_VERSION,
  KeycloakSetupError,
} from './keycloak-distribution';
import { KEYCLOAK_DEMO_PROFILE, startKeycloak } from './keycloak-server';

// `npm run keycloak`: real Keycloak with the single window's realm, for running the single window
// against it on a laptop. Fetches the pinned distribution through Maven once (under .keycloak/, ignored),
// imports the realm and the demo users (`--no-demo`: the production realm alone), sets the demo client
// secrets, and stays in the foreground until Ctrl-C. KEYCLOAK_PORT picks the port (else 8080 when free,
// else any free port); KEYCLOAK_JAVA_HOME picks the Java (17, 21 or 25).

async function main(): Promise<void> {
  const demo = !process.argv.includes('--no-demo');
  const requested = process.env.KEYCLOAK_PORT ? Number(process.env.KEYCLOAK_PORT) : undefined;
  if (requested !== undefined && !(await portIsFree(requested))) {
    throw new KeycloakSetupError(`KEYCLOAK_PORT ${requested} is in use`);
  }
  const port = requested ?? ((await portIsFree(8080)) ? 8080 : await freePort());
  const directory = KEYCLOAK_DIRECTORY;
  const started = Date.now();
  const distribution = await ensureKeycloakDistribution(directory);
  const keycloak = await startKeycloak({
    distribution,
    realmFile: REALM_FILE,
    demo: demo ? KEYCLOAK_DEMO_PROFILE : undefined,
    port,
    managementPort: await freePort(),
    logFile: join(directory, 'keycloak.log'),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Keycloak ${KEYCLOAK_VERSION} is up (${seconds} s, Java ${distribution.java.version}), realm imported${demo ? ' with the demo users' : ' without users (production realm)'}.

  URL              ${keycloak.url}
  Realm issuer     ${keycloak.issuer}
  Admin console    ${keycloak.url}/admin/   (temporary administrator: admin / ${keycloak.adminPassword})
  Log              ${join(directory, 'keycloak.log')}

Run the single window against it, in another terminal:

  OIDC_ISSUER=${keycloak.issuer} npm start
  OIDC_ISSUER=${keycloak.issuer} npm run -s token -- js-licensing-officer

The in-memory database starts empty at each start: the realm is imported afresh. Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = () => {
    stopping = true;
    keycloak.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The server runs detached; this process stays in the foreground until it is stopped, or Keycloak exits.
  const alive = setInterval(() => undefined, 60_000);
  void keycloak.exited.then(() => {
    clearInterval(alive);
    if (stopping) return;
    console.error(`Keycloak exited (log: ${join(directory, 'keycloak.log')})`);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
