// `npm run test:keycloak`: the single window against real Keycloak 26 (test/keycloak/global-setup.ts
// fetches, builds and starts it), with tokens Keycloak issued. Some integration files run here again,
// unchanged, so the same expectations hold with both providers.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'keycloak',
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  testMatch: [
    '<rootDir>/dist/test/keycloak/**/*.test.js',
    '<rootDir>/dist/test/authorization-matrix.test.js',
    '<rootDir>/dist/test/partner-access.test.js',
    '<rootDir>/dist/test/second-factor.test.js',
  ],
  globalSetup: '<rootDir>/dist/test/keycloak/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/keycloak/global-teardown.js',
  testTimeout: 120000,
  maxWorkers: 1,
};
