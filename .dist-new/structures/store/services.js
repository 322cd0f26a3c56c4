"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findService = findService;
exports.listServices = listServices;
exports.knownServiceCodes = knownServiceCodes;
exports.insertService = insertService;
exports.updateServiceRow = updateServiceRow;
/** SQL on structure_services. */
async function findService(db, structureId, code) {
    const row = await db('structure_services').where({ structure_id: structureId, code }).first();
    return row ? toService(row) : undefined;
}
async function listServices(db, structureId) {
    const rows = await db('structure_services').where({ structure_id: structureId }).orderBy('code');
    return rows.map(toService);
}
/** Those of `codes` the structure has a service for. */
async function knownServiceCodes(db, structureId, codes) {
    return db('structure_services').where({ structure_id: structureId }).whereIn('code', codes).pluck('code');
}
async function insertService(db, structureId, s) {
    await db('structure_services').insert({ structure_id: structureId, ...serviceColumns(s), code: s.code });
}
async function updateServiceRow(db, structureId, s) {
    await db('structure_services').where({ structure_id: structureId, code: s.code }).update(serviceColumns(s));
}
const serviceColumns = (s) => ({
    name: s.name,
    active: s.active,
    valid_from: s.validFrom ?? null,
    valid_to: s.validTo ?? null,
    engagement_required: s.engagementRequired,
});
function toService(r) {
    return {
        code: r.code,
        name: r.name,
        active: !!r.active,
        validFrom: r.valid_from ?? undefined,
        validTo: r.valid_to ?? undefined,
        engagementRequired: !!r.engagement_required,
    };
}
//# sourceMappingURL=services.js.map