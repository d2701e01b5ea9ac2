import { randomBytes } from 'node:crypto';
import { keycloakAdmin } from './keycloak-control';

// Users made through Keycloak's admin API for one test each, so no demo user is locked or changed.

export const GOOD_PASSWORD = 'Policy#Compliant2026';

/** A user of the realm's shape (region, department, a role), made through the admin API. */
export async function createUser(
  realmRoles = ['licensing-officer'],
  password = GOOD_PASSWORD,
): Promise<{ id: string; username: string }> {
  const username = `policy-${randomBytes(4).toString('hex')}`;
  const id = await keycloakAdmin().createUser(
    {
      username,
      enabled: true,
      emailVerified: true,
      firstName: 'Policy',
      lastName: 'Check',
      email: `${username}@transport.example`,
      attributes: { region: ['320000'], department: ['licensing'] },
      credentials: [{ type: 'password', value: password, temporary: false }],
    },
    realmRoles,
  );
  return { id, username };
}
