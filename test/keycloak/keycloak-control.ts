import { join } from 'node:path';
import { ensureKeycloakDistribution } from '../../auth/keycloak/keycloak-distribution';
import { KeycloakAdmin, startKeycloak } from '../../auth/keycloak/keycloak-server';
import { readState, writeState, type KeycloakProcess } from '../harness/harness-state';
import { PROJECT_ROOT } from '../harness/service-processes';

// Real Keycloak for `npm run test:keycloak`: started by the run's global setup with the demo profile,
// and stopped and started again by the fault tests, always on the same ports.

export const KEYCLOAK_DIRECTORY = join(PROJECT_ROOT, '.keycloak');

export async function launchKeycloak(
  ports: { port: number; managementPort: number },
  logFile: string,
): Promise<KeycloakProcess> {
  const distribution = await ensureKeycloakDistribution(KEYCLOAK_DIRECTORY);
  const keycloak = await startKeycloak({
    distribution,
    realmFile: join(PROJECT_ROOT, 'auth', 'realm-transport.json'),
    demo: {
      usersFile: join(PROJECT_ROOT, 'auth', 'demo', 'transport-users-0.json'),
      clientSecretsFile: join(PROJECT_ROOT, 'auth', 'demo', 'client-secrets.json'),
    },
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

/** Whether the process group still has a member. */
function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops Keycloak (its whole process group: kc.sh and java) and waits until it is gone. */
export async function stopKeycloakProcess(pid: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (alive(pid)) process.kill(-pid, 'SIGKILL');
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
  await stopKeycloakProcess(keycloakState().pid);
}

/** Starts Keycloak again on the same ports: a fresh in-memory database, the realm imported again, new keys. */
export async function restartKeycloak(): Promise<void> {
  const state = readState();
  const previous = keycloakState();
  await stopKeycloakProcess(previous.pid);
  state.keycloak = await launchKeycloak(previous, previous.logFile);
  writeState(state);
}
