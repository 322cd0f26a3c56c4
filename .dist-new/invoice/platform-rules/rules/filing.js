"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUSINESS_KEY_RULES = void 0;
exports.filingFindings = filingFindings;
const finding_1 = require("./finding");
const where = (ubl, cii) => (id) => id.syntax === 'ubl' ? ubl : cii;
/**
 * The identifiers an invoice is filed and routed by: its business key (supplier, year, number) and its
 * recipient. Each rule is one fact; deposits refuse a file that lacks the first three before anything
 * is stored, and the invoice's checks report all four.
 */
const FILING_RULES = {
    'FF-ROUTE-01': {
        missing: (id) => !id.number,
        message: 'The invoice number (BT-1) is missing.',
        location: where('/*/cbc:ID', '//rsm:ExchangedDocument/ram:ID'),
    },
    'FF-ROUTE-02': {
        missing: (id) => !id.issueDate || !/^\d{4}-\d{2}-\d{2}$/.test(id.issueDate),
        message: 'The invoice issue date (BT-2) is missing or not a date.',
        location: where('/*/cbc:IssueDate', '//ram:IssueDateTime'),
    },
    'FF-ROUTE-03': {
        missing: (id) => !id.seller.id,
        message: 'The seller (supplier) carries no identifier to file the invoice under (BT-30, BT-29, BT-31 or BT-34).',
        location: where('/*/cac:AccountingSupplierParty', '//ram:SellerTradeParty'),
    },
    'FF-ROUTE-04': {
        missing: (id) => !id.buyer.id,
        message: 'The buyer (recipient) carries no identifier to route the invoice to (BT-47, BT-46, BT-48 or BT-49).',
        location: where('/*/cac:AccountingCustomerParty', '//ram:BuyerTradeParty'),
    },
};
/** The rules without which an invoice has no business key to be filed under. */
exports.BUSINESS_KEY_RULES = ['FF-ROUTE-01', 'FF-ROUTE-02', 'FF-ROUTE-03'];
/** FF-ROUTE-01..04 (or the ones asked for), in that order. */
function filingFindings(id, rules = Object.keys(FILING_RULES)) {
    return rules
        .filter((rule) => FILING_RULES[rule].missing(id))
        .map((rule) => (0, finding_1.platformFinding)(rule, FILING_RULES[rule].message, FILING_RULES[rule].location(id)));
}
//# sourceMappingURL=filing.js.map