// Imported first by the Keycloak run's setup: its own schemas and leftovers, apart from `npm test`'s.
process.env.TEST_SCHEMA_PREFIX ??= 'kc_';
