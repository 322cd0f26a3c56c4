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
exports.invoicesOpenApi = void 0;
exports.invoicesRouter = invoicesRouter;
const express_1 = __importStar(require("express"));
const multer_1 = __importDefault(require("multer"));
const deposit_1 = require("../../invoicing/deposit");
const platform_rules_1 = require("../../invoice/platform-rules");
const domain_error_1 = require("../../platform/domain-error");
const auth_1 = require("../auth");
const schemas_1 = require("../schemas");
const openapi_1 = require("../openapi");
const read_model_1 = require("../../invoicing/read-model");
const access_1 = require("../../invoicing/access");
const attachments_1 = require("../../invoicing/attachments");
const invoice_files_1 = require("../../invoicing/invoice-files");
const invoice_schemas_1 = require("../invoice-schemas");
const renditions_1 = require("../../invoicing/lifecycle/renditions");
const attachment_types_1 = require("../../platform/attachment-types");
const invoice_1 = require("../../workflows/invoice");
const checkDepositQuery = invoice_schemas_1.queryAjv.compile(invoice_schemas_1.lifecycleDepositQuery);
const checkStatusChange = schemas_1.ajv.compile(invoice_schemas_1.statusChangeBody);
const checkCompletion = schemas_1.ajv.compile(invoice_schemas_1.completionBody);
const checkRecycling = schemas_1.ajv.compile(invoice_schemas_1.recyclingBody);
const ACTIONS = ['status', 'completion', 'recycling', 'rejection-acknowledgement'];
/** `<invoice id>/attachments/<sha256>`: one pièce jointe of the invoice. */
const ATTACHMENT_PATH = /^(.+)\/attachments\/([0-9a-f]{64})$/;
const FILES = ['certificate', ...renditions_1.INVOICE_FORMATS.map((f) => `files/${f}`)];
/** Splits /invoices/<id>[/<sub-resource>]: ids hold slashes, sent as they are or URL-encoded. */
function target(param, subs) {
    const path = [].concat(param).join('/');
    for (const sub of subs)
        if (path.endsWith(`/${sub}`))
            return { id: path.slice(0, -sub.length - 1), sub };
    return { id: path };
}
/** What GET /invoices/<path> asks for: the invoice itself, or one of its files. */
function fileTarget(param) {
    const attachment = ATTACHMENT_PATH.exec([].concat(param).join('/'));
    if (attachment)
        return { id: attachment[1], file: { kind: 'attachment', sha256: attachment[2] } };
    const { id, sub } = target(param, FILES);
    if (!sub)
        return { id };
    if (sub === 'certificate')
        return { id, file: { kind: 'certificate' } };
    return { id, file: { kind: 'rendition', format: sub.slice('files/'.length) } };
}
function invoicesRouter(deps) {
    const router = (0, express_1.Router)();
    const upload = (0, multer_1.default)({
        storage: multer_1.default.memoryStorage(),
        limits: { fileSize: deps.maxUploadBytes, files: 1 },
    });
    const rawXml = express_1.default.raw({
        type: ['application/xml', 'text/xml', 'application/pdf', 'application/octet-stream'],
        limit: deps.maxUploadBytes,
    });
    router.post('/invoices', rawXml, upload.single('file'), async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const query = (0, schemas_1.check)(checkDepositQuery, { ...req.query }, 'query');
        const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
        if (!bytes) {
            throw new domain_error_1.DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the invoice as an application/xml or application/pdf body, or as a multipart/form-data field named "file".', { field: 'body' });
        }
        const result = await (0, deposit_1.depositInvoice)(deps, bytes, {
            filename: req.file?.originalname,
            depositMode: query.modeDepot,
            caller,
            cadre: query.cadreFacturation,
            validatorId: query.identifiantValideur,
        });
        const self = `/api/v1/invoices/${result.invoiceId}`;
        res
            .status(result.created ? 202 : 200)
            .location(self)
            .json({ id: result.invoiceId, created: result.created, links: { self } });
    });
    router.get('/invoices/*id', async (req, res) => {
        const { id, file } = fileTarget(req.params.id);
        const invoice = await (0, access_1.readableInvoice)(deps, (0, auth_1.requireCaller)(res), id);
        if (!file) {
            const view = await (0, read_model_1.invoiceView)(deps.db, invoice, { referenceRate: deps.lifecycle?.referenceRate });
            res.json({ ...view, history: (0, read_model_1.localizedHistory)(view.history, res.locals.language) });
            return;
        }
        const f = await (0, invoice_files_1.invoiceFile)(deps, invoice, file);
        sendFile(res, f.bytes, f.mediaType, f.filename);
    });
    router.post('/invoices/*id', async (req, res) => {
        const { id, sub } = target(req.params.id, ACTIONS);
        if (!sub)
            throw new domain_error_1.DomainError('NOT_FOUND', `No route for POST ${req.path}.`);
        const caller = (0, auth_1.requireCaller)(res);
        // A completion cites files: the supplier's side is checked before what it cites.
        const { actor } = await (0, access_1.readableInvoice)(deps, caller, id, sub === 'completion' ? 'supplier' : undefined);
        const handle = deps.client.workflow.getHandle(id);
        const body = req.body ?? {};
        const state = await (0, access_1.invoiceUpdate)(id, async () => {
            switch (sub) {
                case 'status':
                    return handle.executeUpdate(invoice_1.changeStatus, {
                        args: [{ ...(0, schemas_1.check)(checkStatusChange, body, 'body'), actor }],
                    });
                case 'completion': {
                    const c = (0, schemas_1.check)(checkCompletion, body, 'body');
                    const attachments = await (0, attachments_1.attachmentRefs)(deps.db, c.attachments, caller);
                    return handle.executeUpdate(invoice_1.complete, { args: [{ actor, comment: c.comment, attachments }] });
                }
                case 'recycling': {
                    const r = (0, schemas_1.check)(checkRecycling, body, 'body');
                    // A SIRET typed with spaces or dots is its digits.
                    const recipientId = r.recipientId === undefined ? {} : { recipientId: (0, platform_rules_1.digitsOnly)(r.recipientId) };
                    return handle.executeUpdate(invoice_1.recycle, { args: [{ ...r, ...recipientId, actor }] });
                }
                case 'rejection-acknowledgement':
                    return handle.executeUpdate(invoice_1.acknowledgeRejection, { args: [{ actor }] });
            }
        });
        res.json({ id, status: state.status, history: state.history });
    });
    return router;
}
function sendFile(res, bytes, mediaType, filename) {
    res
        .type((0, attachment_types_1.downloadType)(mediaType))
        .setHeader('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
        .send(Buffer.from(bytes));
}
const idParam = {
    name: 'id',
    in: 'path',
    required: true,
    description: 'invoice/<supplier id>/<year>/<number> (slashes may be sent as is or URL-encoded)',
    schema: { type: 'string' },
};
const updated = {
    description: 'The change is made; the new status and history',
    content: {
        'application/json': {
            schema: {
                type: 'object',
                properties: { id: { type: 'string' }, status: { type: 'string' }, history: { type: 'array' } },
            },
        },
    },
};
const refusals = {
    '400': (0, openapi_1.errorResponse)('Bad body, or a reason / mandate number the status needs is missing (REASON_REQUIRED, MANDATE_NUMBER_REQUIRED), or a completion with neither comment nor attachment (COMPLETION_EMPTY)'),
    '401': (0, openapi_1.errorResponse)('Not signed in'),
    '403': (0, openapi_1.errorResponse)('Not a member of the structure that acts (NOT_A_MEMBER, SERVICE_NOT_ALLOWED)'),
    '404': (0, openapi_1.errorResponse)('No such invoice'),
    '409': (0, openapi_1.errorResponse)('Not allowed from the current status (TRANSITION_NOT_ALLOWED, INVOICE_BUSY, INVOICE_CLOSED)'),
};
const action = (summary, schema, extra = {}) => ({
    post: {
        summary,
        parameters: [idParam],
        requestBody: { required: true, content: { 'application/json': { schema } } },
        responses: { '200': updated, ...refusals, ...extra },
    },
});
exports.invoicesOpenApi = {
    '/api/v1/invoices': {
        post: {
            summary: 'Deposit an invoice (UBL 2.1 or CII D16B XML, or a Factur-X PDF) for a structure you belong to',
            description: 'Stores the file and starts its workflow: DEPOSEE → checks (recipient directory, duplicates) → [A9/A12: A_VALIDER_1] → ' +
                'EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION, or REJETEE. Depositing the same file again answers the same id. ' +
                'The caller must be a member of the supplier structure (the invoice seller).',
            parameters: (0, openapi_1.queryParameters)(invoice_schemas_1.lifecycleDepositQuery),
            requestBody: {
                required: true,
                content: {
                    'application/xml': { schema: { type: 'string' } },
                    'text/xml': { schema: { type: 'string' } },
                    'application/pdf': { schema: { type: 'string', format: 'binary' } },
                    'multipart/form-data': {
                        schema: {
                            type: 'object',
                            properties: { file: { type: 'string', format: 'binary' } },
                            required: ['file'],
                        },
                    },
                },
            },
            responses: {
                '202': {
                    description: 'Deposited; follow it at links.self',
                    content: { 'application/json': { schema: schemas_1.depositAccepted } },
                },
                '200': {
                    description: 'This very file was already deposited',
                    content: { 'application/json': { schema: schemas_1.depositAccepted } },
                },
                '400': (0, openapi_1.errorResponse)('Empty, not well-formed, or bad parameters'),
                '401': (0, openapi_1.errorResponse)('Not signed in'),
                '403': (0, openapi_1.errorResponse)('Not a member of the supplier structure (NOT_A_MEMBER)'),
                '409': (0, openapi_1.errorResponse)('Another file was already deposited under this number by this supplier this year'),
                '413': (0, openapi_1.errorResponse)('File too large'),
                '415': (0, openapi_1.errorResponse)('Not an invoice format the platform reads (or a PDF without invoice XML)'),
                '422': (0, openapi_1.errorResponse)('The invoice lacks what is needed to file it (INVOICE_UNIDENTIFIABLE: number, date, seller ' +
                    'identifier), or a party matches no structure (PARTY_UNRESOLVED) or several (PARTY_AMBIGUOUS): ' +
                    'details.field names the business term to fill (BT-29 seller SIRET, BT-46 buyer SIRET)'),
            },
        },
    },
    '/api/v1/invoices/{id}': {
        get: {
            summary: 'An invoice: status (with its reform code), history, payment period and late-payment figures, allowed actions',
            parameters: [idParam],
            responses: {
                '200': { description: 'The invoice', content: { 'application/json': { schema: schemas_1.invoiceDetail } } },
                '401': (0, openapi_1.errorResponse)('Not signed in'),
                '403': (0, openapi_1.errorResponse)('Not a member of the supplier or recipient structure'),
                '404': (0, openapi_1.errorResponse)('No such invoice'),
            },
        },
    },
    '/api/v1/invoices/{id}/certificate': {
        get: {
            summary: 'The deposit certificate (PDF): deposit date, ids, SHA-256 of the deposited file',
            parameters: [idParam],
            responses: {
                '200': {
                    description: 'PDF',
                    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
                },
                '403': (0, openapi_1.errorResponse)('Not a party'),
                '404': (0, openapi_1.errorResponse)('No such invoice, or certificate not issued yet'),
            },
        },
    },
    '/api/v1/invoices/{id}/attachments/{sha256}': {
        get: {
            summary: 'Download a pièce jointe of the invoice (filed with it, or with a completion) by its SHA-256',
            parameters: [
                idParam,
                { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
            ],
            responses: {
                '200': { description: 'The file as uploaded' },
                '403': (0, openapi_1.errorResponse)('Not a party'),
                '404': (0, openapi_1.errorResponse)('INVOICE_NOT_FOUND, ATTACHMENT_NOT_FOUND'),
            },
        },
    },
    '/api/v1/invoices/{id}/files/{format}': {
        get: {
            summary: 'Download the invoice as deposited (original) or converted (ubl, cii, facturx, pdf)',
            parameters: [idParam, { name: 'format', in: 'path', required: true, schema: invoice_schemas_1.FORMAT_PARAM }],
            responses: {
                '200': { description: 'The file' },
                '403': (0, openapi_1.errorResponse)('Not a party'),
                '404': (0, openapi_1.errorResponse)('No such invoice'),
                '422': (0, openapi_1.errorResponse)('This invoice cannot be converted to that format (CONVERSION_FAILED)'),
            },
        },
    },
    '/api/v1/invoices/{id}/status': action('traiter/recue: the recipient sets a status (SUSPENDUE, REJETEE, A_RECYCLER with a reason; SERVICE_FAIT; MANDATEE with its number; ...), or the A9/A12 validator VALIDEE_1 / REFUSEE_1', invoice_schemas_1.statusChangeBody),
    '/api/v1/invoices/{id}/completion': action('completer: the supplier answers SUSPENDUE with attachments (uploaded blobs) and a comment → COMPLETEE', invoice_schemas_1.completionBody, { '422': (0, openapi_1.errorResponse)('An attachment is not an uploaded file (ATTACHMENT_UNKNOWN)') }),
    '/api/v1/invoices/{id}/recycling': action('recycler: the supplier corrects the recipient identifier, service code or engagement number of an A_RECYCLER invoice; it is routed again under the same number', invoice_schemas_1.recyclingBody, { '422': (0, openapi_1.errorResponse)('The corrected routing is still wrong (ROUTING_INVALID), with the reasons') }),
    '/api/v1/invoices/{id}/rejection-acknowledgement': action('The supplier acknowledges a REJETEE invoice', {
        type: 'object',
        additionalProperties: false,
    }),
};
//# sourceMappingURL=invoices.js.map