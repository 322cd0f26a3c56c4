"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.addDraftAttachment = addDraftAttachment;
exports.listDraftAttachments = listDraftAttachments;
exports.deleteDraftAttachment = deleteDraftAttachment;
exports.keepAttachment = keepAttachment;
const domain_error_1 = require("../../platform/domain-error");
const attachments_1 = require("../attachments");
const drafts_1 = require("../store/drafts");
const access_1 = require("./access");
/**
 * Adds a pièce jointe to a draft the caller may still change; the file is read once the draft is
 * known to be theirs, so a refusal names the draft before the upload.
 */
async function addDraftAttachment(deps, caller, draftId, file) {
    const draft = await (0, access_1.editableDraft)(deps.db, caller, draftId);
    const { name, bytes } = file();
    return keepAttachment(deps, draft.id, name, bytes);
}
async function listDraftAttachments(db, caller, draftId) {
    return (0, drafts_1.draftAttachments)(db, (await (0, access_1.readableDraft)(db, caller, draftId)).id);
}
async function deleteDraftAttachment(db, caller, draftId, name) {
    const draft = await (0, access_1.editableDraft)(db, caller, draftId);
    if (!(await (0, drafts_1.removeDraftAttachment)(db, draft.id, name)))
        throw new domain_error_1.DomainError('ATTACHMENT_NOT_FOUND', `No attachment "${name}".`, { field: 'params.name' });
}
/**
 * Keeps one attachment of a draft: the limits first, then the blob (content-addressed, so a retry
 * writes nothing new) and the row under (draft, name), checked against the running total inside one
 * transaction. The same name with the same content again is the same attachment.
 */
async function keepAttachment({ db, blobs }, draftId, name, bytes, opts = {}) {
    const mediaType = (0, attachments_1.mediaTypeOf)(name);
    const early = (0, attachments_1.checkAttachment)(name, bytes.byteLength, 0);
    if (early)
        throw (0, attachments_1.attachmentError)(early);
    const blob = await blobs.put(bytes, { mediaType, filename: name });
    return (0, drafts_1.keepDraftAttachment)(db, { draftId, blob: { ...blob, mediaType, filename: name }, main: !!opts.main }, {
        refuse: (total) => {
            const problem = (0, attachments_1.checkAttachment)(name, bytes.byteLength, total);
            return problem && (0, attachments_1.attachmentError)(problem);
        },
        taken: () => new domain_error_1.DomainError('ATTACHMENT_NAME_TAKEN', `The draft already has an attachment named "${name}".`, {
            field: 'name',
        }),
    });
}
//# sourceMappingURL=attachments.js.map