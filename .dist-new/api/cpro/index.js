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
Object.defineProperty(exports, "__esModule", { value: true });
exports.cproRouter = cproRouter;
const express_1 = __importStar(require("express"));
const oauth_1 = require("../../service-mode/oauth");
const wire_1 = require("./wire");
const context_1 = require("./context");
const catalogue_1 = require("./catalogue");
const group_router_1 = require("./group-router");
const openapi_1 = require("./openapi");
const json_depth_1 = require("../../platform/json-depth");
/** The operations whose body carries a file: deposer/flux, deposer/pdf, ajouter/fichier. */
const CPRO_UPLOADS = /\/(deposer\/flux|deposer\/pdf|ajouter\/fichier)\/?$/;
/**
 * Service mode: the State platform's API, wire-compatible, over the same services and workflows as
 * /api/v1. Mounted before the native body parser and authentication: its clients send large base64
 * bodies and a bearer token of their own (an application's, not a person's session).
 */
function cproRouter(deps) {
    const router = (0, express_1.Router)();
    router.post('/api/oauth/token', express_1.default.urlencoded({ extended: false, limit: '10kb' }), oauthToken(deps), oauthErrors);
    const document = (0, openapi_1.cproOpenApiDocument)();
    router.get('/cpro/openapi.json', (_req, res) => {
        res.json(document);
    });
    const cpro = (0, express_1.Router)();
    // Both credentials are checked before a byte of the body is read. Every body is JSON here, whatever
    // content type a client forgot to send: at most 1 MB, but for the operations carrying a file in
    // base64 (a third larger than its bytes), and nested at most MAX_JSON_DEPTH deep.
    // Not strict: a JSON body `null` (one client's GET health-check) reads as no body.
    cpro.use((0, context_1.cproAuthentication)(deps.db));
    const json = (limit) => express_1.default.json({ type: () => true, strict: false, limit, verify: (_q, _s, body) => (0, json_depth_1.checkJsonDepth)(body) });
    const small = json(1024 * 1024);
    const upload = json(Math.ceil(deps.maxUploadBytes * 1.4) + 64 * 1024);
    cpro.use((req, res, next) => (CPRO_UPLOADS.test(req.path) ? upload : small)(req, res, next));
    // Older clients (Odoo's module before PISTE) call the same operations without the version segment.
    for (const group of (0, catalogue_1.cproCatalogue)())
        cpro.use([`/${group.name}/v1`, `/${group.name}`], (0, group_router_1.groupRouter)(deps, group));
    cpro.use((req, _res, next) => next(new wire_1.CproError(wire_1.CODES.NOT_FOUND, `Aucune opération ${req.method} /cpro${req.path}.`, undefined, 404)));
    cpro.use(context_1.cproErrorHandler);
    router.use('/cpro', cpro);
    return router;
}
class OAuthError extends Error {
    status;
    error;
    constructor(status, error, description) {
        super(description);
        this.status = status;
        this.error = error;
    }
}
/**
 * RFC 6749 client credentials (section 4.4): client_id and client_secret in the form body, or in
 * HTTP Basic authentication (section 2.3.1).
 */
function oauthToken({ db }) {
    return async (req, res) => {
        const form = (req.body ?? {});
        const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
        let clientId = form.client_id;
        let clientSecret = form.client_secret;
        if (basic) {
            const decoded = Buffer.from(basic, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            try {
                clientId = decodeURIComponent(decoded.slice(0, Math.max(colon, 0)));
                clientSecret = decodeURIComponent(decoded.slice(colon + 1));
            }
            catch {
                throw new OAuthError(400, 'invalid_request', 'The Basic credentials are not validly %-encoded.');
            }
        }
        if (!req.is('application/x-www-form-urlencoded'))
            throw new OAuthError(400, 'invalid_request', 'Send an application/x-www-form-urlencoded body.');
        if (!form.grant_type)
            throw new OAuthError(400, 'invalid_request', 'grant_type is missing.');
        if (form.grant_type !== 'client_credentials')
            throw new OAuthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
        if (!clientId || !clientSecret)
            throw new OAuthError(401, 'invalid_client', 'Client authentication failed.');
        const asked = (form.scope ?? 'openid').split(/\s+/).filter(Boolean);
        if (asked.some((s) => !oauth_1.SCOPES.includes(s)))
            throw new OAuthError(400, 'invalid_scope', `Known scopes: ${oauth_1.SCOPES.join(', ')}.`);
        const scope = asked.length ? asked.join(' ') : 'openid';
        const issued = await (0, oauth_1.issueToken)(db, clientId, clientSecret, scope);
        if (!issued)
            throw new OAuthError(401, 'invalid_client', 'Client authentication failed.');
        res.setHeader('cache-control', 'no-store');
        res.setHeader('pragma', 'no-cache');
        res.json({ access_token: issued.token, token_type: 'Bearer', expires_in: oauth_1.TOKEN_LIFETIME_SECONDS, scope });
    };
}
const oauthErrors = (err, req, res, next) => {
    if (!(err instanceof OAuthError))
        return next(err);
    if (err.status === 401)
        res.setHeader('www-authenticate', 'Basic realm="facturflow"');
    res.setHeader('cache-control', 'no-store');
    res.status(err.status).json({ error: err.error, error_description: err.message });
};
//# sourceMappingURL=index.js.map