"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FF_IBAN_01 = FF_IBAN_01;
const iban_1 = require("../iban");
const finding_1 = require("./finding");
/** UNTDID 4461 payment means that pay into the account of BT-84: credit transfer, to a bank account, SEPA. */
const TRANSFER_MEANS = ['30', '42', '58'];
/** An account id that starts with a country code and check digits claims to be an IBAN. */
const LOOKS_LIKE_IBAN = /^[A-Za-z]{2}\s*\d{2}/;
/**
 * FF-IBAN-01: every IBAN given for a transfer (BT-84) passes the ISO 13616 mod-97 check and has its
 * country's length. Account ids that are not IBANs at all (proprietary ids, allowed by EN 16931 for
 * accounts outside the IBAN area) are left alone.
 */
function FF_IBAN_01(invoice) {
    const payment = invoice.paymentInstructions;
    if (!payment || !TRANSFER_MEANS.includes(payment.typeCode?.trim() ?? ''))
        return [];
    return payment.creditTransfers.flatMap(({ accountId }) => {
        const account = accountId?.trim();
        if (!account || !LOOKS_LIKE_IBAN.test(account))
            return [];
        const problem = (0, iban_1.ibanProblem)(account);
        if (!problem)
            return [];
        return [
            (0, finding_1.platformFinding)('FF-IBAN-01', `L'IBAN du virement est invalide (${problem}). / The credit transfer IBAN is invalid (${problem}).`, 'BT-84'),
        ];
    });
}
//# sourceMappingURL=iban.js.map