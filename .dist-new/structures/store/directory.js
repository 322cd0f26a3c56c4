"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.directoryEntries = directoryEntries;
exports.searchDirectory = searchDirectory;
const search_text_1 = require("../search-text");
const structures_1 = require("./structures");
/** SQL of the structures directory: entries by identifier or ids, and the search by name, town or identifier. */
/** Directory entries with their services in force on `day`, by identifier or by ids, by name. */
async function directoryEntries(db, by, day) {
    const rows = await db('structures')
        .where((q) => {
        (0, structures_1.verifiedIfPublic)(q);
        if ('identifier' in by)
            q.where({ identifier: by.identifier });
        else
            q.whereIn('id', by.ids);
    })
        .orderBy('name');
    return withServices(db, rows, day);
}
/**
 * One page of the directory matching a search, best matches first: the identifier itself, then names
 * that are the words typed, start with them, or hold them in that order; then towns; then the rest.
 */
async function searchDirectory(db, query, page, day) {
    await fillMissingSearchText(db);
    const matching = db('structures').where((w) => {
        (0, structures_1.verifiedIfPublic)(w);
        if ('identifierPrefix' in query)
            w.where('identifier', 'like', `${query.identifierPrefix}%`);
        else
            for (const word of query.words)
                w.where((any) => wordMatch(any, word));
    });
    const [{ n }] = await matching.clone().count({ n: '*' });
    const { sql, bindings } = rank(query);
    const rows = await matching
        .orderByRaw(sql, bindings)
        .orderBy('name')
        .orderBy('identifier')
        .limit(page.limit)
        .offset(page.offset);
    return { total: Number(n), items: await withServices(db, rows, day) };
}
/** A word typed starts a word of the name or of the town, or the identifier. */
function wordMatch(w, word) {
    return w
        .where('search_name', 'like', `${word}%`)
        .orWhere('search_name', 'like', `% ${word}%`)
        .orWhere('search_city', 'like', `${word}%`)
        .orWhere('search_city', 'like', `% ${word}%`)
        .orWhereRaw('LOWER(identifier) LIKE ?', [`${word}%`]);
}
/** The rank of a match, as an ORDER BY expression (lower first); plain CASE, for both databases. */
function rank(query) {
    if ('identifierPrefix' in query)
        return { sql: 'CASE WHEN identifier = ? THEN 0 ELSE 1 END', bindings: [query.identifierPrefix] };
    const phrase = query.words.join(' ');
    return {
        sql: 'CASE WHEN search_name = ? THEN 0 WHEN search_name LIKE ? THEN 1 WHEN search_name LIKE ? THEN 2' +
            ' WHEN search_city = ? THEN 3 WHEN search_city LIKE ? THEN 4 ELSE 5 END',
        bindings: [phrase, `${phrase}%`, `% ${phrase}%`, phrase, `${phrase}%`],
    };
}
/**
 * Rows written without their search text (loaded in bulk, or before it existed) get it before a
 * search, so that no structure is missing from the results.
 */
async function fillMissingSearchText(db) {
    const rows = await db('structures').whereNull('search_name').select('id', 'name', 'city').limit(1000);
    for (const r of rows)
        await db('structures')
            .where({ id: r.id })
            .update({ search_name: (0, search_text_1.searchText)(r.name), search_city: (0, search_text_1.searchText)(r.city) });
}
/** Entries of these rows, with the services each has active and in force on `day`. */
async function withServices(db, rows, day) {
    const services = rows.length
        ? await db('structure_services')
            .whereIn('structure_id', rows.map((r) => r.id))
            .where({ active: true })
            .where((w) => w.whereNull('valid_from').orWhere('valid_from', '<=', day))
            .where((w) => w.whereNull('valid_to').orWhere('valid_to', '>=', day))
            .orderBy('code')
        : [];
    return rows.map((r) => ({
        id: r.id,
        identifierType: r.identifier_type,
        identifier: r.identifier,
        name: r.name,
        public: !!r.public,
        address: {
            street: opt(r.street),
            postalCode: opt(r.postal_code),
            city: opt(r.city),
            countryCode: opt(r.country_code),
        },
        services: services.filter((s) => s.structure_id === r.id).map((s) => ({ code: s.code, name: s.name })),
    }));
}
const opt = (v) => (v === null || v === undefined ? undefined : v);
//# sourceMappingURL=directory.js.map