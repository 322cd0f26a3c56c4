"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.partyKeys = partyKeys;
const french_ids_1 = require("./french-ids");
/** ISO 6523 ICD codes French invoices use: SIREN, SIRET, and the French electronic address (SIREN[_SIRET…]). */
const SIREN_SCHEME = '0002';
const SIRET_SCHEME = '0009';
const FRENCH_ADDRESS_SCHEME = '0225';
const VAT_TERMS = ['BT-31', 'BT-48'];
/**
 * Reads SIRET and SIREN numbers wherever French suppliers put them: BT-29/BT-30 and BT-46/BT-47 with
 * scheme 0009 or 0002 (a SIRET under 0002 is still a SIRET), or without a scheme when the digits carry
 * a valid key; the VAT number FR + key + SIREN; the electronic addresses under 0009, 0002 or 0225.
 * Spaces and dots people type are ignored.
 */
function partyKeys(identifiers) {
    const keys = { sirets: [], others: [], sirens: [] };
    const add = (list, value) => {
        if (!list.includes(value))
            list.push(value);
    };
    for (const id of identifiers) {
        const found = frenchNumbers(id);
        found.sirets.forEach((siret) => add(keys.sirets, siret));
        found.sirens.forEach((siren) => add(keys.sirens, siren));
        if (found.sirets.length === 0)
            add(keys.others, id.value.trim());
    }
    // A SIRET names its company too: when the establishment is not registered, its SIREN may be.
    keys.sirets.forEach((siret) => add(keys.sirens, siret.slice(0, 9)));
    return keys;
}
function frenchNumbers(id) {
    const scheme = id.scheme?.trim();
    if (VAT_TERMS.includes(id.term)) {
        const vat = /^FR(\d{2})(\d{9})$/.exec(id.value.replace(/[\s.]/g, '').toUpperCase());
        const french = vat && (0, french_ids_1.isValidSiren)(vat[2]) && (0, french_ids_1.frenchVatKey)(vat[2]) === vat[1];
        return { sirets: [], sirens: french ? [vat[2]] : [] };
    }
    if (scheme === FRENCH_ADDRESS_SCHEME) {
        const parts = id.value.trim().split('_').map(french_ids_1.digitsOnly);
        return {
            sirets: parts.filter(french_ids_1.isValidSiret),
            sirens: (0, french_ids_1.isValidSiren)(parts[0]) ? [parts[0]] : [],
        };
    }
    if (scheme && scheme !== SIREN_SCHEME && scheme !== SIRET_SCHEME)
        return { sirets: [], sirens: [] };
    const digits = (0, french_ids_1.digitsOnly)(id.value);
    if ((0, french_ids_1.isValidSiret)(digits))
        return { sirets: [digits], sirens: [] };
    if ((0, french_ids_1.isValidSiren)(digits))
        return { sirets: [], sirens: [digits] };
    return { sirets: [], sirens: [] };
}
//# sourceMappingURL=parties.js.map