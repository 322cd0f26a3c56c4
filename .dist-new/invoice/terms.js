"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TermReader = void 0;
exports.textOf = textOf;
exports.amountOf = amountOf;
exports.identifierOf = identifierOf;
exports.withoutUndefined = withoutUndefined;
exports.groupOrUndefined = groupOrUndefined;
const xml_1 = require("./xml");
/**
 * Reading helpers shared by the UBL and CII readers. They keep absent (undefined) apart from empty
 * (''), keep code attributes, and count terms that a bad document repeats beyond what the standard
 * allows, so a rule can judge the fragment instead of the reader silently dropping data.
 */
class TermReader {
    repeated = {};
    /** First child named `name`; when there are several, records the count under `term`. */
    one(parent, name, term) {
        const found = (0, xml_1.children)(parent, name);
        if (found.length > 1)
            this.repeated[term] = Math.max(this.repeated[term] ?? 0, found.length);
        return found[0];
    }
    /** Follows a path of single elements; a repeat at any step is counted under `term`. */
    path(parent, term, ...names) {
        let cur = parent;
        for (const n of names)
            cur = this.one(cur, n, term);
        return cur;
    }
    text(parent, term, ...names) {
        return textOf(this.path(parent, term, ...names));
    }
    amount(parent, term, ...names) {
        return amountOf(this.path(parent, term, ...names));
    }
    quantity(parent, term, ...names) {
        const el = this.path(parent, term, ...names);
        return el ? withoutUndefined({ value: el.text.trim(), unitCode: el.attrs.unitCode }) : undefined;
    }
    identifier(parent, term, ...names) {
        return identifierOf(this.path(parent, term, ...names));
    }
    /** The repeated-term record, or undefined when nothing was repeated. */
    result() {
        return Object.keys(this.repeated).length ? { ...this.repeated } : undefined;
    }
}
exports.TermReader = TermReader;
function textOf(el) {
    return el ? el.text.trim() : undefined;
}
function amountOf(el) {
    return el ? withoutUndefined({ value: el.text.trim(), currencyId: el.attrs.currencyID }) : undefined;
}
function identifierOf(el) {
    return el ? withoutUndefined({ value: el.text.trim(), schemeId: el.attrs.schemeID }) : undefined;
}
/** Drops keys whose value is undefined, so absent terms are absent keys (deep-equal friendly). */
function withoutUndefined(obj) {
    for (const key of Object.keys(obj))
        if (obj[key] === undefined)
            delete obj[key];
    return obj;
}
/** An object made only of undefined terms is the same as an absent group. */
function groupOrUndefined(obj) {
    const clean = withoutUndefined(obj);
    return Object.values(clean).some((v) => !(Array.isArray(v) && v.length === 0)) ? clean : undefined;
}
//# sourceMappingURL=terms.js.map