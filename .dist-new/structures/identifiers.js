"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDENTIFIER_TYPES = exports.frenchVatKey = void 0;
exports.identifierProblem = identifierProblem;
exports.vatNumberProblem = vatNumberProblem;
exports.bicProblem = bicProblem;
exports.maskIban = maskIban;
exports.identityKey = identityKey;
exports.companyOf = companyOf;
exports.mislabelledFrenchId = mislabelledFrenchId;
const french_ids_1 = require("../invoice/platform-rules/french-ids");
Object.defineProperty(exports, "frenchVatKey", { enumerable: true, get: function () { return french_ids_1.frenchVatKey; } });
/** typeIdentifiantStructure: how a structure is identified on the platform. */
exports.IDENTIFIER_TYPES = [
    'SIRET',
    'UE_HORS_FRANCE',
    'HORS_UE',
    'RIDET',
    'TAHITI',
    'PARTICULIER',
    'AUTRE',
];
// Formats outside metropolitan France (unconfirmed): RIDET (New Caledonia) is a 7-digit company number
// plus a 3-digit establishment rank; the numéro TAHITI is 6 characters plus a 3-digit rank; an EU
// identifier is a VAT number without its French key rule. Others are free text the platform cannot check.
const IDENTIFIER_FORMATS = {
    UE_HORS_FRANCE: /^[A-Z]{2}[A-Z0-9+*]{2,12}$/,
    HORS_UE: /^[A-Za-z0-9 ./-]{1,80}$/,
    RIDET: /^\d{10}$/,
    TAHITI: /^[A-Z0-9]{6}\d{3}$/,
    PARTICULIER: /^.{1,80}$/,
    AUTRE: /^.{1,80}$/,
};
/** Why a structure identifier is invalid for its type (SIRET: Luhn, with La Poste's exception). */
function identifierProblem(type, identifier) {
    if (type === 'SIRET') {
        return (0, french_ids_1.isValidSiret)(identifier)
            ? undefined
            : {
                code: 'SIRET_INVALID',
                field: 'body.identifier',
                message: `${identifier} is not a valid SIRET (14 digits, Luhn checksum).`,
            };
    }
    return IDENTIFIER_FORMATS[type].test(identifier)
        ? undefined
        : {
            code: 'IDENTIFIER_INVALID',
            field: 'body.identifier',
            message: `${identifier} is not a valid ${type} identifier.`,
        };
}
/**
 * Why an intra-EU VAT number is invalid: a French one must be FR + its key + the SIREN (and the SIREN
 * the structure's own when it is identified by SIRET); other member states are checked for shape only.
 */
function vatNumberProblem(vat, siret) {
    const bad = (why) => ({
        code: 'VAT_NUMBER_INVALID',
        field: 'body.vatNumber',
        message: `${vat} is not a valid intra-EU VAT number: ${why}.`,
    });
    if (!/^[A-Z]{2}[A-Z0-9+*]{2,12}$/.test(vat))
        return bad('expected a country code and 2 to 12 characters');
    if (!vat.startsWith('FR'))
        return undefined;
    const match = /^FR(\d{2})(\d{9})$/.exec(vat);
    if (!match)
        return bad('FR numbers are FR, a 2-digit key and the 9-digit SIREN');
    const [, key, siren] = match;
    if ((0, french_ids_1.frenchVatKey)(siren) !== key)
        return bad(`the key for SIREN ${siren} is ${(0, french_ids_1.frenchVatKey)(siren)}`);
    if (siret && !siret.startsWith(siren))
        return bad(`its SIREN is not the one of SIRET ${siret}`);
    return undefined;
}
/** BIC (ISO 9362): bank, country, location, optional branch. */
function bicProblem(bic) {
    return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)
        ? undefined
        : {
            code: 'BIC_INVALID',
            field: 'body.bic',
            message: `${bic} is not a valid BIC (8 or 11 characters).`,
        };
}
/** An IBAN shown in logs and listings to people who need not see it whole: country, key, last 4. */
function maskIban(iban) {
    return `${iban.slice(0, 4)}${'*'.repeat(Math.max(iban.length - 8, 0))}${iban.slice(-4)}`;
}
/**
 * The identity a structure claims, whatever its type label: the identifier in capitals without the
 * spaces, dots and dashes people type. Two structures never share it, so "AUTRE 123456789" and
 * "HORS_UE 123 456 789" are one party, held by whoever claimed it first.
 */
function identityKey(identifier) {
    return identifier.toUpperCase().replace(/[\s.\-\u00a0\u202f]/g, '');
}
/**
 * The company (SIREN) an identity key names, if any: a SIRET's first 9 digits, 9 digits taken as a
 * SIREN, or the SIREN inside a French VAT number. The SIREN is the legal entity and a SIRET one of
 * its establishments: once a company is on the platform, only its members register its other
 * establishments, and nobody else claims its SIREN under another label.
 */
function companyOf(key) {
    if (/^\d{9}$/.test(key))
        return key;
    if ((0, french_ids_1.isValidSiret)(key))
        return key.slice(0, 9);
    const vat = /^FR(\d{2})(\d{9})$/.exec(key);
    if (vat && (0, french_ids_1.frenchVatKey)(vat[2]) === vat[1])
        return vat[2];
    return undefined;
}
/**
 * A French company number registered under another label: a valid SIRET, or a French VAT number,
 * is checked against the company registry only as a SIRET, so it is taken only as a SIRET.
 */
function mislabelledFrenchId(type, identifier) {
    if (type === 'SIRET')
        return undefined;
    const key = identityKey(identifier);
    const vat = /^FR(\d{2})(\d{9})$/.exec(key);
    const french = (0, french_ids_1.isValidSiret)(key) || (vat && (0, french_ids_1.frenchVatKey)(vat[2]) === vat[1]);
    return french
        ? {
            code: 'IDENTIFIER_TYPE_MISMATCH',
            field: 'body.identifierType',
            message: `${identifier} est un identifiant d'entreprise française : enregistrez la structure avec son SIRET (identifierType SIRET).`,
        }
        : undefined;
}
//# sourceMappingURL=identifiers.js.map