"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findFailures = findFailures;
exports.addFailure = addFailure;
exports.lockUntil = lockUntil;
exports.clearFailures = clearFailures;
exports.hit = hit;
exports.dropWindowsBefore = dropWindowsBefore;
async function findFailures(db, key) {
    return db('credential_failures').where({ key }).first('key', 'failures', 'locked_until');
}
/** One more failure, counted in one statement (parallel attempts all count); answers the new count. */
async function addFailure(db, key, at) {
    await db('credential_failures')
        .insert({ key, failures: 1, updated_at: at })
        .onConflict('key')
        .merge({ failures: db.raw('credential_failures.failures + 1'), updated_at: at });
    const row = await db('credential_failures').where({ key }).first('failures');
    return Number(row?.failures ?? 1);
}
async function lockUntil(db, key, lockedUntil) {
    await db('credential_failures').where({ key }).update({ locked_until: lockedUntil });
}
async function clearFailures(db, key) {
    await db('credential_failures').where({ key }).delete();
}
/** Counts one hit in the window; answers the window's hits so far. Old windows go as new ones open. */
async function hit(db, key, windowStart) {
    await db('rate_windows')
        .insert({ key, window_start: windowStart, hits: 1 })
        .onConflict(['key', 'window_start'])
        .merge({ hits: db.raw('rate_windows.hits + 1') });
    const row = await db('rate_windows').where({ key, window_start: windowStart }).first('hits');
    return Number(row?.hits ?? 1);
}
async function dropWindowsBefore(db, windowStart) {
    await db('rate_windows').where('window_start', '<', windowStart).delete();
}
//# sourceMappingURL=store.js.map