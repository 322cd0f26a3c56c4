// `npm test -- --config jest.postgres.config.js` with DATABASE_URL=postgres://…: the suites whose outcome
// can depend on the database, as CI runs them on PostgreSQL after the whole of `npm test` on SQLite.
// Left out: suites that touch no database (the invoice core, its oracle, the command line), the browser
// and benchmark suites (the portal and the benchmarks store through the code the API suites run here),
// the hostile-input suites (their subject is the parsers and limits, not the storage), and the cluster
// test (its own command, npm run test:cluster).
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    '<rootDir>/test/(invoice|oracle|cli|portal|bench)/',
    '<rootDir>/test/security/hostile-',
  ],
};
