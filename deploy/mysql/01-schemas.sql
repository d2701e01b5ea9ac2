-- One schema per subgraph and one for the gateway (the audit trail), each with its own account.
-- Passwords come from the environment through 02-accounts.sh; nothing secret is kept here.
CREATE DATABASE IF NOT EXISTS licensing   CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS enforcement CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS credit      CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS safety      CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS statistics  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS gateway     CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- Keycloak's own schema (realm, users, sessions); its account is made in 02-accounts.sh.
CREATE DATABASE IF NOT EXISTS keycloak    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
