"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.luhnValid = luhnValid;
exports.isValidSiren = isValidSiren;
exports.isValidSiret = isValidSiret;
exports.frenchVatKey = frenchVatKey;
exports.digitsOnly = digitsOnly;
/** SIREN of La Poste, whose establishments outnumber what a Luhn-checked 5-digit NIC can number. */
const LA_POSTE_SIREN = '356000000';
/** Luhn (mod 10) checksum over a digit string, as INSEE uses for SIREN and SIRET. */
function luhnValid(digits) {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let digit = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 === 0;
}
function isValidSiren(value) {
    return /^\d{9}$/.test(value) && luhnValid(value);
}
/**
 * A SIRET is its SIREN plus a 5-digit NIC, Luhn-valid as a whole; La Poste's SIRETs are valid instead
 * when their plain digit sum is a multiple of 5 (its head office, 35600000000048, is Luhn-valid too).
 */
function isValidSiret(value) {
    if (!/^\d{14}$/.test(value) || !isValidSiren(value.slice(0, 9)))
        return false;
    if (luhnValid(value))
        return true;
    const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
    return value.startsWith(LA_POSTE_SIREN) && digitSum % 5 === 0;
}
/** The French VAT key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97, two digits. */
function frenchVatKey(siren) {
    return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}
/** An identifier as people type it ("412 345 678 00012", "412.345.678"): its digits only. */
function digitsOnly(text) {
    return /^[\d\s.\u00a0\u202f]+$/.test(text.trim()) ? text.replace(/[^\d]/g, '') : text.trim();
}
//# sourceMappingURL=french-ids.js.map