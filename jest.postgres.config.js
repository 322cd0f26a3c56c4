// `npm test -- --config jest.postgres.config.js` with DATABASE_URL=postgres://…: the suites whose outcome
// can depend on the database, as CI runs them on PostgreSQL after the whole of `npm test` on SQLite.
// Left out: suites that touch no database (the invoice core, its oracle, the command line), the browser
// and benchmark suites (the portal and the benchmarks store through the code the API suites run here),
// the hostile-input and isolation suites (their subject is the parsers, limits, threads and queues, not
// the storage), the dev server's supervision, the time-skipping support conversation (its storage is
// support.api.test.ts's), two of the three ERP connectors (Evoliz and Axonaut store connections and sync
// state through the code the Cegid Loop, scheduled-sync and buyer-reference suites run here), and the
// cluster test (its own command, npm run test:cluster, on PostgreSQL). Also left out because the cluster
// test runs the same on PostgreSQL at a larger scale: a worker killed while flows are filed
// (flow-crash: the cluster kills one while its first quarter of invoices, a flow among them, is filed)
// and blobs in an S3 store written by one process and read by another (s3-blobs: every cluster invoice
// goes that way).
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
    '<rootDir>/test/deposits/flow-crash\\.test\\.ts$',
    '<rootDir>/test/platform/s3-blobs\\.test\\.ts$',
  ],
};
