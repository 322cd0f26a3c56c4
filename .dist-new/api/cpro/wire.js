"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ok = exports.WIRE_CODES = exports.CproError = exports.SUCCESS_LIBELLE = exports.CODES = void 0;
/**
 * The answer shape of the State platform's API: every answer carries `codeRetour` (0 = success) and
 * `libelle`. Errors are HTTP 400 with a non-zero code, except authentication (401) and a structure
 * the application may not act for (403). The codes below are ours and stable (the platform publishes
 * only some of its own, e.g. 20003 for an attachment over 10 MB, which we reuse).
 */
exports.CODES = {
    OK: 0,
    /** Bearer token missing, unknown or expired. */
    TOKEN_INVALID: 10,
    /** cpro-account header missing, malformed, or wrong login / password. */
    ACCOUNT_INVALID: 11,
    /** The technical account's password has expired (424 days): the main manager must reset it. */
    PASSWORD_EXPIRED: 12,
    /** The technical account's structure is not one the application belongs to. */
    STRUCTURE_NOT_ALLOWED: 13,
    /** Too many attempts or requests (HTTP 429): try again after the Retry-After seconds. */
    TOO_MANY_REQUESTS: 14,
    /** A request field is missing or wrong (`champ` names it). */
    INVALID_INPUT: 20001,
    /** A base64 file is not base64, empty, or not an invoice the platform reads. */
    FILE_INVALID: 20002,
    ATTACHMENT_TOO_LARGE: 20003,
    ATTACHMENT_INVALID: 20004,
    INVOICE_NOT_FOUND: 20010,
    INVOICE_DUPLICATE: 20011,
    INVOICE_UNIDENTIFIABLE: 20012,
    /** The technical account's structure is not the invoice's supplier (or recipient) structure. */
    NOT_A_PARTY: 20013,
    TRANSITION_NOT_ALLOWED: 20020,
    REASON_REQUIRED: 20021,
    MANDATE_NUMBER_REQUIRED: 20022,
    ROUTING_INVALID: 20023,
    INVOICE_BUSY: 20024,
    INVOICE_CLOSED: 20025,
    COMPLETION_EMPTY: 20026,
    FLOW_NOT_FOUND: 20030,
    FLOW_SYNTAX_INVALID: 20031,
    FLOW_NOT_SETTLED: 20032,
    STRUCTURE_NOT_FOUND: 20040,
    SERVICE_NOT_FOUND: 20041,
    /** Any other refusal of the platform's rules; `erreur.code` gives the native code. */
    REFUSED: 20099,
    NOT_FOUND: 404,
    TECHNICAL_ERROR: 99,
};
exports.SUCCESS_LIBELLE = 'TRA_MSG_00.000';
/** A refusal on the /cpro surface, answered as {codeRetour, libelle, erreur}. */
class CproError extends Error {
    codeRetour;
    field;
    status;
    nativeCode;
    constructor(codeRetour, message, field, status = 400, 
    /** The native API's error code, when the refusal came from a shared service. */
    nativeCode) {
        super(message);
        this.codeRetour = codeRetour;
        this.field = field;
        this.status = status;
        this.nativeCode = nativeCode;
        this.name = 'CproError';
    }
}
exports.CproError = CproError;
/** A file the platform cannot read as an invoice: past a reading limit, or in an unsupported encoding. */
const FILE_INVALID = { codeRetour: exports.CODES.FILE_INVALID };
/** An attachment refused for its content (kind, name, PDF state). */
const ATTACHMENT_INVALID = { codeRetour: exports.CODES.ATTACHMENT_INVALID };
/** Throttled: the answer carries Retry-After, as the native API's. */
const TOO_MANY_REQUESTS = { codeRetour: exports.CODES.TOO_MANY_REQUESTS, status: 429 };
exports.WIRE_CODES = {
    INVALID_INPUT: { codeRetour: exports.CODES.INVALID_INPUT },
    JSON_TOO_DEEP: { codeRetour: exports.CODES.INVALID_INPUT },
    CREDENTIALS_LOCKED: TOO_MANY_REQUESTS,
    RATE_LIMITED: TOO_MANY_REQUESTS,
    XML_TOO_LARGE: FILE_INVALID,
    XML_TOO_DEEP: FILE_INVALID,
    XML_TOO_MANY_ELEMENTS: FILE_INVALID,
    XML_TOO_MANY_ATTRIBUTES: FILE_INVALID,
    XML_TEXT_TOO_LARGE: FILE_INVALID,
    XML_ENCODING_UNSUPPORTED: FILE_INVALID,
    INVOICE_TOO_MANY_LINES: FILE_INVALID,
    DOCUMENT_TOO_COMPLEX: FILE_INVALID,
    ATTACHMENT_TYPE_NOT_ALLOWED: ATTACHMENT_INVALID,
    ATTACHMENT_TYPE_MISMATCH: ATTACHMENT_INVALID,
    ATTACHMENT_ACTIVE_CONTENT: ATTACHMENT_INVALID,
    PDF_ENCRYPTED: ATTACHMENT_INVALID,
    PDF_TRUNCATED: ATTACHMENT_INVALID,
    EMPTY_INVOICE: { codeRetour: exports.CODES.FILE_INVALID },
    INVOICE_NOT_WELL_FORMED: { codeRetour: exports.CODES.FILE_INVALID },
    NOT_AN_INVOICE: { codeRetour: exports.CODES.FILE_INVALID },
    PDF_NO_INVOICE_XML: { codeRetour: exports.CODES.FILE_INVALID },
    PDF_TOO_LARGE: { codeRetour: exports.CODES.FILE_INVALID },
    INVOICE_UNIDENTIFIABLE: { codeRetour: exports.CODES.INVOICE_UNIDENTIFIABLE },
    DUPLICATE_INVOICE: { codeRetour: exports.CODES.INVOICE_DUPLICATE },
    NOT_A_MEMBER: { codeRetour: exports.CODES.NOT_A_PARTY },
    PARTY_UNRESOLVED: { codeRetour: exports.CODES.INVOICE_UNIDENTIFIABLE },
    PARTY_AMBIGUOUS: { codeRetour: exports.CODES.INVOICE_UNIDENTIFIABLE },
    SERVICE_NOT_ALLOWED: { codeRetour: exports.CODES.NOT_A_PARTY },
    INVOICE_NOT_FOUND: { codeRetour: exports.CODES.INVOICE_NOT_FOUND },
    TRANSITION_NOT_ALLOWED: { codeRetour: exports.CODES.TRANSITION_NOT_ALLOWED },
    REASON_REQUIRED: { codeRetour: exports.CODES.REASON_REQUIRED },
    MANDATE_NUMBER_REQUIRED: { codeRetour: exports.CODES.MANDATE_NUMBER_REQUIRED },
    ROUTING_INVALID: { codeRetour: exports.CODES.ROUTING_INVALID },
    INVOICE_BUSY: { codeRetour: exports.CODES.INVOICE_BUSY },
    INVOICE_CLOSED: { codeRetour: exports.CODES.INVOICE_CLOSED },
    COMPLETION_EMPTY: { codeRetour: exports.CODES.COMPLETION_EMPTY },
    ATTACHMENT_UNKNOWN: { codeRetour: exports.CODES.ATTACHMENT_INVALID },
    ATTACHMENT_TOO_LARGE: { codeRetour: exports.CODES.ATTACHMENT_TOO_LARGE },
    ATTACHMENTS_TOTAL_TOO_LARGE: { codeRetour: exports.CODES.ATTACHMENT_TOO_LARGE },
    ATTACHMENT_NAME_INVALID: ATTACHMENT_INVALID,
    ATTACHMENT_EXTENSION_NOT_ALLOWED: ATTACHMENT_INVALID,
    FLOW_NOT_FOUND: { codeRetour: exports.CODES.FLOW_NOT_FOUND },
    FLOW_NOT_SETTLED: { codeRetour: exports.CODES.FLOW_NOT_SETTLED },
    STRUCTURE_NOT_FOUND: { codeRetour: exports.CODES.STRUCTURE_NOT_FOUND },
    PAYLOAD_TOO_LARGE: { codeRetour: exports.CODES.FILE_INVALID },
    INVALID_JSON: { codeRetour: exports.CODES.INVALID_INPUT },
    TECHNICAL_ACCOUNT_INVALID: {
        codeRetour: exports.CODES.ACCOUNT_INVALID,
        status: 401,
        libelle: 'En-tête cpro-account absent, mal formé, ou identifiants incorrects.',
    },
    TECHNICAL_ACCOUNT_PASSWORD_EXPIRED: {
        codeRetour: exports.CODES.PASSWORD_EXPIRED,
        status: 401,
        libelle: 'Le mot de passe du compte technique a expiré : le gestionnaire principal de la structure doit le réinitialiser.',
    },
};
const ok = (body) => ({
    codeRetour: exports.CODES.OK,
    libelle: exports.SUCCESS_LIBELLE,
    ...body,
});
exports.ok = ok;
//# sourceMappingURL=wire.js.map