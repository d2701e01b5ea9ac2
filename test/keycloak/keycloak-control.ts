import { REALM_FILE } from '../../auth/demo-realm';
import { ensureKeycloakDistribution, KEYCLOAK_DIRECTORY } from '../../auth/keycloak/keycloak-distribution';
import {
  KEYCLOAK_DEMO_PROFILE,
  KeycloakAdmin,
  startKeycloak,
  stopProcessGroup,
} from '../../auth/keycloak/keycloak-server';
import { readState, writeState, type KeycloakProcess } from '../harness/harness-state';

// Real Keycloak for `npm run test:keycloak`: started by the run's global setup with the demo profile,
// and stopped and started again by the fault tests, always on the same ports.

export async function launchKeycloak(
  ports: { port: number; managementPort: number },
  logFile: string,
): Promise<KeycloakProcess> {
  const distribution = await ensureKeycloakDistribution(KEYCLOAK_DIRECTORY);
  const keycloak = await startKeycloak({
    distribution,
    realmFile: REALM_FILE,
    demo: KEYCLOAK_DEMO_PROFILE,
    ...ports,
    logFile,
  });
  return {
    pid: keycloak.pid,
    url: keycloak.url,
    issuer: keycloak.issuer,
    port: ports.port,
    managementPort: ports.managementPort,
    adminPassword: keycloak.adminPassword,
    logFile,
  };
}

export function keycloakState(): KeycloakProcess {
  const { keycloak } = readState();
  if (!keycloak) throw new Error('this run has no Keycloak: run it with `npm run test:keycloak`');
  return keycloak;
}

export function keycloakAdmin(): KeycloakAdmin {
  const keycloak = keycloakState();
  return new KeycloakAdmin(keycloak.url, keycloak.adminPassword);
}

export async function stopKeycloak(): Promise<void> {
  await stopProcessGroup(keycloakState().pid);
}

/** Starts Keycloak again on the same ports: a fresh in-memory database, the realm imported again, new keys. */
export async function restartKeycloak(): Promise<void> {
  const state = readState();
  const previous = keycloakState();
  await stopProcessGroup(previous.pid);
  state.keycloak = await launchKeycloak(previous, previous.logFile);
  writeState(state);
}
