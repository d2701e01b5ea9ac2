// Tests run on the compiled output (`npm test` builds first): tsc keeps the decorator metadata that
// type-graphql needs, and the processes the integration tests start are the same files `npm start` runs.
/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
      testMatch: ['<rootDir>/dist/{auth,gateway,platform,subgraphs,scripts}/**/*.spec.js'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
      testMatch: ['<rootDir>/dist/test/**/*.test.js'],
      // Real Keycloak's tests run apart: `npm run test:keycloak` (jest.keycloak.config.js).
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/test/keycloak/'],
      globalSetup: '<rootDir>/dist/test/harness/global-setup.js',
      globalTeardown: '<rootDir>/dist/test/harness/global-teardown.js',
    },
  ],
  testTimeout: 60000,
  // Integration tests share one running single window and some stop a subgraph: run files one at a time.
  maxWorkers: 1,
};
