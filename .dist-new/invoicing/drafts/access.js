"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readableDraft = readableDraft;
exports.editableDraft = editableDraft;
const domain_error_1 = require("../../platform/domain-error");
const access_1 = require("../../structures/access");
const drafts_1 = require("../store/drafts");
/** A draft the caller may see: they belong to its structure (or are an operator). */
async function readableDraft(db, caller, draftId) {
    const draft = await (0, drafts_1.findDraft)(db, draftId);
    if (!draft)
        throw new domain_error_1.DomainError('DRAFT_NOT_FOUND', `No draft ${draftId}.`, { field: 'params.draftId' });
    await (0, access_1.authorize)(db, caller, draft.structureId, 'member');
    return draft;
}
/** A draft that may still change: once sent it is the invoice's record. */
async function editableDraft(db, caller, draftId) {
    const draft = await readableDraft(db, caller, draftId);
    if (draft.status !== 'BROUILLON')
        throw new domain_error_1.DomainError('DRAFT_ALREADY_SENT', `The draft was sent as ${draft.invoiceId}; it can no longer change.`, { field: 'params.draftId' });
    return draft;
}
//# sourceMappingURL=access.js.map