import crypto from 'node:crypto';
import express, { ErrorRequestHandler, Express, RequestHandler } from 'express';
import helmet from 'helmet';
import multer from 'multer';
import pinoHttp from 'pino-http';
import type { Client } from '@temporalio/client';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import type { Logger } from '../platform/logger';
import type { Outbox } from '../platform/mail/outbox';
import type { SupportSettings } from '../support/types';
import { authenticate } from './auth';
import type { CompanyRegistry } from '../structures/registry';
import { httpErrorOf, HttpError } from './errors';
import { DomainError } from '../platform/domain-error';
import { checkJsonDepth } from '../platform/json-depth';
import { countRequest, type RateLimit } from '../platform/throttle';
import { languageOf, localizeFindings, refusalMessage, type Language } from '../invoice/messages';
import { openApiDocument } from './openapi';
import { resources } from './routes';
import { cproRouter } from './cpro';
import { metricsOpenApi, metricsRouter } from './routes/metrics';
import type { HealthProbes } from './routes/health';
import type { ConnectorRuntime } from '../connectors/runtime';
import { portalRouter } from '../portal/server';
import type { LifecycleSettings } from '../invoicing/settings';

export interface AppDeps {
  db: Db;
  client: Client;
  blobs: BlobStore;
  logger: Logger;
  taskQueue: string;
  maxUploadBytes: number;
  /** Base of the links emailed to people (PUBLIC_URL). */
  publicUrl: string;
  /** The development outbox, present only when no SMTP server is configured. */
  outbox?: Outbox;
  /** ERP connectors and the credentials key; without them the connection routes answer 503. */
  connectors?: ConnectorRuntime;
  /** Where structure SIRETs are looked up; default: the platform's company directory table. */
  companyRegistry?: CompanyRegistry;
  /** Payment delays, interest reference rate and validation delay given to each new invoice workflow. */
  lifecycle?: LifecycleSettings;
  /** Live-chat closing days and request categories; default: French holidays and support/categories.json. */
  support?: SupportSettings;
  /** Requests a minute on the credential endpoints, per IP and per OAuth client; unset: no limit. */
  rateLimits?: RateLimits;
  /** Checks /health runs besides the database, Temporal and the blob store (the SMTP server). */
  health?: HealthProbes;
  /** The bearer token GET /metrics asks for; unset: no /metrics. */
  metricsToken?: string;
}

/** Requests a minute, counted in the database (every API process sees them); 429 with Retry-After over them. */
export interface RateLimits {
  /** Sign-ins, account creations and link requests (POST /api/v1/sessions, /api/v1/accounts...) per IP. */
  credentialsPerIp: number;
  /** Token requests (POST /api/oauth/token) per client_id. */
  oauthPerClient: number;
}

/** The HTTP edge: parses and checks input, calls the features' services, maps their errors to HTTP. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // The portal loads only its own scripts, styles, fonts and images (DSFR icons are data: URIs).
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'font-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': deps.publicUrl.startsWith('https:') ? [] : null,
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/health' },
      // Method, path and status are enough; headers may carry credentials.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
    }),
  );
  app.use(closeUnreadBodies);
  if (deps.rateLimits) app.use(limitCredentialEndpoints(deps.db, deps.rateLimits));
  // Its bearer token is not a session's: answered before sessions are looked up.
  app.use(metricsRouter(deps));
  // Service mode (/cpro, /api/oauth/token) parses and authenticates its own requests.
  app.use(cproRouter(deps));
  // API v1 speaks French unless the client prefers English: features stay language-neutral.
  app.use((req, res, next) => {
    res.locals.language = languageOf(req.get('accept-language'));
    next();
  });
  // Who calls is known from headers alone, before any body is read; anonymous callers may send only
  // a small body (sign-up, sign-in, a visitor's request), and JSON is small everywhere.
  app.use(authenticate(deps.db));
  app.use(refuseLargeAnonymousBodies);
  app.use(express.json({ limit: JSON_BODY_LIMIT, verify: (_req, _res, body) => checkJsonDepth(body) }));

  const document = openApiDocument([...resources.map((r) => r.openApi), metricsOpenApi]);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  for (const resource of resources) app.use(resource.mount, resource.router(deps));
  app.use(portalRouter({ devOutbox: !!deps.outbox, db: deps.db }));

  app.use((req, _res, next) => next(new DomainError('NOT_FOUND', `No route for ${req.method} ${req.path}.`)));
  app.use(errorHandler);
  return app;
}

/** Largest JSON body of the API; files travel as uploads (multipart or raw), under their own limits. */
const JSON_BODY_LIMIT = '1mb';
/** Largest body an anonymous caller may send: the public forms' JSON. */
export const ANONYMOUS_BODY_BYTES = 64 * 1024;

