"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FacturXWriteError = void 0;
/** Why a Factur-X PDF could not be written; `code` is stable. */
class FacturXWriteError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'FacturXWriteError';
    }
}
exports.FacturXWriteError = FacturXWriteError;
//# sourceMappingURL=write-error.js.map