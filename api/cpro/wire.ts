/**
 * The answer shape of the State platform's API: every answer carries `codeRetour` (0 = success) and
 * `libelle`. Errors are HTTP 400 with a non-zero code, except authentication (401) and a structure
 * the application may not act for (403). The codes below are ours and stable (the platform publishes
 * only some of its own, e.g. 20003 for an attachment over 10 MB, which we reuse).
 */
export const CODES = {
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
} as const;

export const SUCCESS_LIBELLE = 'TRA_MSG_00.000';

/** A refusal on the /cpro surface, answered as {codeRetour, libelle, erreur}. */
export class CproError extends Error {
  constructor(
    readonly codeRetour: number,
    message: string,
    readonly field?: string,
    readonly status = 400,
    /** The native API's error code, when the refusal came from a shared service. */
    readonly nativeCode?: string,
  ) {
    super(message);
    this.name = 'CproError';
  }
}

/**
 * How Service mode answers each domain error code: its `codeRetour` and HTTP status (400 unless
 * given); and, for Service mode's own refusals (authentication of the technical account), the
 * platform's French text in place of the native code and message. A code missing here answers
 * REFUSED (400) with its native code.
 */
export interface WireRefusal {
  codeRetour: number;
  status?: number;
  libelle?: string;
}

/** A file the platform cannot read as an invoice: past a reading limit, or in an unsupported encoding. */
const FILE_INVALID: WireRefusal = { codeRetour: CODES.FILE_INVALID };
/** An attachment refused for its content (kind, name, PDF state). */
const ATTACHMENT_INVALID: WireRefusal = { codeRetour: CODES.ATTACHMENT_INVALID };
/** Throttled: the answer carries Retry-After, as the native API's. */
const TOO_MANY_REQUESTS: WireRefusal = { codeRetour: CODES.TOO_MANY_REQUESTS, status: 429 };

export const WIRE_CODES: Readonly<Record<string, WireRefusal>> = {
  INVALID_INPUT: { codeRetour: CODES.INVALID_INPUT },
  JSON_TOO_DEEP: { codeRetour: CODES.INVALID_INPUT },
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
  EMPTY_INVOICE: { codeRetour: CODES.FILE_INVALID },
  INVOICE_NOT_WELL_FORMED: { codeRetour: CODES.FILE_INVALID },
  NOT_AN_INVOICE: { codeRetour: CODES.FILE_INVALID },
  PDF_NO_INVOICE_XML: { codeRetour: CODES.FILE_INVALID },
  PDF_TOO_LARGE: { codeRetour: CODES.FILE_INVALID },
  INVOICE_UNIDENTIFIABLE: { codeRetour: CODES.INVOICE_UNIDENTIFIABLE },
  DUPLICATE_INVOICE: { codeRetour: CODES.INVOICE_DUPLICATE },
  NOT_A_MEMBER: { codeRetour: CODES.NOT_A_PARTY },
  PARTY_UNRESOLVED: { codeRetour: CODES.INVOICE_UNIDENTIFIABLE },
  PARTY_AMBIGUOUS: { codeRetour: CODES.INVOICE_UNIDENTIFIABLE },
  SERVICE_NOT_ALLOWED: { codeRetour: CODES.NOT_A_PARTY },
  INVOICE_NOT_FOUND: { codeRetour: CODES.INVOICE_NOT_FOUND },
  TRANSITION_NOT_ALLOWED: { codeRetour: CODES.TRANSITION_NOT_ALLOWED },
  REASON_REQUIRED: { codeRetour: CODES.REASON_REQUIRED },
  MANDATE_NUMBER_REQUIRED: { codeRetour: CODES.MANDATE_NUMBER_REQUIRED },
  ROUTING_INVALID: { codeRetour: CODES.ROUTING_INVALID },
  INVOICE_BUSY: { codeRetour: CODES.INVOICE_BUSY },
  INVOICE_CLOSED: { codeRetour: CODES.INVOICE_CLOSED },
  COMPLETION_EMPTY: { codeRetour: CODES.COMPLETION_EMPTY },
  ATTACHMENT_UNKNOWN: { codeRetour: CODES.ATTACHMENT_INVALID },
  ATTACHMENT_TOO_LARGE: { codeRetour: CODES.ATTACHMENT_TOO_LARGE },
  ATTACHMENTS_TOTAL_TOO_LARGE: { codeRetour: CODES.ATTACHMENT_TOO_LARGE },
  ATTACHMENT_NAME_INVALID: ATTACHMENT_INVALID,
  ATTACHMENT_EXTENSION_NOT_ALLOWED: ATTACHMENT_INVALID,
  FLOW_NOT_FOUND: { codeRetour: CODES.FLOW_NOT_FOUND },
  FLOW_NOT_SETTLED: { codeRetour: CODES.FLOW_NOT_SETTLED },
  STRUCTURE_NOT_FOUND: { codeRetour: CODES.STRUCTURE_NOT_FOUND },
  PAYLOAD_TOO_LARGE: { codeRetour: CODES.FILE_INVALID },
  INVALID_JSON: { codeRetour: CODES.INVALID_INPUT },
  TECHNICAL_ACCOUNT_INVALID: {
    codeRetour: CODES.ACCOUNT_INVALID,
    status: 401,
    libelle: 'En-tête cpro-account absent, mal formé, ou identifiants incorrects.',
  },
  TECHNICAL_ACCOUNT_PASSWORD_EXPIRED: {
    codeRetour: CODES.PASSWORD_EXPIRED,
    status: 401,
    libelle:
      'Le mot de passe du compte technique a expiré : le gestionnaire principal de la structure doit le réinitialiser.',
  },
};

export const ok = <T extends object>(body: T) => ({
  codeRetour: CODES.OK,
  libelle: SUCCESS_LIBELLE,
  ...body,
});
