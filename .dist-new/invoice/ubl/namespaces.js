"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UBL_NS = void 0;
/** OASIS UBL 2.1 namespaces. */
exports.UBL_NS = {
    invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
    creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
    cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
    cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
//# sourceMappingURL=namespaces.js.map