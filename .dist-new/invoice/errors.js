"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DocumentTooComplexError = exports.InvoiceFormatError = void 0;
exports.xmlRefusalCode = xmlRefusalCode;
const xml_1 = require("./xml");
class InvoiceFormatError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'InvoiceFormatError';
    }
}
exports.InvoiceFormatError = InvoiceFormatError;
/**
 * A document refused for what reading it would cost: more CPU time or memory than one invoice is
 * given (the isolated reader ran out of its budget). The message names the budget.
 */
class DocumentTooComplexError extends Error {
    code = 'DOCUMENT_TOO_COMPLEX';
    constructor(message) {
        super(message);
        this.name = 'DocumentTooComplexError';
    }
}
exports.DocumentTooComplexError = DocumentTooComplexError;
/**
 * The refusal code of an XML error at a deposit: a limit hit (XML_TOO_DEEP, INVOICE_TOO_MANY_LINES…) or
 * an unsupported encoding keeps its own code, which names what to change; broken XML is
 * INVOICE_NOT_WELL_FORMED, with the parser's code in the details.
 */
function xmlRefusalCode(err) {
    return (0, xml_1.isLimitError)(err) || err.code === 'XML_ENCODING_UNSUPPORTED' ? err.code : 'INVOICE_NOT_WELL_FORMED';
}
//# sourceMappingURL=errors.js.map