"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.addPdfAParts = addPdfAParts;
const node_crypto_1 = require("node:crypto");
const node_zlib_1 = require("node:zlib");
const pdf_lib_1 = require("pdf-lib");
const assets_1 = require("../pdf/assets");
let iccDeflated;
/** The sRGB profile compressed once per process: every Factur-X carries the same bytes. */
function compressedIcc() {
    iccDeflated ??= (0, node_zlib_1.deflateSync)((0, assets_1.readAsset)('sRGB.icc'));
    return iccDeflated;
}
/**
 * The document-level parts PDF/A-3 asks for beyond what pdf-lib writes: an uncompressed XMP metadata
 * stream, an sRGB OutputIntent (we draw in DeviceRGB, which PDF/A allows only under an RGB output
 * intent), and a file identifier.
 */
function addPdfAParts(doc, xmp, idSeed) {
    const { context, catalog } = doc;
    // PDF/A-3 § 6.6.2.1: the metadata stream must not be filtered, so that any tool can read it.
    const metadata = context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
    catalog.set(pdf_lib_1.PDFName.of('Metadata'), context.register(metadata));
    const icc = pdf_lib_1.PDFRawStream.of(context.obj({ N: 3, Filter: 'FlateDecode' }), compressedIcc());
    const intent = context.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFA1',
        OutputConditionIdentifier: pdf_lib_1.PDFString.of('sRGB IEC61966-2.1'),
        Info: pdf_lib_1.PDFString.of('sRGB IEC61966-2.1'),
        RegistryName: pdf_lib_1.PDFString.of('http://www.color.org'),
        DestOutputProfile: context.register(icc),
    });
    catalog.set(pdf_lib_1.PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
    // Level B does not require tagging and this page has no structure tree, so we say "not marked".
    catalog.set(pdf_lib_1.PDFName.of('MarkInfo'), context.obj({ Marked: false }));
    const id = pdf_lib_1.PDFHexString.of((0, node_crypto_1.createHash)('md5').update(idSeed).digest('hex'));
    context.trailerInfo.ID = context.obj([id, id]);
}
//# sourceMappingURL=pdfa.js.map