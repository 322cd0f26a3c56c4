"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createConnectorRuntime = createConnectorRuntime;
const node_path_1 = __importDefault(require("node:path"));
const credentials_1 = require("./credentials");
const registry_1 = require("./registry");
/** The runtime of an installation: connectors found in the platform's node_modules plus the listed paths. */
function createConnectorRuntime(settings, dataDir) {
    return {
        registry: (0, registry_1.createRegistry)({
            nodeModules: [node_path_1.default.resolve(__dirname, '..', 'node_modules')],
            extraPaths: settings.extraPaths,
        }),
        cipher: (0, credentials_1.loadCipher)({ secretKey: settings.secretKey, previousKeys: settings.previousKeys, dataDir }),
        syncIntervalMinutes: settings.syncIntervalMinutes,
    };
}
//# sourceMappingURL=runtime.js.map