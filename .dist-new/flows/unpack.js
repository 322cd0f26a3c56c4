"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FLOW_MAX_INVOICES = void 0;
exports.unpackFlow = unpackFlow;
const stored_blobs_1 = require("../platform/stored-blobs");
const archive_1 = require("./archive");
const syntax_1 = require("./syntax");
/** An E1 flow holds at most 500 invoices and 1 GB. */
exports.FLOW_MAX_INVOICES = 500;
const LIMITS = { maxFiles: 2 * exports.FLOW_MAX_INVOICES, maxFileBytes: 120 * 1024 * 1024, maxTotalBytes: 1024 ** 3 };
/**
 * Opens the flow's archive (or takes a lone file as a one-invoice flow) and stores each invoice
 * file as a blob. A refused archive is an answer, not a failure: the flow is then rejected. Blobs are
 * content-addressed, so running it again after a crash stores nothing twice. `onFile` is told how
 * many invoice files were kept before each file is looked at, and `control` follows the inflating
 * and stops it when the attempt is abandoned (the activity heartbeats with both).
 */
async function unpackFlow({ db, blobs }, f, onFile = () => { }, control = {}) {
    const bytes = await blobs.get(f.blob.sha256);
    const entries = [];
    const mediaType = syntax_1.FLOW_SYNTAXES[f.syntax] === 'facturx' ? 'application/pdf' : 'application/xml';
    const keep = async (name, data) => {
        onFile(entries.length);
        if (!(0, syntax_1.isFlowInvoiceFile)(f.syntax, name))
            return;
        entries.push({ name, blob: await (0, stored_blobs_1.storeBlob)(db, blobs, data, { mediaType, filename: name.slice(-255) }) });
    };
    try {
        if ((0, archive_1.archiveKind)(bytes) === 'file')
            await keep(f.blob.filename ?? 'invoice.xml', bytes);
        else
            await (0, archive_1.unpackArchive)(bytes, LIMITS, keep, control);
    }
    catch (err) {
        // An abandoned attempt has no answer to give: the next attempt, if any, gives it.
        if (err instanceof archive_1.ArchiveError && err.code !== 'ARCHIVE_ABANDONED')
            return { error: `${err.code}: ${err.message}` };
        throw err;
    }
    if (entries.length === 0)
        return { error: 'FLOW_EMPTY: the flow holds no invoice file of its syntax.' };
    if (entries.length > exports.FLOW_MAX_INVOICES)
        return {
            error: `FLOW_TOO_MANY_INVOICES: ${entries.length} invoices; at most ${exports.FLOW_MAX_INVOICES} per flow.`,
        };
    return { entries };
}
//# sourceMappingURL=unpack.js.map