import './schema-prefix';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSingleWindow } from '../harness/global-setup';
import { freePort } from '../harness/service-processes';
import { launchKeycloak } from './keycloak-control';

// `npm run test:keycloak`: real Keycloak 26 with the realm and the demo users, then the single window
// trusting it (the embedded provider runs beside it, for comparing the two). Keys are fetched again every
// 5 s, so the rotation tests see a removed key refused without waiting the production 5 minutes.
export const JWKS_REFRESH_SECONDS = 5;

export default async function keycloakGlobalSetup(): Promise<void> {
  const started = Date.now();
  const logFile = join(mkdtempSync(join(tmpdir(), 'single-window-keycloak-')), 'keycloak.log');
  const keycloak = await launchKeycloak({ port: await freePort(), managementPort: await freePort() }, logFile);
  process.stderr.write(
    `\nKeycloak ${keycloak.url} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${logFile})\n`,
  );
  await startSingleWindow({
    oidcIssuer: keycloak.issuer,
    environment: { OIDC_JWKS_REFRESH_SECONDS: String(JWKS_REFRESH_SECONDS) },
    keycloak,
  });
}
