"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dictAt = dictAt;
exports.arrayAt = arrayAt;
exports.streamAt = streamAt;
exports.nameAt = nameAt;
exports.textOf = textOf;
exports.textAtKey = textAtKey;
exports.numberAt = numberAt;
exports.nameTreeValues = nameTreeValues;
exports.decodeStream = decodeStream;
const node_zlib_1 = require("node:zlib");
const pdf_lib_1 = require("pdf-lib");
const pdf_error_1 = require("./pdf-error");
/** Low-level reading helpers over pdf-lib's object model, for files we did not write. */
function dictAt(dict, key) {
    const v = dict?.lookup(pdf_lib_1.PDFName.of(key));
    return v instanceof pdf_lib_1.PDFDict ? v : undefined;
}
function arrayAt(dict, key) {
    const v = dict?.lookup(pdf_lib_1.PDFName.of(key));
    return v instanceof pdf_lib_1.PDFArray ? v : undefined;
}
function streamAt(dict, key) {
    const v = dict?.lookup(pdf_lib_1.PDFName.of(key));
    return v instanceof pdf_lib_1.PDFRawStream ? v : undefined;
}
/** A PDF name value as text, with #xx escapes decoded (so /text#2Fxml reads 'text/xml'). */
function nameAt(dict, key) {
    const v = dict?.lookup(pdf_lib_1.PDFName.of(key));
    // pdf-lib decodes only upper-case #XX escapes; several producers write /text#2fxml.
    return v instanceof pdf_lib_1.PDFName
        ? v.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
        : undefined;
}
function textOf(v) {
    return v instanceof pdf_lib_1.PDFString || v instanceof pdf_lib_1.PDFHexString ? v.decodeText() : undefined;
}
function textAtKey(dict, key) {
    return textOf(dict?.lookup(pdf_lib_1.PDFName.of(key)));
}
function numberAt(dict, key) {
    const v = dict?.lookup(pdf_lib_1.PDFName.of(key));
    return v instanceof pdf_lib_1.PDFNumber ? v.asNumber() : undefined;
}
/**
 * Values of a name tree (PDF 32000 §7.9.6), in key order. Kids are followed with a visited set and a depth
 * bound, because a hostile file can make the tree cyclic.
 */
function nameTreeValues(root) {
    const out = [];
    const seen = new Set();
    const walk = (node, depth) => {
        if (seen.has(node) || depth > 32)
            return;
        seen.add(node);
        const names = arrayAt(node, 'Names');
        if (names) {
            for (let i = 0; i + 1 < names.size(); i += 2) {
                const value = names.lookup(i + 1);
                if (value)
                    out.push({ key: textOf(names.lookup(i)) ?? '', value });
            }
        }
        const kids = arrayAt(node, 'Kids');
        for (let i = 0; kids && i < kids.size(); i++) {
            const kid = kids.lookup(i);
            if (kid instanceof pdf_lib_1.PDFDict)
                walk(kid, depth + 1);
        }
    };
    if (root)
        walk(root, 0);
    return out;
}
/**
 * The decoded bytes of a stream. Only FlateDecode (without predictor) and unfiltered streams are
 * supported: that is what embedded files and XMP packets use in practice. `maxBytes` bounds the
 * inflated size so a small compressed bomb cannot exhaust memory.
 */
function decodeStream(stream, maxBytes) {
    const filterObj = stream.dict.lookup(pdf_lib_1.PDFName.of('Filter'));
    const filters = filterObj instanceof pdf_lib_1.PDFName
        ? [filterObj.decodeText()]
        : filterObj instanceof pdf_lib_1.PDFArray
            ? filterObj.asArray().map((f) => (f instanceof pdf_lib_1.PDFName ? f.decodeText() : '?'))
            : [];
    let data = stream.contents;
    for (const filter of filters) {
        if (filter !== 'FlateDecode') {
            throw new pdf_error_1.PdfError('PDF_UNREADABLE', `unsupported stream filter /${filter}`);
        }
        if (dictAt(stream.dict, 'DecodeParms')) {
            throw new pdf_error_1.PdfError('PDF_UNREADABLE', 'FlateDecode with DecodeParms (predictors) is not supported here');
        }
        try {
            // Sync-flush finishing tolerates streams whose writer omitted the final zlib block, as some
            // producers do; a really damaged payload still fails later when its XML is parsed.
            data = (0, node_zlib_1.inflateSync)(data, { maxOutputLength: maxBytes + 1, finishFlush: node_zlib_1.constants.Z_SYNC_FLUSH });
        }
        catch (err) {
            if (err.code === 'ERR_BUFFER_TOO_LARGE') {
                throw new pdf_error_1.PdfError('PDF_TOO_LARGE', `a stream inflates beyond ${maxBytes} bytes`);
            }
            throw new pdf_error_1.PdfError('PDF_UNREADABLE', `a FlateDecode stream is corrupt: ${err.message}`);
        }
    }
    if (data.byteLength > maxBytes) {
        throw new pdf_error_1.PdfError('PDF_TOO_LARGE', `a stream of ${data.byteLength} bytes exceeds the limit of ${maxBytes}`);
    }
    return data;
}
//# sourceMappingURL=pdf-objects.js.map