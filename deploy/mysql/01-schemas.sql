-- One schema per subgraph, one account per subgraph granted only its own schema.
-- Passwords come from the environment through 02-accounts.sh; nothing secret is kept here.
CREATE DATABASE IF NOT EXISTS licensing   CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS enforcement CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS credit      CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS safety      CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS statistics  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
