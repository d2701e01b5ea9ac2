import 'reflect-metadata';
import { join } from 'node:path';
import { DEMO_CLIENT_SECRETS_FILE, DEMO_USERS_FILES, REALM_FILE } from '../auth/demo-realm';
import { startIdentityProvider } from '../auth/idp/idp.server';
import { startGateway } from '../gateway/gateway.server';
import { ConfigError, SUBGRAPH_NAMES } from '../platform/config/config';
import { cryptoSelfTestOrExit } from '../platform/crypto/self-test';
import { startSubgraph, type RunningSubgraph } from '../platform/subgraph-server';
import { SUBGRAPHS } from '../subgraphs/registry';
import { startPlatformSimulators } from '../subgraphs/licensing/platforms/platform-simulators';
import { startCreditPlatformSimulatorFor } from '../subgraphs/credit/national-platform/credit-platform-simulator.start';
import { startSafetyPlatformSimulatorFor } from '../subgraphs/safety/national-platform/safety-platform-simulator.start';
import { loadSingleWindowConfig } from './single-window.config';

// `npm start`: the whole single window in one process on the embedded defaults (or MYSQL_URL):
// the OpenID provider, the five subgraphs and the gateway. Production runs each as its own process.
async function main(): Promise<void> {
  const started = Date.now();
  // Every process checks SM2, SM3 and SM4 against the published vectors before it serves (GB/T 39786).
  cryptoSelfTestOrExit('single-window');
  // The demo tankers report every 30 s (联网联控) unless told otherwise; 0 turns the sender off.
  process.env.SAFETY_DEMO_POSITIONS_SECONDS ??= '30';
  // One process runs everything, so it validates every part's settings: all problems at once.
  const { config, settings } = loadSingleWindowConfig();
  // OIDC_ISSUER set: another provider (real Keycloak, `npm run keycloak`) signs the tokens; else the embedded one.
  const externalIssuer = process.env.OIDC_ISSUER !== undefined && process.env.OIDC_ISSUER !== '';
  const idp = externalIssuer
    ? null
    : await startIdentityProvider({
        port: config.idp.port,
        realmFile: REALM_FILE,
        usersFiles: DEMO_USERS_FILES,
        clientSecretsFile: DEMO_CLIENT_SECRETS_FILE,
        publicUrl: new URL(config.oidc.issuer).origin,
        keyFile: join(config.dataDir, 'idp-signing-key.json'),
      });
  // Licensing confirms projects and reports decisions to the national platforms: simulated here.
  const platforms = await startPlatformSimulators(config, settings.licensing);
  // Credit pushes disclosures to, and reads standings from, the national credit platform: simulated too.
  const creditPlatform = await startCreditPlatformSimulatorFor(config, settings.credit);
  // Safety reports hazards, accidents and cross-province waybills to the national safety platform: simulated.
  const safetyPlatform = await startSafetyPlatformSimulatorFor(config, settings.safety);
  const subgraphs: RunningSubgraph<unknown>[] = [];
  for (const name of SUBGRAPH_NAMES) subgraphs.push(await startSubgraph(SUBGRAPHS[name], config, settings[name]));
  const gateway = await startGateway(config, settings.gateway);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const database =
    config.subgraphs.licensing.database.kind === 'mysql'
      ? `MySQL (${config.subgraphs.licensing.database.serverUrl})`
      : `embedded SQLite in ${config.dataDir}/`;
  console.log(`
The transport single window is up (${seconds} s), data on ${database}.

  GraphQL endpoint   ${gateway.url}
  Sandbox (browser)  ${gateway.url}   (set the header Authorization: Bearer <token>)
  Health / ready     ${config.gateway.publicUrl}/health   ${config.gateway.publicUrl}/ready
  OpenID provider    ${idp ? idp.issuer : `${config.oidc.issuer} (OIDC_ISSUER; the embedded provider is not started)`}
  National platforms investment ${platforms.investment.url}  trading ${platforms.trading.url}  credit ${creditPlatform.url}  safety ${safetyPlatform.url}  (simulated; switches in README)

Fetch a demo officer's token and ask the single window about an enterprise:

  TOKEN=$(npm run -s token -- ministry-admin)
  curl -s ${gateway.url} -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
    -d '{"query":"{ enterprise(creditCode: \\"91320102MA1MY0R10Q\\") { name permits(first: 5) { totalCount edges { node { number kind status } } } enforcementCases(first: 5) { totalCount } creditProfile { rating score } waybills(first: 5) { totalCount } activitySummary { year permitsIssued casesOpened waybillsCreated } } }"}'

Demo users (password and one-time codes in README; the token command handles both): ministry-admin, js-licensing-officer, js-licensing-reviewer, nj-enforcement-officer, ...
Press Ctrl-C to stop.`);

  const shutdown = async () => {
    await gateway.close();
    for (const subgraph of subgraphs.reverse()) await subgraph.close();
    await platforms.close();
    await creditPlatform.close();
    await safetyPlatform.close();
    await idp?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`the single window failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
