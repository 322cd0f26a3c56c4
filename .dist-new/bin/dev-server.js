"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startDevServer = startDevServer;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const search_attributes_1 = require("../workflows/search-attributes");
/**
 * The Temporal CLI dev server for one machine: state persisted in dataDir/temporal.db, the Web UI on
 * uiPort, the platform's search attributes registered, no call home (offline machines).
 */
async function startDevServer(opts) {
    node_fs_1.default.mkdirSync(opts.dataDir, { recursive: true });
    const args = [
        'server',
        'start-dev',
        '--db-filename',
        node_path_1.default.join(opts.dataDir, 'temporal.db'),
        '--ip',
        '127.0.0.1',
        '--port',
        String(opts.port),
        '--ui-port',
        String(opts.uiPort),
        '--namespace',
        opts.namespace,
        '--ui-disable-news-fetch',
        '--dynamic-config-value',
        'frontend.enableServerVersionCheck=false',
        '--log-level',
        'error',
        ...search_attributes_1.searchAttributes.flatMap((k) => [
            '--search-attribute',
            `${k.name}=${k.type === common_1.SearchAttributeType.KEYWORD_LIST ? 'KeywordList' : 'Keyword'}`,
        ]),
    ];
    const child = (0, node_child_process_1.spawn)(opts.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
        output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const address = `127.0.0.1:${opts.port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
        const early = await Promise.race([
            exited,
            new Promise((r) => setTimeout(() => r('alive'), 250)),
        ]);
        if (early !== 'alive') {
            throw new Error(`Temporal dev server exited with code ${early}:\n${output.trim()}`);
        }
        try {
            const connection = await client_1.Connection.connect({ address, connectTimeout: 1000 });
            await connection.workflowService.describeNamespace({ namespace: opts.namespace });
            await connection.close();
            break;
        }
        catch (err) {
            if (Date.now() > deadline) {
                child.kill('SIGKILL');
                throw new Error(`Temporal dev server not reachable at ${address} after 60 s: ${err.message}`);
            }
        }
    }
    opts.logger.debug({ address }, 'Temporal dev server ready');
    return {
        address,
        uiUrl: `http://localhost:${opts.uiPort}`,
        process: child,
        async stop() {
            if (child.exitCode !== null)
                return;
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
        },
    };
}
//# sourceMappingURL=dev-server.js.map