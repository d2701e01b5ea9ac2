import globalTeardown from '../harness/global-teardown';
import { readState } from '../harness/harness-state';
import { stopProcessGroup } from '../../auth/keycloak/keycloak-server';

export default async function keycloakGlobalTeardown(): Promise<void> {
  const { keycloak } = readState();
  await globalTeardown();
  if (keycloak) await stopProcessGroup(keycloak.pid);
}
