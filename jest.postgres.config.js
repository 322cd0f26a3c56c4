// `npm test -- --config jest.postgres.config.js` with DATABASE_URL=postgres://…: the suites whose outcome
// can depend on the database, as CI runs them on PostgreSQL after the whole of `npm test` on SQLite.
// Left out: suites that touch no database (the invoice core, its oracle, the command line), the browser
// and benchmark suites (the portal and the benchmarks store through the code the API suites run here),
// the hostile-input and isolation suites (their subject is the parsers, limits, threads and queues, not
// the storage), the dev server's supervision, the time-skipping support conversation (its storage is
// support.api.test.ts's), two of the three ERP connectors (Evoliz and Axonaut store connections and sync
// state through the code the Cegid Loop, scheduled-sync and buyer-reference suites run here), and the
// cluster test (its own command, npm run test:cluster, on PostgreSQL).
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    '<rootDir>/test/(invoice|oracle|cli|portal|bench)/',
    '<rootDir>/test/security/hostile-',
    '<rootDir>/test/security/(isolation-flows|limits-payloads)\\.test\\.ts$',
    '<rootDir>/test/platform/dev-server-supervision\\.test\\.ts$',
    '<rootDir>/test/support-chain/conversation\\.time-skipping\\.test\\.ts$',
    '<rootDir>/test/connectors/(evoliz|axonaut)\\.test\\.ts$',
  ],
};
