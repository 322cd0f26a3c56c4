"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.write = write;
exports.table = table;
/**
 * Writes and waits while the stream's buffer is full, so that results streamed for thousands of
 * files into a slow pipe stay in bounded memory instead of piling up in the stream.
 */
async function write(stream, text) {
    if (stream.write(text))
        return;
    await new Promise((resolve, reject) => {
        const done = (err) => {
            stream.off('drain', onDrain);
            stream.off('error', done);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onDrain = () => done();
        stream.once('drain', onDrain);
        stream.once('error', done);
    });
}
/** Rows of label/value, labels padded to one column. */
function table(rows) {
    const width = Math.max(0, ...rows.map(([label]) => label.length));
    return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n') + '\n';
}
//# sourceMappingURL=output.js.map