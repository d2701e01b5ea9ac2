import type { Realm } from '../../../auth/idp/realm';
import type { Logger } from '../../../platform/observability/logger';
import type { PartnerDirectorySettings } from '../../gateway.config';
import type { GrantBook } from '../grants/grant-book';
import { GrantDirectorySync } from './grant-directory.sync';
import { CATEGORY_SCOPE_PREFIX, KeycloakPartnerDirectory } from './partner-directory';

/** The categories each client holds in the realm file (the seed Keycloak imports), by clientId. */
export function seedCategoriesFromRealm(realm: Realm): (clientId: string) => ReadonlySet<string> {
  return (clientId) =>
    new Set(
      (realm.client(clientId)?.defaultClientScopes ?? [])
        .filter((scope) => scope.startsWith(CATEGORY_SCOPE_PREFIX))
        .map((scope) => scope.slice(CATEGORY_SCOPE_PREFIX.length)),
    );
}

/**
 * Starts applying grants to the realm the gateway trusts (OIDC_ISSUER): Keycloak's admin API in
 * production, the embedded provider's copy of it in development. Null without a directory secret.
 */
export function startGrantDirectorySync(options: {
  issuer: string;
  settings: PartnerDirectorySettings;
  grants: GrantBook;
  /** The categories each client holds in the realm file (seedCategoriesFromRealm). */
  seedCategories: (clientId: string) => ReadonlySet<string>;
  logger: Logger;
}): GrantDirectorySync | null {
  const { settings, logger } = options;
  if (!settings.clientSecret) {
    logger.warn(
      'PARTNER_DIRECTORY_CLIENT_SECRET is not set: grants are not applied to the identity provider (partner categories stay as the realm has them)',
    );
    return null;
  }
  const sync = new GrantDirectorySync({
    grants: options.grants,
    directory: new KeycloakPartnerDirectory({
      issuer: options.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
    }),
    grantedClients: () => options.grants.clientsWithGrants(),
    seedCategories: options.seedCategories,
    logger,
    intervalMs: settings.syncIntervalMs,
  });
  sync.start();
  return sync;
}
