"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DomainError = void 0;
/**
 * A refusal by a business rule: a stable code (`NOT_A_MEMBER`, `DUPLICATE_INVOICE`...), a message, and
 * details naming the offending field. Features throw it and know nothing of transports; each edge turns
 * the code into its own answer (HTTP status, Service mode `codeRetour`, a sentence in French).
 */
class DomainError extends Error {
    code;
    details;
    constructor(code, message, details) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = 'DomainError';
    }
}
exports.DomainError = DomainError;
//# sourceMappingURL=domain-error.js.map