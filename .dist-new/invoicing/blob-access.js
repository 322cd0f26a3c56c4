"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.citableBlobs = citableBlobs;
const stored_blobs_1 = require("../platform/stored-blobs");
const structures_1 = require("../structures");
const blob_access_1 = require("./store/blob-access");
/**
 * Which of these blobs the caller may cite (attach to an invoice, put in a deposit): those they
 * uploaded, and those of invoices and drafts of their structures, which they may read anyway — as a
 * recipient member attached to some services, only the invoices of those services, as in listings. A
 * document's access follows what it belongs to, never the knowledge of its hash. Operators cite any.
 */
async function citableBlobs(db, caller, hashes) {
    if (caller.operator)
        return new Set(hashes);
    const mine = await (0, stored_blobs_1.blobsUploadedBy)(db, caller.userId, hashes);
    const rest = hashes.filter((h) => !mine.has(h));
    if (rest.length === 0)
        return mine;
    const memberships = await (0, structures_1.membershipsOfUser)(db, caller.userId);
    const scope = {
        structureIds: memberships.map((m) => m.structureId),
        // Managers and members without services read the whole structure; the others only their services.
        recipientServices: memberships
            .filter((m) => !(0, structures_1.isManager)(m) && m.services.length > 0)
            .map((m) => ({ structureId: m.structureId, services: m.services })),
    };
    for (const sha256 of await (0, blob_access_1.blobsOfStructures)(db, scope, rest))
        mine.add(sha256);
    return mine;
}
//# sourceMappingURL=blob-access.js.map