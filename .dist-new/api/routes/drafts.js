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
exports.draftsOpenApi = void 0;
exports.draftsRouter = draftsRouter;
const express_1 = __importStar(require("express"));
const _2020_1 = __importDefault(require("ajv/dist/2020"));
const multer_1 = __importDefault(require("multer"));
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const invoice_1 = require("../../invoice");
const messages_1 = require("../../invoice/messages");
const access_1 = require("../../invoicing/drafts/access");
const drafts_1 = require("../../invoicing/drafts/drafts");
/** modeDepot of an invoice entered in the form: through the API, or on the portal. */
const ENTRY_MODES = ['SAISIE_API', 'SAISIE_PORTAIL'];
const draftFields = {
    cadreDeFacturation: {
        type: 'string',
        enum: [...invoice_1.CADRES_DE_FACTURATION],
        description: 'codeCadreFacturation',
    },
    modeDepot: { type: 'string', enum: [...ENTRY_MODES] },
    invoice: { $ref: invoice_1.invoiceSchema.$id },
};
const draftCreate = {
    type: 'object',
    additionalProperties: false,
    properties: {
        recipientId: {
            type: 'string',
            maxLength: 100,
            description: 'Identifier (SIRET) of the recipient structure: its identity pre-fills the buyer.',
        },
        bankAccountId: {
            type: 'string',
            maxLength: 64,
            description: 'One of the structure’s bank accounts; default its first.',
        },
        ...draftFields,
    },
};
const draftSave = {
    type: 'object',
    additionalProperties: false,
    required: ['invoice'],
    properties: draftFields,
};
// The invoice model's schema is draft 2020-12: its own ajv, into which the draft bodies reference it.
const ajv2020 = new _2020_1.default({ allErrors: true, strict: false }).addSchema(invoice_1.invoiceSchema);
const checkCreate = ajv2020.compile(draftCreate);
const checkSave = ajv2020.compile(draftSave);
/**
 * Invoice drafts: entered in the form (saisie) or pre-filled from a plain PDF, saved ("Enregistrer"),
 * checked ("Valider") and sent ("Envoyer") as the UBL the core writes from them.
 */
function draftsRouter(deps) {
    const { db } = deps;
    const router = (0, express_1.Router)();
    const upload = (0, multer_1.default)({
        storage: multer_1.default.memoryStorage(),
        limits: { fileSize: deps.maxUploadBytes, files: 1 },
    });
    const rawPdf = express_1.default.raw({
        type: ['application/pdf', 'application/octet-stream'],
        limit: deps.maxUploadBytes,
    });
    router.post('/structures/:structureId/drafts', async (req, res) => {
        const input = (0, schemas_1.check)(checkCreate, req.body ?? {}, 'body');
        res.status(201).json(await (0, drafts_1.createDraft)(db, (0, auth_1.requireCaller)(res), req.params.structureId, input));
    });
    router.post('/structures/:structureId/drafts/from-pdf', rawPdf, upload.single('file'), async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
        const pdf = { bytes, filename: req.file?.originalname };
        res.status(201).json(await (0, drafts_1.createDraftFromPdf)(deps, caller, req.params.structureId, pdf));
    });
    router.get('/drafts/:draftId', async (req, res) => {
        res.json(await (0, access_1.readableDraft)(db, (0, auth_1.requireCaller)(res), req.params.draftId));
    });
    router.put('/drafts/:draftId', async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const draftId = req.params.draftId;
        const input = (0, schemas_1.check)(checkSave, req.body ?? {}, 'body');
        res.json(await (0, drafts_1.saveDraftInvoice)(db, caller, draftId, input));
    });
    router.post('/drafts/:draftId/validate', async (req, res) => {
        const checked = await (0, drafts_1.validateDraft)(db, (0, auth_1.requireCaller)(res), req.params.draftId);
        res.json({ ...checked, findings: (0, messages_1.localizeFindings)(checked.findings, res.locals.language) });
    });
    router.post('/drafts/:draftId/send', async (req, res) => {
        const sent = await (0, drafts_1.sendDraft)(deps, (0, auth_1.requireCaller)(res), req.params.draftId);
        res.status(sent.created ? 202 : 200).json(sent);
    });
    return router;
}
const draftIdParam = { name: 'draftId', in: 'path', required: true, schema: { type: 'string' } };
const structureIdParam = { name: 'structureId', in: 'path', required: true, schema: { type: 'string' } };
const draftErrors = {
    '401': (0, openapi_1.errorResponse)('Not signed in'),
    '403': (0, openapi_1.errorResponse)('Not a member of the draft’s structure'),
    '404': (0, openapi_1.errorResponse)('No such draft or structure'),
};
exports.draftsOpenApi = {
    '/api/v1/structures/{structureId}/drafts': {
        post: {
            summary: 'Create an invoice draft pre-filled from the structure (identity, address, bank account) and the recipient directory',
            parameters: [structureIdParam],
            requestBody: {
                content: {
                    'application/json': {
                        schema: {
                            ...draftCreate,
                            properties: {
                                ...draftCreate.properties,
                                invoice: { type: 'object', description: 'EN 16931 model (see the invoice schema)' },
                            },
                        },
                    },
                },
            },
            responses: {
                '201': { description: 'The draft' },
                '400': (0, openapi_1.errorResponse)('Bad input (field named)'),
                ...draftErrors,
            },
        },
    },
    '/api/v1/structures/{structureId}/drafts/from-pdf': {
        post: {
            summary: 'Create a draft pre-filled from a plain PDF invoice (text layer); the PDF becomes its main attachment',
            parameters: [structureIdParam],
            requestBody: { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
            responses: {
                '201': { description: 'The draft, with the facts read from the PDF' },
                '422': (0, openapi_1.errorResponse)('PDF_NO_TEXT (scanned), PDF_ENCRYPTED (protected) or PDF_UNREADABLE'),
                ...draftErrors,
            },
        },
    },
    '/api/v1/drafts/{draftId}': {
        get: {
            summary: 'A draft',
            parameters: [draftIdParam],
            responses: { '200': { description: 'The draft' }, ...draftErrors },
        },
        put: {
            summary: 'Save a draft (Enregistrer): the invoice as the EN 16931 model, checked against its JSON Schema',
            parameters: [draftIdParam],
            responses: {
                '200': { description: 'Saved' },
                '400': (0, openapi_1.errorResponse)('Not of the model'),
                '409': (0, openapi_1.errorResponse)('Already sent'),
                ...draftErrors,
            },
        },
    },
    '/api/v1/drafts/{draftId}/validate': {
        post: {
            summary: 'Check a draft (Valider): every finding on the UBL written from it, nothing deposited',
            parameters: [draftIdParam],
            responses: { '200': { description: '{valid, findings}' }, ...draftErrors },
        },
    },
    '/api/v1/drafts/{draftId}/send': {
        post: {
            summary: 'Send a draft (Envoyer): deposit the UBL written from it with modeDepot SAISIE_API or SAISIE_PORTAIL',
            parameters: [draftIdParam],
            responses: {
                '202': { description: 'Deposited: {invoiceId}' },
                '200': { description: 'Already sent: the same invoiceId' },
                '409': (0, openapi_1.errorResponse)('DUPLICATE_INVOICE: the number is already used by this supplier this year'),
                '422': (0, openapi_1.errorResponse)('INVOICE_UNIDENTIFIABLE: number, date or seller identifier missing'),
                ...draftErrors,
            },
        },
    },
};
//# sourceMappingURL=drafts.js.map