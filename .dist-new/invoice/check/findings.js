"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHECK_RULES = void 0;
exports.fatal = fatal;
exports.warning = warning;
exports.errorCode = errorCode;
exports.errorMessage = errorMessage;
/**
 * Findings the checker itself raises, outside any standard's rule set. Ids are stable: API clients
 * and the CLI's JSON consumers match on them, and the message carries the typed error code.
 */
exports.CHECK_RULES = {
    /** The bytes are not a readable invoice (not XML/PDF, bad XML, PDF without invoice, unsupported syntax). */
    unreadable: 'FF-FORMAT-01',
    /** The file itself could not be read from disk (CLI only). */
    fileUnreadable: 'FF-FILE-01',
    /** The PDF's XMP metadata could not be read. */
    xmpUnreadable: 'FF-FACTURX-01',
    /** The XMP ConformanceLevel disagrees with the profile the embedded XML declares (BT-24). */
    xmpProfileMismatch: 'FF-FACTURX-02',
    /** A rule set that was asked for cannot run (missing context, or a validator failed on this input). */
    rulesNotRun: 'FF-CHECK-01',
    /** Too many findings to carry: the first ones, and the full list stored with the invoice. */
    findingsStored: 'FF-CHECK-02',
};
function fatal(rule, message, location) {
    return location ? { rule, severity: 'fatal', message, location } : { rule, severity: 'fatal', message };
}
function warning(rule, message, location) {
    return location ? { rule, severity: 'warning', message, location } : { rule, severity: 'warning', message };
}
/** A typed error's stable code, or the error's class name for anything untyped. */
function errorCode(err) {
    if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string')
        return err.code;
    return err instanceof Error ? err.name : 'UNKNOWN_ERROR';
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}
//# sourceMappingURL=findings.js.map