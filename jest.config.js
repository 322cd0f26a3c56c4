/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The cluster test runs on its own: npm run test:cluster (jest.cluster.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/cluster/'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(libxml2-wasm)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testTimeout: 60_000,
  // One temporary folder per run, for the tests and the processes they start, removed at the end.
  globalSetup: '<rootDir>/test/support/run-tmp.js',
  globalTeardown: '<rootDir>/test/support/run-tmp-teardown.js',
  // Temporal servers and databases are real processes: two test files at a time fit 2 cores.
  maxWorkers: process.env.JEST_MAX_WORKERS || 2,
};
