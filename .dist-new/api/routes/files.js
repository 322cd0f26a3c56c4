"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.filesOpenApi = void 0;
exports.filesRouter = filesRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const attachments_1 = require("../../invoicing/attachments");
const draft_attachments_1 = require("./draft-attachments");
/**
 * ajouter/fichier: a file uploaded on its own, named by its SHA-256, for a later action to reference
 * (the supplier's completion of a SUSPENDUE invoice). Same limits as a draft's attachments; the
 * store is content-addressed, so uploading the same bytes again adds nothing.
 */
function filesRouter({ db, blobs }) {
    const router = (0, express_1.Router)();
    router.post('/files', ...draft_attachments_1.attachmentUpload, async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const { name, bytes } = (0, draft_attachments_1.uploadedAttachment)(req);
        res.status(201).json(await (0, attachments_1.storeUploadedFile)(db, blobs, name, bytes, caller));
    });
    router.use('/files', draft_attachments_1.attachmentUploadErrors);
    return router;
}
exports.filesOpenApi = {
    '/api/v1/files': {
        post: {
            summary: 'ajouter/fichier: upload a file (≤ 10 MB, name ≤ 50 characters with an allowed extension) to reference by its SHA-256',
            parameters: [
                { name: 'name', in: 'query', description: 'File name for a raw body', schema: { type: 'string' } },
            ],
            responses: {
                '201': { description: '{sha256, size, mediaType, name}' },
                '400': (0, openapi_1.errorResponse)('ATTACHMENT_NAME_INVALID, ATTACHMENT_EXTENSION_NOT_ALLOWED, ATTACHMENT_EMPTY, PDF_ENCRYPTED, PDF_TRUNCATED'),
                '401': (0, openapi_1.errorResponse)('Not signed in'),
                '413': (0, openapi_1.errorResponse)('ATTACHMENT_TOO_LARGE'),
                '415': (0, openapi_1.errorResponse)('ATTACHMENT_TYPE_NOT_ALLOWED (HTML, programs, unknown content), ATTACHMENT_TYPE_MISMATCH, ATTACHMENT_ACTIVE_CONTENT'),
            },
        },
    },
};
//# sourceMappingURL=files.js.map