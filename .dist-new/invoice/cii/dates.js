"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readCiiDate = readCiiDate;
exports.toCiiDate = toCiiDate;
const xml_1 = require("../xml");
/**
 * CII dates are `udt:DateTimeString` (or `udt:DateString`) with a format attribute; EN 16931 only
 * allows format 102 (CCYYMMDD). Readable dates become ISO; anything else is kept raw for the rules.
 */
function readCiiDate(holder) {
    const el = (0, xml_1.child)(holder, 'DateTimeString') ?? (0, xml_1.child)(holder, 'DateString');
    if (!el)
        return holder ? '' : undefined;
    const raw = el.text.trim();
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
    return m && (el.attrs.format ?? '102') === '102' ? `${m[1]}-${m[2]}-${m[3]}` : raw;
}
/** ISO date to CCYYMMDD for format 102; text that is not an ISO date is written unchanged. */
function toCiiDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? `${m[1]}${m[2]}${m[3]}` : iso;
}
//# sourceMappingURL=dates.js.map