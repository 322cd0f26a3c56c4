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
exports.flowsOpenApi = void 0;
exports.flowsRouter = flowsRouter;
exports.flowView = flowView;
const express_1 = __importStar(require("express"));
const multer_1 = __importDefault(require("multer"));
const auth_1 = require("../auth");
const domain_error_1 = require("../../platform/domain-error");
const openapi_1 = require("../openapi");
const syntax_1 = require("../../flows/syntax");
const deposit_1 = require("../../flows/deposit");
const reports_1 = require("../../flows/reports");
/** Flow deposits (flux, EDI or batch API): one archive of invoices, one workflow flux/<numeroFluxDepot>. */
function flowsRouter(deps) {
    const router = (0, express_1.Router)();
    const upload = (0, multer_1.default)({
        storage: multer_1.default.memoryStorage(),
        limits: { fileSize: deps.maxUploadBytes, files: 1 },
    });
    const raw = express_1.default.raw({
        type: [
            'application/zip',
            'application/gzip',
            'application/x-gzip',
            'application/x-tar',
            'application/xml',
            'application/octet-stream',
        ],
        limit: deps.maxUploadBytes,
    });
    router.post('/flows', raw, upload.single('file'), async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const syntax = String(req.body?.syntaxeFlux ?? req.query.syntaxeFlux ?? '');
        if (!(0, syntax_1.isFlowSyntax)(syntax))
            throw new domain_error_1.DomainError('FLOW_SYNTAX_INVALID', `syntaxeFlux must be one of ${Object.keys(syntax_1.FLOW_SYNTAXES).join(', ')}.`, {
                field: 'syntaxeFlux',
            });
        const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
        if (!bytes || bytes.length === 0)
            throw new domain_error_1.DomainError('FLOW_FILE_MISSING', 'Send the flow as the request body or as a multipart field named "file".', {
                field: 'file',
            });
        const filename = req.file?.originalname ?? (typeof req.query.nomFichier === 'string' ? req.query.nomFichier : undefined);
        const result = await (0, deposit_1.depositFlow)(deps, bytes, { syntax, filename, userId: caller.userId });
        res
            .status(result.created ? 202 : 200)
            .location(`/api/v1/flows/${result.numeroFluxDepot}`)
            .json(result);
    });
    router.get('/flows/:numero', async (req, res) => {
        res.json(flowView(await (0, reports_1.readableFlow)(deps.db, req.params.numero, (0, auth_1.requireCaller)(res))));
    });
    router.get('/flows/:numero/report', async (req, res) => {
        res.json((0, reports_1.reportOf)(await (0, reports_1.readableFlow)(deps.db, req.params.numero, (0, auth_1.requireCaller)(res))));
    });
    router.get('/flows/:numero/report.pdf', async (req, res) => {
        const report = (0, reports_1.reportOf)(await (0, reports_1.readableFlow)(deps.db, req.params.numero, (0, auth_1.requireCaller)(res)));
        res.type('application/pdf').send(Buffer.from(await (0, reports_1.reportPdf)(report)));
    });
    return router;
}
/** A flow as the API shows it, with the platform's wire names. */
function flowView(flow) {
    return {
        numeroFluxDepot: flow.numero,
        syntaxeFlux: flow.syntax,
        etatCourantFlux: flow.status,
        dateDepot: new Date(flow.deposited_at).toISOString(),
        nomFichier: flow.filename ?? undefined,
        nombreFactures: flow.invoice_count ?? undefined,
        nombreFacturesIntegrees: flow.integrated_count ?? undefined,
    };
}
const numeroParam = {
    name: 'numero',
    in: 'path',
    required: true,
    description: 'numeroFluxDepot',
    schema: { type: 'string' },
};
const reportSchema = {
    type: 'object',
    properties: {
        numeroFluxDepot: { type: 'string' },
        syntaxeFlux: { type: 'string' },
        etatCourantFlux: { type: 'string' },
        nombreFactures: { type: 'integer' },
        nombreFacturesIntegrees: { type: 'integer' },
        listeErreurDP: {
            type: 'array',
            items: {
                type: 'object',
                properties: Object.fromEntries(['numeroDP', 'identifiantFournisseur', 'identifiantDestinataire', 'libelleErreurDP', 'fichier'].map((k) => [k, { type: 'string' }])),
            },
        },
    },
};
exports.flowsOpenApi = {
    '/api/v1/flows': {
        post: {
            summary: 'Deposit a flow: a zip or tar.gz of up to 500 invoices (or one invoice file) of one syntaxeFlux',
            description: 'Starts the flow workflow flux/<numeroFluxDepot>: IN_RECU → IN_EN_COURS_TRAITEMENT → IN_INTEGRE | IN_INTEGRE_PARTIEL | IN_REJETE (| IN_INCIDENTE). ' +
                'The same archive sent again answers the same numeroFluxDepot; an invoice already filed from the same file is not filed again.',
            parameters: [
                {
                    name: 'syntaxeFlux',
                    in: 'query',
                    description: 'Required unless sent as a multipart field.',
                    schema: { type: 'string', enum: Object.keys(syntax_1.FLOW_SYNTAXES) },
                },
                { name: 'nomFichier', in: 'query', schema: { type: 'string' } },
            ],
            requestBody: {
                required: true,
                content: {
                    'application/zip': { schema: { type: 'string', format: 'binary' } },
                    'application/gzip': { schema: { type: 'string', format: 'binary' } },
                    'multipart/form-data': {
                        schema: {
                            type: 'object',
                            properties: {
                                file: { type: 'string', format: 'binary' },
                                syntaxeFlux: { type: 'string', enum: Object.keys(syntax_1.FLOW_SYNTAXES) },
                            },
                            required: ['file', 'syntaxeFlux'],
                        },
                    },
                },
            },
            responses: {
                '202': { description: 'Received: follow it at the Location' },
                '200': { description: 'This very flow was already received' },
                '400': (0, openapi_1.errorResponse)('No file, or an unknown syntaxeFlux (FLOW_FILE_MISSING, FLOW_SYNTAX_INVALID)'),
                '401': (0, openapi_1.errorResponse)('Not signed in'),
                '413': (0, openapi_1.errorResponse)('Too large'),
            },
        },
    },
    '/api/v1/flows/{numero}': {
        get: {
            summary: 'A flow: its state (etatCourantFlux) and counts',
            parameters: [numeroParam],
            responses: { '200': { description: 'The flow' }, '404': (0, openapi_1.errorResponse)('No such flow of yours') },
        },
    },
    '/api/v1/flows/{numero}/report': {
        get: {
            summary: 'The integration report (compte rendu) with listeErreurDP',
            parameters: [numeroParam],
            responses: {
                '200': { description: 'The report', content: { 'application/json': { schema: reportSchema } } },
                '404': (0, openapi_1.errorResponse)('No such flow of yours'),
                '409': (0, openapi_1.errorResponse)('The flow is not settled yet (FLOW_NOT_SETTLED)'),
            },
        },
    },
    '/api/v1/flows/{numero}/report.pdf': {
        get: {
            summary: 'The integration report as PDF',
            parameters: [numeroParam],
            responses: {
                '200': {
                    description: 'The report',
                    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
                },
                '404': (0, openapi_1.errorResponse)('No such flow of yours'),
                '409': (0, openapi_1.errorResponse)('The flow is not settled yet (FLOW_NOT_SETTLED)'),
            },
        },
    },
};
//# sourceMappingURL=flows.js.map