"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendPasswordExpiryReminder = sendPasswordExpiryReminder;
exports.tellManagersOfOnboarding = tellManagersOfOnboarding;
const service_mode_templates_1 = require("../platform/mail/service-mode-templates");
const structures_1 = require("../structures");
/** Emails every main manager of the structure; the key makes a retry send nothing twice. */
async function sendPasswordExpiryReminder(deps, r) {
    const structure = await (0, structures_1.getStructure)(deps.db, r.structureId);
    const managers = await (0, structures_1.memberContacts)(deps.db, r.structureId, ['PRINCIPAL']);
    for (const m of managers)
        await deps.mailer.send({
            to: m.email,
            ...(0, service_mode_templates_1.passwordExpiryEmail)({ ...r, structureName: structure?.name ?? r.structureId }),
            idempotencyKey: `${r.idempotencyKey}/${m.userId}`,
        });
    return managers.length;
}
/** Tells the structure's managers that their application is qualified, or in production; once per status. */
async function tellManagersOfOnboarding(deps, app, status) {
    const structure = await (0, structures_1.getStructure)(deps.db, app.structure_id);
    const managers = await (0, structures_1.memberContacts)(deps.db, app.structure_id, ['PRINCIPAL', 'SECONDAIRE']);
    for (const m of managers)
        await deps.mailer.send({
            to: m.email,
            ...(0, service_mode_templates_1.raccordementEmail)({ applicationName: app.name, status, structureName: structure?.name ?? '' }),
            idempotencyKey: `raccordement/${app.id}/${status}/${m.userId}`,
        });
}
//# sourceMappingURL=notices.js.map