/**
 * An anonymous request announcing a larger body (or one of unknown length) is refused 401 before a
 * byte of it is read, and its connection closed rather than drained.
 */
const refuseLargeAnonymousBodies: RequestHandler = (req, res, next) => {
  if (res.locals.caller) return next();
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (length === undefined ? !chunked : Number(length) <= ANONYMOUS_BODY_BYTES) return next();
  res.setHeader('connection', 'close');
  next(new DomainError('UNAUTHENTICATED', 'Sign in first (session cookie or bearer token).'));
};

/**
 * A refusal answered before the request's body was read (401, 413, ...) closes the connection: Node
 * would otherwise read the rest of the body, up to its end, only to throw it away.
 */
const closeUnreadBodies: RequestHandler = (req, res, next) => {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
  res.writeHead = ((...args: unknown[]) => {
    if (res.statusCode >= 400 && !req.complete && !res.headersSent) res.setHeader('connection', 'close');
    return writeHead(...args);
  }) as typeof res.writeHead;
  next();
};

/** The endpoints that take credentials or send emails to anyone: guessing goes through them. */
const CREDENTIAL_ENDPOINTS = /^\/api\/(v1\/sessions|v1\/accounts(\/[\w/-]*)?|oauth\/token)\/?$/;

function limitCredentialEndpoints(db: Db, limits: RateLimits): RequestHandler {
  const perIp: RateLimit = { name: 'credentials-ip', perMinute: limits.credentialsPerIp };
  const perClient: RateLimit = { name: 'oauth-client', perMinute: limits.oauthPerClient };
  return async (req, res, next) => {
    try {
      if (req.method !== 'POST' || !CREDENTIAL_ENDPOINTS.test(req.path)) return next();
      await countRequest(db, perIp, req.ip ?? 'unknown');
      const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const clientId = basic && Buffer.from(basic, 'base64').toString('utf8').split(':')[0];
      if (req.path.startsWith('/api/oauth/') && clientId) await countRequest(db, perClient, clientId);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** What busboy (under multer) says of a multipart body it cannot read: the sender's mistake. */
const MALFORMED_MULTIPART =
  /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/;

const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = toHttpError(err);
  const language: Language = res.locals.language ?? 'fr';
  if (!known) req.log.error({ err }, 'request failed');
  const e = known ?? {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: 'An unexpected error occurred; it has been logged.',
  };
  const message = refusalMessage(e.code, e.message, language);
  const retryAfter = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (e.status === 429 && retryAfter !== undefined) res.setHeader('retry-after', String(retryAfter));
  res.status(e.status).json({
    error: { code: e.code, message, details: localizedDetails(e.details, language), requestId: req.id },
  });
};

/** Findings an error carries (the reasons of a refused routing, …) in the reader's language. */
function localizedDetails(details: unknown, language: Language): unknown {
  if (!details || typeof details !== 'object') return details;
  const localized = Object.entries(details).map(([key, value]) => [
    key,
    Array.isArray(value) && value.every(isFinding) ? localizeFindings(value, language) : value,
  ]);
  return Object.fromEntries(localized);
}

function isFinding(value: unknown): value is { rule: string; message: string } {
  return !!value && typeof value === 'object' && 'rule' in value && 'message' in value;
}

function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof DomainError) return httpErrorOf(err);
  if (err instanceof Error && MALFORMED_MULTIPART.test(err.message))
    return httpErrorOf(
      new DomainError('INVALID_MULTIPART', 'The multipart body is malformed or incomplete.', {
        field: 'body',
      }),
    );
  if (err instanceof multer.MulterError) {
    const code = err.code === 'LIMIT_FILE_SIZE' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_MULTIPART';
    return httpErrorOf(new DomainError(code, err.message, { field: err.field ?? 'file' }));
  }
  const status = (err as { status?: number; type?: string }).status;
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large')
    return httpErrorOf(
      new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large.', { field: 'body' }),
    );
  if (type === 'entity.parse.failed')
    return httpErrorOf(new DomainError('INVALID_JSON', 'The JSON body cannot be parsed.', { field: 'body' }));
  if (status && status >= 400 && status < 500)
    return { status, code: 'BAD_REQUEST', message: (err as Error).message };
  return undefined;
}
