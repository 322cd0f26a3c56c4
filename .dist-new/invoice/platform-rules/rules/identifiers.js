"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FF_SIRET_01 = FF_SIRET_01;
exports.FF_SIREN_01 = FF_SIREN_01;
const french_ids_1 = require("../french-ids");
const finding_1 = require("./finding");
/** ISO 6523 ICD codes of the French registers. */
const SIREN_SCHEME = '0002';
const SIRET_SCHEME = '0009';
function isFrench(address, vatId) {
    return address?.countryCode?.trim().toUpperCase() === 'FR' || /^FR/i.test(vatId?.trim() ?? '');
}
/**
 * The kind of register number an identifier claims to be: by its scheme, or, for the legal registration
 * id of a French party written without a scheme, by its length (9 digits SIREN, 14 digits SIRET).
 */
function kindOf(id, legalIdOfFrenchParty) {
    const scheme = id.schemeId?.trim();
    if (scheme === SIRET_SCHEME)
        return 'siret';
    if (scheme === SIREN_SCHEME)
        return 'siren';
    if (scheme || !legalIdOfFrenchParty)
        return undefined;
    if (/^\d{14}$/.test(id.value.trim()))
        return 'siret';
    if (/^\d{9}$/.test(id.value.trim()))
        return 'siren';
    return undefined;
}
/** Seller (BT-29, BT-30) and buyer (BT-46, BT-47) identifiers that are SIREN or SIRET numbers. */
function registerNumbers(invoice) {
    const { seller, buyer } = invoice;
    const sellerFrench = isFrench(seller.address, seller.vatId);
    const buyerFrench = isFrench(buyer.address, buyer.vatId);
    const candidates = [
        ...seller.identifiers.map((id) => [id, 'BT-29', false]),
        [seller.legalRegistrationId, 'BT-30', sellerFrench],
        [buyer.identifier, 'BT-46', false],
        [buyer.legalRegistrationId, 'BT-47', buyerFrench],
    ];
    return candidates.flatMap(([id, term, legalIdOfFrenchParty]) => {
        const kind = id && kindOf(id, legalIdOfFrenchParty);
        return kind ? [{ value: id.value.trim(), term, kind }] : [];
    });
}
/** FF-SIRET-01: a SIRET has 14 digits and a valid checksum (Luhn, or La Poste's digit sum). */
function FF_SIRET_01(invoice) {
    return registerNumbers(invoice)
        .filter(({ kind, value }) => kind === 'siret' && !(0, french_ids_1.isValidSiret)(value))
        .map(({ value, term }) => (0, finding_1.platformFinding)('FF-SIRET-01', `Le SIRET "${value}" est invalide (14 chiffres et clé de contrôle attendus). / ` +
        `SIRET "${value}" is invalid (14 digits with a valid check digit expected).`, term));
}
/** FF-SIREN-01: a SIREN has 9 digits and a valid Luhn checksum. */
function FF_SIREN_01(invoice) {
    return registerNumbers(invoice)
        .filter(({ kind, value }) => kind === 'siren' && !(0, french_ids_1.isValidSiren)(value))
        .map(({ value, term }) => (0, finding_1.platformFinding)('FF-SIREN-01', `Le SIREN "${value}" est invalide (9 chiffres et clé de contrôle attendus). / ` +
        `SIREN "${value}" is invalid (9 digits with a valid check digit expected).`, term));
}
//# sourceMappingURL=identifiers.js.map