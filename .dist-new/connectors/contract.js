"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isMalformedRecord = exports.isRateLimited = exports.isCredentialsRejected = exports.MalformedRecord = exports.RateLimited = exports.CredentialsRejected = void 0;
/** The ERP refused the credentials: retrying cannot help, a person must fix them. */
class CredentialsRejected extends Error {
    code = 'CONNECTOR_CREDENTIALS_REJECTED';
    constructor(message) {
        super(message);
        this.name = 'CredentialsRejected';
    }
}
exports.CredentialsRejected = CredentialsRejected;
/** The ERP asked to slow down (HTTP 429); retry after this many seconds. */
class RateLimited extends Error {
    retryAfterSeconds;
    code = 'CONNECTOR_RATE_LIMITED';
    constructor(retryAfterSeconds) {
        super(`The ERP asked to wait ${retryAfterSeconds} s (HTTP 429).`);
        this.retryAfterSeconds = retryAfterSeconds;
        this.name = 'RateLimited';
    }
}
exports.RateLimited = RateLimited;
/** One ERP record cannot be turned into an invoice; the sync reports it and goes on. */
class MalformedRecord extends Error {
    externalId;
    code = 'CONNECTOR_MALFORMED_RECORD';
    constructor(externalId, message) {
        super(message);
        this.externalId = externalId;
        this.name = 'MalformedRecord';
    }
}
exports.MalformedRecord = MalformedRecord;
// A packaged connector brings its own copies of these classes, so errors are recognised by their code.
const codeOf = (err) => err?.code;
const isCredentialsRejected = (err) => codeOf(err) === 'CONNECTOR_CREDENTIALS_REJECTED';
exports.isCredentialsRejected = isCredentialsRejected;
const isRateLimited = (err) => codeOf(err) === 'CONNECTOR_RATE_LIMITED' && typeof err.retryAfterSeconds === 'number';
exports.isRateLimited = isRateLimited;
const isMalformedRecord = (err) => codeOf(err) === 'CONNECTOR_MALFORMED_RECORD';
exports.isMalformedRecord = isMalformedRecord;
//# sourceMappingURL=contract.js.map