import { join } from 'node:path';
import { createServer } from 'node:net';
import { ensureKeycloakDistribution, KEYCLOAK_VERSION, KeycloakSetupError } from './keycloak-distribution';
import { startKeycloak } from './keycloak-server';

// `npm run keycloak`: real Keycloak with the single window's realm, for running the single window
// against it on a laptop. Fetches the pinned distribution through Maven once (under .keycloak/, ignored),
// imports the realm and the demo users (`--no-demo`: the production realm alone), sets the demo client
// secrets, and stays in the foreground until Ctrl-C. KEYCLOAK_PORT picks the port (else 8080 when free,
// else any free port); KEYCLOAK_JAVA_HOME picks the Java (17, 21 or 25).

const PROJECT_ROOT = join(__dirname, '..', '..', '..');

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function main(): Promise<void> {
  const demo = !process.argv.includes('--no-demo');
  const requested = process.env.KEYCLOAK_PORT ? Number(process.env.KEYCLOAK_PORT) : undefined;
  if (requested !== undefined && !(await portIsFree(requested))) {
    throw new KeycloakSetupError(`KEYCLOAK_PORT ${requested} is in use`);
  }
  const port = requested ?? ((await portIsFree(8080)) ? 8080 : await freePort());
  const directory = join(PROJECT_ROOT, '.keycloak');
  const started = Date.now();
  const distribution = await ensureKeycloakDistribution(directory);
  const keycloak = await startKeycloak({
    distribution,
    realmFile: join(PROJECT_ROOT, 'auth', 'realm-transport.json'),
    demo: demo
      ? {
          usersFile: join(PROJECT_ROOT, 'auth', 'demo', 'transport-users-0.json'),
          clientSecretsFile: join(PROJECT_ROOT, 'auth', 'demo', 'client-secrets.json'),
        }
      : undefined,
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
