"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.boot = boot;
exports.temporalAddress = temporalAddress;
exports.fatal = fatal;
exports.outboxDir = outboxDir;
exports.roleArgs = roleArgs;
const node_path_1 = __importDefault(require("node:path"));
const config_1 = require("./config");
const logger_1 = require("../platform/logger");
/** Reads and checks the configuration once; a mistake ends the process with one clear message per problem. */
function boot() {
    try {
        const config = (0, config_1.loadConfig)();
        return { config, logger: (0, logger_1.createLogger)(config.logLevel) };
    }
    catch (err) {
        if (err instanceof config_1.ConfigError) {
            process.stderr.write(`facturflow: ${err.message}\n`);
            process.exit(2);
        }
        throw err;
    }
}
/** The cluster to use: TEMPORAL_ADDRESS, or the local dev server that `npm start` runs. */
function temporalAddress(config) {
    return config.temporal.address ?? `127.0.0.1:${config.temporal.devServerPort}`;
}
function fatal(logger, err) {
    logger.fatal({ err }, err.message);
    process.exit(1);
}
/** Where email goes when no SMTP server is configured: shared by the worker (writes) and the API (shows). */
function outboxDir(config) {
    return node_path_1.default.join(config.dataDir, 'outbox');
}
/**
 * How `npm start` runs a role in its own process: compiled when this file is (dist/bin/*.js), else
 * from source through tsx, so the children always match their parent.
 */
function roleArgs(role) {
    return node_path_1.default.extname(__filename) === '.js'
        ? [node_path_1.default.join(__dirname, `${role}.js`)]
        : ['--import', 'tsx', node_path_1.default.join(__dirname, `${role}.ts`)];
}
//# sourceMappingURL=boot.js.map