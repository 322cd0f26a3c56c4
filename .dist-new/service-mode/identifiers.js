"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.wireId = wireId;
exports.wireIds = wireIds;
exports.internalId = internalId;
const store_1 = require("./store");
/**
 * The platform's wire gives invoices, structures, services and files integer identifiers. Ours are
 * strings; each gets a stable integer the first time it is shown, kept in `cpro_identifiers`.
 */
/** The integer shown for an internal id, created on first use (concurrent first uses agree). */
async function wireId(db, kind, internalId) {
    return (await wireIds(db, kind, [internalId])).get(internalId);
}
/** wireId for many ids at once (a page of a listing): two or three queries, whatever their number. */
async function wireIds(db, kind, internalIds) {
    const wanted = [...new Set(internalIds)];
    const ids = await (0, store_1.readIdentifiers)(db, kind, wanted);
    const missing = wanted.filter((id) => !ids.has(id));
    if (missing.length === 0)
        return ids;
    await (0, store_1.insertIdentifiers)(db, kind, missing);
    for (const [id, n] of await (0, store_1.readIdentifiers)(db, kind, missing))
        ids.set(id, n);
    return ids;
}
/** The internal id behind a wire integer, if it names one of this kind. */
async function internalId(db, kind, id) {
    const n = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0)
        return undefined;
    return (0, store_1.internalIdOf)(db, kind, n);
}
//# sourceMappingURL=identifiers.js.map