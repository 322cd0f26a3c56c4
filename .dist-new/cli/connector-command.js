"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.addConnectorCommand = addConnectorCommand;
/** `facturflow connector sync <connectionId> [--since DATE] [--restart]`, added to the program. */
function addConnectorCommand(program, setExitCode) {
    program
        .command('connector')
        .description('ERP connections')
        .command('sync')
        .description("pull a connection's ERP invoices now (a backfill); run it again to resume after an interruption")
        .argument('<connectionId>', 'the connection id (Applications page or GET /api/v1/structures/{id}/connections)')
        .option('--since <date>', 'for a connection never synced: start from this date (YYYY-MM-DD)')
        .option('--restart', 'forget where the last sync stopped and read the ERP again from --since', false)
        .action(async (connectionId, opts) => {
        if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
            throw new Error('--since must be a date, YYYY-MM-DD');
        // Loaded on use: the database and Temporal clients would slow every other command's start.
        const { runBackfill } = await Promise.resolve().then(() => __importStar(require('./connector-run')));
        setExitCode(await runBackfill(connectionId, opts));
    });
}
//# sourceMappingURL=connector-command.js.map