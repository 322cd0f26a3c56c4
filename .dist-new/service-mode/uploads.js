"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordUpload = recordUpload;
exports.uploadsOf = uploadsOf;
const store_1 = require("./store");
const toUpload = (r) => ({
    sha256: r.sha256,
    userId: r.user_id,
    structureId: r.structure_id,
    name: r.name,
    createdAt: r.created_at,
});
async function recordUpload(db, u) {
    await (0, store_1.insertUpload)(db, {
        sha256: u.sha256,
        user_id: u.userId,
        structure_id: u.structureId,
        name: u.name,
        created_at: new Date().toISOString(),
    });
}
async function uploadsOf(db, by) {
    return (await (0, store_1.listUploads)(db, by)).map(toUpload);
}
//# sourceMappingURL=uploads.js.map