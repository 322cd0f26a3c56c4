"use strict";
/**
 * The EN 16931-1 semantic data model of an electronic invoice, one field per business term.
 *
 * Conventions every reader, writer and rule relies on:
 * - Amounts, quantities, prices, rates and percentages are strings holding the exact decimal text as
 *   written in the source (never JS numbers: binary floats cannot hold 0.1). Use invoice/decimal.ts to
 *   compute with them.
 * - A field is `undefined` when its element is absent and `''` when the element is present but empty,
 *   so a rule can tell "missing" from "empty" as the official Schematron does.
 * - Dates are ISO `YYYY-MM-DD` when the source date could be read; otherwise the raw source text is
 *   kept so a rule can report it.
 * - Code attributes of the syntax (currencyID, schemeID, unitCode, listID...) are kept.
 * - Terms the standard allows at most once, but that a bad document repeats, are read from their first
 *   occurrence and counted in `repeated` (keyed by BT/BG id) so rules can count them.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.CREDIT_NOTE_TYPE_CODES = void 0;
exports.isCreditNote = isCreditNote;
/** UNTDID 1001 codes that make a document a credit note (written as UBL CreditNote). */
exports.CREDIT_NOTE_TYPE_CODES = [
    '81',
    '83',
    '261',
    '262',
    '296',
    '308',
    '381',
    '396',
    '420',
    '458',
    '532',
];
/** True when the type code makes this document a credit note. */
function isCreditNote(invoice) {
    return exports.CREDIT_NOTE_TYPE_CODES.includes(invoice.typeCode);
}
//# sourceMappingURL=model.js.map