"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ANONYMOUS_BODY_BYTES = void 0;
exports.createApp = createApp;
const node_crypto_1 = __importDefault(require("node:crypto"));
const express_1 = __importDefault(require("express"));
const helmet_1 = __importDefault(require("helmet"));
const multer_1 = __importDefault(require("multer"));
const pino_http_1 = __importDefault(require("pino-http"));
const auth_1 = require("./auth");
const errors_1 = require("./errors");
const domain_error_1 = require("../platform/domain-error");
const json_depth_1 = require("../platform/json-depth");
const throttle_1 = require("../platform/throttle");
const messages_1 = require("../invoice/messages");
const openapi_1 = require("./openapi");
const routes_1 = require("./routes");
const cpro_1 = require("./cpro");
const server_1 = require("../portal/server");
/** The HTTP edge: parses and checks input, calls the features' services, maps their errors to HTTP. */
function createApp(deps) {
    const app = (0, express_1.default)();
    app.disable('x-powered-by');
    // The portal loads only its own scripts, styles, fonts and images (DSFR icons are data: URIs).
    app.use((0, helmet_1.default)({
        contentSecurityPolicy: {
            directives: {
                'font-src': ["'self'"],
                'style-src': ["'self'"],
                'img-src': ["'self'", 'data:'],
                'upgrade-insecure-requests': deps.publicUrl.startsWith('https:') ? [] : null,
            },
        },
    }));
    app.use((0, pino_http_1.default)({
        logger: deps.logger,
        autoLogging: { ignore: (req) => req.url === '/health' },
        // Method, path and status are enough; headers may carry credentials.
        serializers: {
            req: (req) => ({ id: req.id, method: req.method, url: req.url }),
            res: (res) => ({ statusCode: res.statusCode }),
        },
        genReqId: (req, res) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : node_crypto_1.default.randomUUID();
            res.setHeader('x-request-id', id);
            return id;
        },
    }));
    app.use(closeUnreadBodies);
    if (deps.rateLimits)
        app.use(limitCredentialEndpoints(deps.db, deps.rateLimits));
    // Service mode (/cpro, /api/oauth/token) parses and authenticates its own requests.
    app.use((0, cpro_1.cproRouter)(deps));
    // API v1 speaks French unless the client prefers English: features stay language-neutral.
    app.use((req, res, next) => {
        res.locals.language = (0, messages_1.languageOf)(req.get('accept-language'));
        next();
    });
    // Who calls is known from headers alone, before any body is read; anonymous callers may send only
    // a small body (sign-up, sign-in, a visitor's request), and JSON is small everywhere.
    app.use((0, auth_1.authenticate)(deps.db));
    app.use(refuseLargeAnonymousBodies);
    app.use(express_1.default.json({ limit: JSON_BODY_LIMIT, verify: (_req, _res, body) => (0, json_depth_1.checkJsonDepth)(body) }));
    const document = (0, openapi_1.openApiDocument)(routes_1.resources.map((r) => r.openApi));
    app.get('/api/openapi.json', (_req, res) => {
        res.json(document);
    });
    for (const resource of routes_1.resources)
        app.use(resource.mount, resource.router(deps));
    app.use((0, server_1.portalRouter)({ devOutbox: !!deps.outbox, db: deps.db }));
    app.use((req, _res, next) => next(new domain_error_1.DomainError('NOT_FOUND', `No route for ${req.method} ${req.path}.`)));
    app.use(errorHandler);
    return app;
}
/** Largest JSON body of the API; files travel as uploads (multipart or raw), under their own limits. */
const JSON_BODY_LIMIT = '1mb';
/** Largest body an anonymous caller may send: the public forms' JSON. */
exports.ANONYMOUS_BODY_BYTES = 64 * 1024;
/**
 * An anonymous request announcing a larger body (or one of unknown length) is refused 401 before a
 * byte of it is read, and its connection closed rather than drained.
 */
const refuseLargeAnonymousBodies = (req, res, next) => {
    if (res.locals.caller)
        return next();
    const length = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (length === undefined ? !chunked : Number(length) <= exports.ANONYMOUS_BODY_BYTES)
        return next();
    res.setHeader('connection', 'close');
    next(new domain_error_1.DomainError('UNAUTHENTICATED', 'Sign in first (session cookie or bearer token).'));
};
/**
 * A refusal answered before the request's body was read (401, 413, ...) closes the connection: Node
 * would otherwise read the rest of the body, up to its end, only to throw it away.
 */
