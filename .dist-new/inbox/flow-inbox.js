"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.pollFlowInbox = pollFlowInbox;
exports.watchFlowInbox = watchFlowInbox;
const promises_1 = __importDefault(require("node:fs/promises"));
const node_path_1 = __importDefault(require("node:path"));
const syntax_1 = require("../flows/syntax");
const deposit_1 = require("../flows/deposit");
/** Files younger than this may still be being written by the sender: they wait for the next poll. */
const SETTLE_MS = 2000;
/**
 * File-based EDI: a sender drops each flow into <inbox>/<syntaxeFlux>/ (the folder names its syntax).
 * Each poll deposits the files there as a flow and moves them to <inbox>/processed/ (prefixed with
 * their numeroFluxDepot) or, when no flow can be made of them, to <inbox>/rejected/. A crash between
 * the deposit and the move deposits the same bytes again next time, which answers the same flow.
 */
async function pollFlowInbox(deps, inbox, now = Date.now()) {
    const processed = [];
    const rejected = [];
    await promises_1.default.mkdir(node_path_1.default.join(inbox, 'processed'), { recursive: true });
    await promises_1.default.mkdir(node_path_1.default.join(inbox, 'rejected'), { recursive: true });
    for (const folder of await promises_1.default.readdir(inbox, { withFileTypes: true })) {
        if (!folder.isDirectory() || ['processed', 'rejected'].includes(folder.name))
            continue;
        for (const file of await promises_1.default.readdir(node_path_1.default.join(inbox, folder.name), { withFileTypes: true })) {
            if (!file.isFile())
                continue;
            const from = node_path_1.default.join(inbox, folder.name, file.name);
            if (now - (await promises_1.default.stat(from)).mtimeMs < SETTLE_MS)
                continue;
            const bytes = await promises_1.default.readFile(from);
            if (!(0, syntax_1.isFlowSyntax)(folder.name) || bytes.length === 0) {
                await promises_1.default.rename(from, node_path_1.default.join(inbox, 'rejected', file.name));
                rejected.push(file.name);
                continue;
            }
            const { numeroFluxDepot } = await (0, deposit_1.depositFlow)(deps, bytes, {
                syntax: folder.name,
                filename: file.name,
            });
            await promises_1.default.rename(from, node_path_1.default.join(inbox, 'processed', `${numeroFluxDepot}-${file.name}`));
            processed.push(numeroFluxDepot);
        }
    }
    return { processed, rejected };
}
/** Polls the inbox every `intervalMs` until stopped; one poll at a time, failures logged and retried. */
function watchFlowInbox(deps, inbox, intervalMs, logger) {
    let timer;
    let stopped = false;
    const tick = async () => {
        try {
            const { processed, rejected } = await pollFlowInbox(deps, inbox);
            if (processed.length + rejected.length > 0)
                logger.info({ processed, rejected }, 'flow inbox polled');
        }
        catch (err) {
            logger.error({ err }, 'flow inbox poll failed; retried at the next tick');
        }
        if (!stopped)
            timer = setTimeout(tick, intervalMs);
    };
    timer = setTimeout(tick, 0);
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}
//# sourceMappingURL=flow-inbox.js.map