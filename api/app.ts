import crypto from 'node:crypto';
import express, { ErrorRequestHandler, Express } from 'express';
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
import { languageOf, localizeFindings, refusalMessage, type Language } from '../invoice/messages';
import { openApiDocument } from './openapi';
import { resources } from './routes';
import { cproRouter } from './cpro';
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
  // Service mode (/cpro, /api/oauth/token) parses and authenticates its own requests.
  app.use(cproRouter(deps));
  // API v1 speaks French unless the client prefers English: features stay language-neutral.
  app.use((req, res, next) => {
    res.locals.language = languageOf(req.get('accept-language'));
    next();
  });
  app.use(express.json({ limit: '1mb' }));

  const document = openApiDocument(resources.map((r) => r.openApi));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(authenticate(deps.db));
  for (const resource of resources) app.use(resource.mount, resource.router(deps));
  app.use(portalRouter({ devOutbox: !!deps.outbox }));

  app.use((req, _res, next) => next(new DomainError('NOT_FOUND', `No route for ${req.method} ${req.path}.`)));
  app.use(errorHandler);
  return app;
}

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
