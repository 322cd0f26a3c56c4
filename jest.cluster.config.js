// `npm run test:cluster`: the cluster test alone (test/cluster/), kept out of `npm test` because it
// starts a whole topology (PostgreSQL, four Temporal services, workers, API processes, HAProxy).
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/cluster'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
};
