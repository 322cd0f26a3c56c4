"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.readAsset = readAsset;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
/** Fonts and the ICC profile ship beside the code (see invoice/assets/README.md); a build must copy them. */
const ASSETS_DIR = node_path_1.default.resolve(__dirname, '..', 'assets');
const cache = new Map();
/** A bundled asset's bytes, read once per process. */
function readAsset(name) {
    let bytes = cache.get(name);
    if (!bytes) {
        bytes = node_fs_1.default.readFileSync(node_path_1.default.join(ASSETS_DIR, name));
        cache.set(name, bytes);
    }
    return bytes;
}
//# sourceMappingURL=assets.js.map