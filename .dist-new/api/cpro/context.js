"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.cproErrorHandler = exports.wireAjv = exports.cproContext = void 0;
exports.cproAuthentication = cproAuthentication;
exports.endpoint = endpoint;
exports.absentRemoved = absentRemoved;
exports.tolerated = tolerated;
const ajv_1 = __importDefault(require("ajv"));
const domain_error_1 = require("../../platform/domain-error");
const oauth_1 = require("../../service-mode/oauth");
const authentication_1 = require("../../service-mode/authentication");
const wire_1 = require("./wire");
const cproContext = (res) => res.locals.cpro;
exports.cproContext = cproContext;
/**
 * Both credentials on every call: a valid bearer token of an application, and the cpro-account of a
 * technical account of the structure that application belongs to.
 */
function cproAuthentication(db) {
    return async (req, res, next) => {
        try {
            const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
            const app = bearer ? await (0, oauth_1.applicationOfToken)(db, bearer) : undefined;
            if (!app) {
                res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
                throw new wire_1.CproError(wire_1.CODES.TOKEN_INVALID, 'Jeton OAuth2 absent, inconnu ou expiré : demandez-en un à /api/oauth/token.', 'Authorization', 401);
            }
            const header = req.headers['cpro-account'];
            const account = await (0, authentication_1.verifyTechnicalAccount)(db, Array.isArray(header) ? header[0] : header);
            if (account.structureId !== app.structureId)
                throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_ALLOWED, 'Le compte technique appartient à une structure pour laquelle cette application n’est pas enregistrée.', 'cpro-account', 403);
            res.locals.cpro = {
                application: app,
                account,
                caller: { userId: account.userId, email: account.login, operator: false },
            };
            next();
        }
        catch (err) {
            next(err);
        }
    };
}
/** Input schemas of the wire: clients send fields we do not read (idUtilisateurCourant...), so extra ones pass. */
exports.wireAjv = new ajv_1.default({
    allErrors: false,
    coerceTypes: false,
    strict: false,
    allowUnionTypes: true,
});
/** A POST endpoint: checks the JSON body against its schema, answers the result with codeRetour 0. */
function endpoint(validate, run, 
/** Answered as `run` returns it, without codeRetour and libelle. */
bare = false) {
    return async (req, res) => {
        const read = absentRemoved(req.body ?? {});
        const body = validate ? tolerated(validate.schema, read) : read;
        if (validate && !validate(body)) {
            const e = validate.errors?.[0];
            const missing = e?.keyword === 'required' ? `/${e.params.missingProperty}` : '';
            const field = `${e?.instancePath ?? ''}${missing}`.replace(/^\//, '').replace(/\//g, '.');
            throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, `Champ ${field || 'corps'} : ${e?.message ?? 'invalide'}.`, field || 'body');
        }
        const answer = await run(body, (0, exports.cproContext)(res), req);
        res.json(bare ? answer : (0, wire_1.ok)(answer));
    };
}
/**
 * SDKs generated from the platform's types send every field, `null` or `""` for those not given (the
 * Go SDK's nil pointers and zero strings): on this wire both mean absent.
 */
function absentRemoved(value) {
    if (Array.isArray(value))
        return value.map(absentRemoved);
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value))
        return value;
    return Object.fromEntries(Object.entries(value)
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => [k, absentRemoved(v)]));
}
const typesOf = (schema) => schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
/**
 * Harmless deviations of real clients, read as they meant them, guided by the operation's schema: an
 * empty object where an array is published is absent (PHP encodes an empty array as `{}`), a number or
 * a boolean sent as text is that number or boolean.
 */
function tolerated(schema, value) {
    if (!schema || typeof schema !== 'object')
        return value;
    const node = schema;
    const types = typesOf(node);
    if (Array.isArray(value))
        return node.items ? value.map((item) => tolerated(node.items, item)) : value;
    if (value !== null && typeof value === 'object') {
        if (types.includes('array') && !types.includes('object') && Object.keys(value).length === 0)
            return undefined;
        if (!node.properties)
            return value;
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            const t = node.properties[k] ? tolerated(node.properties[k], v) : v;
            if (t !== undefined)
                out[k] = t;
        }
        return out;
    }
    if (typeof value === 'string' && !types.includes('string')) {
        if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value.trim()))
            return Number(value.trim());
        if (types.includes('boolean') && (value === 'true' || value === 'false'))
            return value === 'true';
    }
    return value;
}
/** Every refusal as {codeRetour, libelle, erreur}; native errors of the shared services mapped to wire codes. */
const cproErrorHandler = (err, req, res, _next) => {
    const e = toCproError(err);
    if (!e)
        req.log.error({ err }, 'cpro request failed');
    const known = e ?? new wire_1.CproError(wire_1.CODES.TECHNICAL_ERROR, 'Erreur technique ; elle a été journalisée.', undefined, 500);
    const retryAfter = err instanceof domain_error_1.DomainError
        ? err.details?.retryAfterSeconds
        : undefined;
    if (known.status === 429 && retryAfter !== undefined)
        res.setHeader('retry-after', String(retryAfter));
    res.status(known.status).json({
        codeRetour: known.codeRetour,
        libelle: known.message,
        erreur: { champ: known.field, code: known.nativeCode, requestId: req.id },
    });
};
exports.cproErrorHandler = cproErrorHandler;
function toCproError(err) {
    if (err instanceof wire_1.CproError)
        return err;
    if (err instanceof domain_error_1.DomainError) {
        const wire = wire_1.WIRE_CODES[err.code];
        if (wire?.libelle)
            return new wire_1.CproError(wire.codeRetour, wire.libelle, err.details?.field, wire.status);
        const details = err.details;
        const field = details?.field ?? details?.errors?.[0]?.field;
        return new wire_1.CproError(wire?.codeRetour ?? wire_1.CODES.REFUSED, `${err.code}: ${err.message}`, field, wire?.status ?? 400, err.code);
    }
    const type = err.type;
    if (type === 'entity.too.large')
        return new wire_1.CproError(wire_1.CODES.FILE_INVALID, 'Le corps de la requête est trop volumineux.', 'body', 400, 'PAYLOAD_TOO_LARGE');
    if (type === 'entity.parse.failed')
        return new wire_1.CproError(wire_1.CODES.INVALID_INPUT, 'Le corps JSON est illisible.', 'body', 400, 'INVALID_JSON');
    return undefined;
}
//# sourceMappingURL=context.js.map