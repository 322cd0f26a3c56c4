"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PdfError = void 0;
class PdfError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'PdfError';
    }
}
exports.PdfError = PdfError;
//# sourceMappingURL=pdf-error.js.map