const closeUnreadBodies = (req, res, next) => {
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((...args) => {
        if (res.statusCode >= 400 && !req.complete && !res.headersSent)
            res.setHeader('connection', 'close');
        return writeHead(...args);
    });
    next();
};
/** The endpoints that take credentials or send emails to anyone: guessing goes through them. */
const CREDENTIAL_ENDPOINTS = /^\/api\/(v1\/sessions|v1\/accounts(\/[\w/-]*)?|oauth\/token)\/?$/;
function limitCredentialEndpoints(db, limits) {
    const perIp = { name: 'credentials-ip', perMinute: limits.credentialsPerIp };
    const perClient = { name: 'oauth-client', perMinute: limits.oauthPerClient };
    return async (req, res, next) => {
        try {
            if (req.method !== 'POST' || !CREDENTIAL_ENDPOINTS.test(req.path))
                return next();
            await (0, throttle_1.countRequest)(db, perIp, req.ip ?? 'unknown');
            const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
            const clientId = basic && Buffer.from(basic, 'base64').toString('utf8').split(':')[0];
            if (req.path.startsWith('/api/oauth/') && clientId)
                await (0, throttle_1.countRequest)(db, perClient, clientId);
            next();
        }
        catch (err) {
            next(err);
        }
    };
}
/** What busboy (under multer) says of a multipart body it cannot read: the sender's mistake. */
const MALFORMED_MULTIPART = /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/;
const errorHandler = (err, req, res, _next) => {
    const known = toHttpError(err);
    const language = res.locals.language ?? 'fr';
    if (!known)
        req.log.error({ err }, 'request failed');
    const e = known ?? {
        status: 500,
        code: 'INTERNAL_ERROR',
        message: 'An unexpected error occurred; it has been logged.',
    };
    const message = (0, messages_1.refusalMessage)(e.code, e.message, language);
    const retryAfter = e.details?.retryAfterSeconds;
    if (e.status === 429 && retryAfter !== undefined)
        res.setHeader('retry-after', String(retryAfter));
    res.status(e.status).json({
        error: { code: e.code, message, details: localizedDetails(e.details, language), requestId: req.id },
    });
};
/** Findings an error carries (the reasons of a refused routing, …) in the reader's language. */
function localizedDetails(details, language) {
    if (!details || typeof details !== 'object')
        return details;
    const localized = Object.entries(details).map(([key, value]) => [
        key,
        Array.isArray(value) && value.every(isFinding) ? (0, messages_1.localizeFindings)(value, language) : value,
    ]);
    return Object.fromEntries(localized);
}
function isFinding(value) {
    return !!value && typeof value === 'object' && 'rule' in value && 'message' in value;
}
function toHttpError(err) {
    if (err instanceof domain_error_1.DomainError)
        return (0, errors_1.httpErrorOf)(err);
    if (err instanceof Error && MALFORMED_MULTIPART.test(err.message))
        return (0, errors_1.httpErrorOf)(new domain_error_1.DomainError('INVALID_MULTIPART', 'The multipart body is malformed or incomplete.', {
            field: 'body',
        }));
    if (err instanceof multer_1.default.MulterError) {
        const code = err.code === 'LIMIT_FILE_SIZE' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_MULTIPART';
        return (0, errors_1.httpErrorOf)(new domain_error_1.DomainError(code, err.message, { field: err.field ?? 'file' }));
    }
    const status = err.status;
    const type = err.type;
    if (type === 'entity.too.large')
        return (0, errors_1.httpErrorOf)(new domain_error_1.DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large.', { field: 'body' }));
    if (type === 'entity.parse.failed')
        return (0, errors_1.httpErrorOf)(new domain_error_1.DomainError('INVALID_JSON', 'The JSON body cannot be parsed.', { field: 'body' }));
    if (status && status >= 400 && status < 500)
        return { status, code: 'BAD_REQUEST', message: err.message };
    return undefined;
}
//# sourceMappingURL=app.js.map