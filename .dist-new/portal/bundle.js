"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLIENT_DIR = void 0;
exports.clientBundle = clientBundle;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const esbuild_1 = require("esbuild");
/** The browser modules, one entry point per page (portal/client/pages/*.ts). */
exports.CLIENT_DIR = [
    node_path_1.default.join(__dirname, 'client'),
    node_path_1.default.join(__dirname, '..', '..', 'portal', 'client'),
].find((dir) => node_fs_1.default.existsSync(dir));
let bundling;
/**
 * The portal's TypeScript, bundled by esbuild in memory the first time a page asks for it and then
 * kept: `npm start` and the tests need no build step. Shared code goes to chunks, so each page loads
 * only what it uses.
 */
function clientBundle() {
    bundling ??= bundleClient().catch((err) => {
        bundling = undefined;
        throw err;
    });
    return bundling;
}
async function bundleClient() {
    const pagesDir = node_path_1.default.join(exports.CLIENT_DIR, 'pages');
    const entryPoints = node_fs_1.default
        .readdirSync(pagesDir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => node_path_1.default.join(pagesDir, f));
    const outdir = node_path_1.default.join(exports.CLIENT_DIR, 'out');
    const result = await (0, esbuild_1.build)({
        entryPoints,
        outdir,
        bundle: true,
        splitting: true,
        format: 'esm',
        target: 'es2020',
        minify: true,
        write: false,
        chunkNames: 'chunk-[hash]',
        logLevel: 'silent',
    });
    return new Map(result.outputFiles.map((f) => [node_path_1.default.relative(outdir, f.path).split(node_path_1.default.sep).join('/'), f.contents]));
}
//# sourceMappingURL=bundle.js.map