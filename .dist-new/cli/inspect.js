"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inspectFile = inspectFile;
exports.inspectionRows = inspectionRows;
const read_1 = require("../invoice/check/read");
const exit_codes_1 = require("./exit-codes");
const output_1 = require("./output");
const read_file_1 = require("./read-file");
/** UNTDID 1001 codes met on Chorus Pro, named so a person reading the table need not look them up. */
const TYPE_NAMES = {
    '380': 'commercial invoice',
    '381': 'credit note',
    '384': 'corrected invoice',
    '386': 'prepayment invoice',
    '389': 'self-billed invoice',
    '261': 'self-billed credit note',
};
/** Prints what a file is and its key facts as a short aligned table. Returns the exit code. */
async function inspectFile(input) {
    const bytes = await (0, read_file_1.readFileOrFinding)(input);
    if (!(bytes instanceof Uint8Array)) {
        process.stderr.write(`facturflow inspect: ${bytes.message}\n`);
        return exit_codes_1.EXIT.unreadable;
    }
    const file = await (0, read_1.readInvoiceFile)(bytes);
    if (!file.readable) {
        process.stdout.write((0, output_1.table)([
            ['File', input],
            ['Format', file.reportedFormat],
        ]));
        process.stderr.write(`facturflow inspect: ${input} is not a readable invoice: ${file.finding.message}\n`);
        return exit_codes_1.EXIT.unreadable;
    }
    process.stdout.write((0, output_1.table)(inspectionRows(input, file)));
    return exit_codes_1.EXIT.ok;
}
function inspectionRows(input, file) {
    const inv = file.invoice;
    const rows = [
        ['File', input],
        ['Format', file.reportedFormat],
        ['Profile', file.profile ?? '-'],
    ];
    if (file.pdf) {
        const pdfa = file.pdf.pdfa ? `PDF/A-${file.pdf.pdfa.part}${file.pdf.pdfa.conformance}` : 'not PDF/A';
        rows.push(['PDF', `${pdfa}, XMP level ${file.pdf.profile ?? '-'}, XML in ${file.pdf.filename}`]);
    }
    rows.push(['Number', inv.number || '-'], ['Issue date', inv.issueDate || '-'], [
        'Type',
        TYPE_NAMES[inv.typeCode] ? `${inv.typeCode} (${TYPE_NAMES[inv.typeCode]})` : inv.typeCode || '-',
    ], ['Currency', inv.currencyCode || '-'], ['Seller', inv.seller.name ?? '-'], ['Seller ids', ids([inv.seller.legalRegistrationId, ...inv.seller.identifiers], inv.seller.vatId)], ['Buyer', inv.buyer.name ?? '-'], ['Buyer ids', ids([inv.buyer.legalRegistrationId, inv.buyer.identifier], inv.buyer.vatId)], ['Buyer reference', inv.buyerReference ?? '-'], ['Order reference', inv.purchaseOrderReference ?? '-'], ['Total without VAT', amount(inv.totals.taxExclusiveAmount, inv.currencyCode)], ['VAT', amount(inv.totals.vatTotal, inv.currencyCode)], ['Total with VAT', amount(inv.totals.taxInclusiveAmount, inv.currencyCode)], ['Amount due', amount(inv.totals.amountDue, inv.currencyCode)], ['Lines', String(inv.lines.length)], ['Attachments', attachments(file, inv)]);
    return rows;
}
function ids(identifiers, vatId) {
    const parts = identifiers
        .filter((id) => !!id?.value)
        .map((id) => (id.schemeId ? `${id.value} (${id.schemeId})` : id.value));
    if (vatId)
        parts.push(`VAT ${vatId}`);
    return [...new Set(parts)].join(', ') || '-';
}
/** Only the VAT total must carry its currency in the XML; the others are in the invoice currency (BT-5). */
function amount(a, invoiceCurrency) {
    return a ? `${a.value} ${a.currencyId ?? invoiceCurrency}`.trim() : '-';
}
/** Files embedded in the PDF besides the invoice XML, and documents attached inside the XML (BG-24). */
function attachments(file, inv) {
    const names = (file.pdf?.attachments ?? [])
        .filter((a) => a.filename !== file.pdf?.filename)
        .map((a) => `${a.filename} (${a.size} bytes, in PDF)`);
    for (const doc of inv.supportingDocuments) {
        if (doc.attachment)
            names.push(`${doc.attachment.filename ?? doc.reference} (in XML)`);
    }
    return names.join(', ') || 'none';
}
//# sourceMappingURL=inspect.js.map