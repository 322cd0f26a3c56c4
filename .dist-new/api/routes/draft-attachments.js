"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.attachmentsOpenApi = exports.attachmentUploadErrors = exports.attachmentUpload = void 0;
exports.uploadedAttachment = uploadedAttachment;
exports.attachmentsRouter = attachmentsRouter;
const express_1 = __importStar(require("express"));
const multer_1 = __importDefault(require("multer"));
const auth_1 = require("../auth");
const domain_error_1 = require("../../platform/domain-error");
const openapi_1 = require("../openapi");
const attachments_1 = require("../../invoicing/attachments");
const attachment_types_1 = require("../../platform/attachment-types");
const attachments_2 = require("../../invoicing/drafts/attachments");
/** Room for the multipart envelope (boundaries, part headers) around one file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const tooLarge = () => new domain_error_1.DomainError('ATTACHMENT_TOO_LARGE', `An attachment weighs at most ${attachments_1.ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB.`, { field: 'file' });
/**
 * Reads one uploaded attachment: a multipart field "file", or the raw body named by ?name=. A body
 * announced larger than the limit is refused before it is read; one byte over the per-file limit is
 * read, enough to tell the sender it is too large. Both answer ATTACHMENT_TOO_LARGE.
 */
exports.attachmentUpload = [
    (req, res, next) => {
        if (Number(req.headers['content-length'] ?? 0) <= attachments_1.ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD)
            return next();
        res.setHeader('connection', 'close');
        next(tooLarge());
    },
    (0, multer_1.default)({
        storage: multer_1.default.memoryStorage(),
        limits: { fileSize: attachments_1.ATTACHMENT_MAX_BYTES + 1, files: 1 },
    }).single('file'),
    express_1.default.raw({ type: () => true, limit: attachments_1.ATTACHMENT_MAX_BYTES + 1 }),
];
/** Size refusals of `attachmentUpload` under the documented code rather than the generic one. */
const attachmentUploadErrors = (err, _req, _res, next) => {
    const e = err;
    if (e.code === 'LIMIT_FILE_SIZE' || e.type === 'entity.too.large')
        return next(tooLarge());
    next(err);
};
exports.attachmentUploadErrors = attachmentUploadErrors;
/**
 * The attachment `attachmentUpload` read, its name normalised and its content checked against the
 * allowed kinds (platform/attachment-types.ts), or ATTACHMENT_MISSING.
 */
function uploadedAttachment(req) {
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    const name = req.file?.originalname ?? (typeof req.query.name === 'string' ? req.query.name : '');
    if (!bytes)
        throw new domain_error_1.DomainError('ATTACHMENT_MISSING', 'Send the file as the body (with ?name=) or a multipart field "file".', { field: 'file' });
    // An oversized file is refused by size (ATTACHMENT_TOO_LARGE) without being inspected.
    return { name: bytes.byteLength > attachments_1.ATTACHMENT_MAX_BYTES ? name : (0, attachment_types_1.checkedAttachmentName)(name, bytes), bytes };
}
/** Pièces jointes of a draft: added while it is a draft, listed always. */
function attachmentsRouter(deps) {
    const { db } = deps;
    const router = (0, express_1.Router)();
    router.post('/drafts/:draftId/attachments', ...exports.attachmentUpload, async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const draftId = req.params.draftId;
        res.status(201).json(await (0, attachments_2.addDraftAttachment)(deps, caller, draftId, () => uploadedAttachment(req)));
    });
    router.use('/drafts/:draftId/attachments', exports.attachmentUploadErrors);
    router.get('/drafts/:draftId/attachments', async (req, res) => {
        res.json({ items: await (0, attachments_2.listDraftAttachments)(db, (0, auth_1.requireCaller)(res), req.params.draftId) });
    });
    router.delete('/drafts/:draftId/attachments/:name', async (req, res) => {
        await (0, attachments_2.deleteDraftAttachment)(db, (0, auth_1.requireCaller)(res), req.params.draftId, req.params.name);
        res.status(204).end();
    });
    return router;
}
const params = [{ name: 'draftId', in: 'path', required: true, schema: { type: 'string' } }];
exports.attachmentsOpenApi = {
    '/api/v1/drafts/{draftId}/attachments': {
        post: {
            summary: 'Add an attachment (≤ 10 MB, ≤ 120 MB with the invoice, name ≤ 50 characters with an allowed extension)',
            parameters: [
                ...params,
                { name: 'name', in: 'query', description: 'File name for a raw body', schema: { type: 'string' } },
            ],
            responses: {
                '201': { description: 'Kept (or already kept with the same content)' },
                '400': (0, openapi_1.errorResponse)('ATTACHMENT_NAME_INVALID, ATTACHMENT_EXTENSION_NOT_ALLOWED, ATTACHMENT_EMPTY, PDF_ENCRYPTED, PDF_TRUNCATED'),
                '409': (0, openapi_1.errorResponse)('ATTACHMENT_NAME_TAKEN, or the draft was sent'),
                '413': (0, openapi_1.errorResponse)('ATTACHMENT_TOO_LARGE, ATTACHMENTS_TOTAL_TOO_LARGE'),
                '415': (0, openapi_1.errorResponse)('ATTACHMENT_TYPE_NOT_ALLOWED (HTML, programs, unknown content), ATTACHMENT_TYPE_MISMATCH, ATTACHMENT_ACTIVE_CONTENT'),
            },
        },
        get: {
            summary: 'The attachments of a draft',
            parameters: params,
            responses: { '200': { description: '{items}' } },
        },
    },
    '/api/v1/drafts/{draftId}/attachments/{name}': {
        delete: {
            summary: 'Remove an attachment of a draft',
            parameters: [...params, { name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '204': { description: 'Removed' }, '404': (0, openapi_1.errorResponse)('No such attachment') },
        },
    },
};
//# sourceMappingURL=draft-attachments.js.map