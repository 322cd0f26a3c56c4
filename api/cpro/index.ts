import express, { Router, type ErrorRequestHandler } from 'express';
import type { AppDeps } from '../app';
import { issueToken, SCOPES, TOKEN_LIFETIME_SECONDS } from '../../service-mode/oauth';
import { CODES, CproError } from './wire';
import { cproAuthentication, cproErrorHandler } from './context';
import { cproCatalogue } from './catalogue';
import { groupRouter } from './group-router';
import { cproOpenApiDocument } from './openapi';
import { checkJsonDepth } from '../../platform/json-depth';

/** The operations whose body carries a file: deposer/flux, deposer/pdf, ajouter/fichier. */
const CPRO_UPLOADS = /\/(deposer\/flux|deposer\/pdf|ajouter\/fichier)\/?$/;

/**
 * Service mode: the State platform's API, wire-compatible, over the same services and workflows as
 * /api/v1. Mounted before the native body parser and authentication: its clients send large base64
 * bodies and a bearer token of their own (an application's, not a person's session).
 */
export function cproRouter(deps: AppDeps): Router {
  const router = Router();

  router.post(
    '/api/oauth/token',
    express.urlencoded({ extended: false, limit: '10kb' }),
    oauthToken(deps),
    oauthErrors,
  );

  const document = cproOpenApiDocument();
  router.get('/cpro/openapi.json', (_req, res) => {
    res.json(document);
  });

  const cpro = Router();
  // Both credentials are checked before a byte of the body is read. Every body is JSON here, whatever
  // content type a client forgot to send: at most 1 MB, but for the operations carrying a file in
  // base64 (a third larger than its bytes), and nested at most MAX_JSON_DEPTH deep.
  // Not strict: a JSON body `null` (one client's GET health-check) reads as no body.
  cpro.use(cproAuthentication(deps.db));
  const json = (limit: number) =>
    express.json({ type: () => true, strict: false, limit, verify: (_q, _s, body) => checkJsonDepth(body) });
  const small = json(1024 * 1024);
  const upload = json(Math.ceil(deps.maxUploadBytes * 1.4) + 64 * 1024);
  cpro.use((req, res, next) => (CPRO_UPLOADS.test(req.path) ? upload : small)(req, res, next));
  // Older clients (Odoo's module before PISTE) call the same operations without the version segment.
  for (const group of cproCatalogue())
    cpro.use([`/${group.name}/v1`, `/${group.name}`], groupRouter(deps, group));
  cpro.use((req, _res, next) =>
    next(new CproError(CODES.NOT_FOUND, `Aucune opération ${req.method} /cpro${req.path}.`, undefined, 404)),
  );
  cpro.use(cproErrorHandler);
  router.use('/cpro', cpro);
  return router;
}

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

/**
 * RFC 6749 client credentials (section 4.4): client_id and client_secret in the form body, or in
 * HTTP Basic authentication (section 2.3.1).
 */
function oauthToken({ db }: AppDeps): express.RequestHandler {
  return async (req, res) => {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    let clientId = form.client_id;
    let clientSecret = form.client_secret;
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      try {
        clientId = decodeURIComponent(decoded.slice(0, Math.max(colon, 0)));
        clientSecret = decodeURIComponent(decoded.slice(colon + 1));
      } catch {
        throw new OAuthError(400, 'invalid_request', 'The Basic credentials are not validly %-encoded.');
      }
    }
    if (!req.is('application/x-www-form-urlencoded'))
      throw new OAuthError(400, 'invalid_request', 'Send an application/x-www-form-urlencoded body.');
    if (!form.grant_type) throw new OAuthError(400, 'invalid_request', 'grant_type is missing.');
    if (form.grant_type !== 'client_credentials')
      throw new OAuthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
    if (!clientId || !clientSecret)
      throw new OAuthError(401, 'invalid_client', 'Client authentication failed.');
    const asked = (form.scope ?? 'openid').split(/\s+/).filter(Boolean);
    if (asked.some((s) => !SCOPES.includes(s)))
      throw new OAuthError(400, 'invalid_scope', `Known scopes: ${SCOPES.join(', ')}.`);
    const scope = asked.length ? asked.join(' ') : 'openid';
    const issued = await issueToken(db, clientId, clientSecret, scope);
    if (!issued) throw new OAuthError(401, 'invalid_client', 'Client authentication failed.');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('pragma', 'no-cache');
    res.json({ access_token: issued.token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope });
  };
}

const oauthErrors: ErrorRequestHandler = (err, req, res, next) => {
  if (!(err instanceof OAuthError)) return next(err);
  if (err.status === 401) res.setHeader('www-authenticate', 'Basic realm="facturflow"');
  res.setHeader('cache-control', 'no-store');
  res.status(err.status).json({ error: err.error, error_description: err.message });
};
