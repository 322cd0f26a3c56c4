"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchAttributes = exports.RaccordementStatus = exports.SupportStatus = exports.AttachmentStatus = exports.RequesterEmail = exports.StructureId = exports.InvoiceStatus = exports.InvoiceNumber = exports.RecipientSiret = exports.SupplierSiret = void 0;
const common_1 = require("@temporalio/common");
/** Custom search attributes, so operators can find an invoice, a request or a connection in the Temporal Web UI. */
exports.SupplierSiret = (0, common_1.defineSearchAttributeKey)('SupplierSiret', common_1.SearchAttributeType.KEYWORD);
exports.RecipientSiret = (0, common_1.defineSearchAttributeKey)('RecipientSiret', common_1.SearchAttributeType.KEYWORD);
exports.InvoiceNumber = (0, common_1.defineSearchAttributeKey)('InvoiceNumber', common_1.SearchAttributeType.KEYWORD);
exports.InvoiceStatus = (0, common_1.defineSearchAttributeKey)('InvoiceStatus', common_1.SearchAttributeType.KEYWORD);
exports.StructureId = (0, common_1.defineSearchAttributeKey)('StructureId', common_1.SearchAttributeType.KEYWORD);
exports.RequesterEmail = (0, common_1.defineSearchAttributeKey)('RequesterEmail', common_1.SearchAttributeType.KEYWORD);
/** A membership request's status (the name predates the membership vocabulary; registered servers know it so). */
exports.AttachmentStatus = (0, common_1.defineSearchAttributeKey)('AttachmentStatus', common_1.SearchAttributeType.KEYWORD);
exports.SupportStatus = (0, common_1.defineSearchAttributeKey)('SupportStatus', common_1.SearchAttributeType.KEYWORD);
/**
 * A connection's onboarding status (QUALIFICATION, QUALIFIEE, PRODUCTION), for managers and operators.
 * A one-element keyword list: the local dev server has no plain keyword attribute left (ten at most).
 */
exports.RaccordementStatus = (0, common_1.defineSearchAttributeKey)('RaccordementStatus', common_1.SearchAttributeType.KEYWORD_LIST);
/** Every key above: a server (the dev server, the test environments) must register them before use. */
exports.searchAttributes = [
    exports.SupplierSiret,
    exports.RecipientSiret,
    exports.InvoiceNumber,
    exports.InvoiceStatus,
    exports.StructureId,
    exports.RequesterEmail,
    exports.AttachmentStatus,
    exports.SupportStatus,
    exports.RaccordementStatus,
];
//# sourceMappingURL=search-attributes.js.map