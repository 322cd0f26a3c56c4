"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDb = createDb;
exports.migrate = migrate;
exports.checkDb = checkDb;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const knex_1 = __importDefault(require("knex"));
const migrations_1 = require("../migrations");
function createDb(database, options = {}) {
    if (database.client === 'pg') {
        return (0, knex_1.default)({
            client: 'pg',
            connection: database.url,
            searchPath: options.searchPath,
            pool: { min: 0, max: 10 },
        });
    }
    node_fs_1.default.mkdirSync(node_path_1.default.dirname(database.filename), { recursive: true });
    return (0, knex_1.default)({
        client: 'better-sqlite3',
        connection: { filename: database.filename },
        useNullAsDefault: true,
        pool: {
            min: 1,
            max: 1,
            // WAL lets the API read while the worker writes; busy_timeout rides out the writer's lock.
            afterCreate: (conn, done) => {
                conn.pragma('journal_mode = WAL');
                conn.pragma('busy_timeout = 5000');
                conn.pragma('foreign_keys = ON');
                done(null, conn);
            },
        },
    });
}
/** The migrations are listed in code (not discovered on disk) so they run the same from ts or js. */
const migrationSource = {
    getMigrations: async () => Object.keys(migrations_1.migrations).sort(),
    getMigrationName: (name) => name,
    getMigration: async (name) => migrations_1.migrations[name],
};
async function migrate(db) {
    const [, applied] = await db.migrate.latest({ migrationSource });
    return applied;
}
async function checkDb(db) {
    await db.raw('select 1');
}
//# sourceMappingURL=db.js.map