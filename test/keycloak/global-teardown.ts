import globalTeardown from '../harness/global-teardown';
import { readState } from '../harness/harness-state';
import { stopKeycloakProcess } from './keycloak-control';

export default async function keycloakGlobalTeardown(): Promise<void> {
  const { keycloak } = readState();
  await globalTeardown();
  if (keycloak) await stopKeycloakProcess(keycloak.pid);
}
