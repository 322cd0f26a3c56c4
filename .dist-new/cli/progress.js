"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.progressFor = progressFor;
const cli_progress_1 = require("cli-progress");
/** Below this many files a run is over before a bar would tell anyone anything. */
const MIN_FILES_FOR_BAR = 5;
const NO_PROGRESS = { tick() { }, clearLine() { }, stop() { } };
/** A bar on stderr for long runs on a terminal; nothing when stderr is piped or logged. */
function progressFor(total) {
    if (total < MIN_FILES_FOR_BAR || !process.stderr.isTTY)
        return NO_PROGRESS;
    const bar = new cli_progress_1.SingleBar({
        stream: process.stderr,
        format: 'checking {bar} {value}/{total} files | {percentage}% | eta {eta_formatted}',
        clearOnComplete: true,
        hideCursor: true,
    }, cli_progress_1.Presets.shades_classic);
    bar.start(total, 0);
    return {
        tick: () => bar.increment(),
        clearLine: () => {
            if (process.stdout.isTTY)
                process.stderr.write('\r\x1b[2K');
        },
        stop: () => bar.stop(),
    };
}
//# sourceMappingURL=progress.js.map