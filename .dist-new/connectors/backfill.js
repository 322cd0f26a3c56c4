"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.backfill = backfill;
const store_1 = require("./store");
const sync_1 = require("./sync");
const silent = { update() { }, stop() { } };
/**
 * The scheduled sync's work, run page by page in the calling process (`facturflow connector sync`).
 * The cursor is stored after every page, so an interrupted backfill run again goes on from the page
 * it stopped in, and what was already deposited is recognised, not deposited twice.
 */
async function backfill(deps, connectionId, opts, progress = silent) {
    if (opts.restart)
        await (0, store_1.setCursor)(deps.db, connectionId, null);
    const summary = { pages: 0, imported: 0, alreadyKnown: 0, failed: [], statusesPushed: 0 };
    try {
        for (let more = true; more;) {
            const page = await (0, sync_1.syncPage)(deps, connectionId, {
                since: opts.since,
                onRecord: (done, total) => progress.update(summary.pages + 1, done, total),
            });
            summary.pages += 1;
            summary.imported += page.imported;
            summary.alreadyKnown += page.alreadyKnown;
            summary.failed.push(...page.failed);
            more = page.more;
        }
        summary.statusesPushed = await (0, sync_1.pushStatuses)(deps, connectionId);
    }
    finally {
        progress.stop();
    }
    return summary;
}
//# sourceMappingURL=backfill.js.map