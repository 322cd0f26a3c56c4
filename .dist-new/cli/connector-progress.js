"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.progressBar = progressBar;
const cli_progress_1 = require("cli-progress");
/** A bar on stderr when it is a terminal: the current page and how far through its invoices. */
function progressBar() {
    if (!process.stderr.isTTY)
        return { update() { }, stop() { } };
    const bar = new cli_progress_1.SingleBar({
        stream: process.stderr,
        format: 'page {page} {bar} {value}/{total} invoices',
        clearOnComplete: true,
        hideCursor: true,
    }, cli_progress_1.Presets.shades_classic);
    let started = false;
    return {
        update(page, done, total) {
            if (!started)
                bar.start(total, done, { page });
            started = true;
            bar.setTotal(total);
            bar.update(done, { page });
        },
        stop: () => started && bar.stop(),
    };
}
//# sourceMappingURL=connector-progress.js.map