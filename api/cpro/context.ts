import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Db } from '../../platform/db';
import { DomainError } from '../../platform/domain-error';
import { applicationOfToken } from '../../service-mode/oauth';
import { verifyTechnicalAccount } from '../../service-mode/authentication';
import type { TechnicalCaller, TokenApplication } from '../../service-mode/types';
import { CODES, CproError, ok, WIRE_CODES } from './wire';
import type { Caller } from '../../accounts/caller';

/** Who calls /cpro: the application (bearer token) and the technical account (cpro-account header). */
export interface CproContext {
  application: TokenApplication;
  account: TechnicalCaller;
  /** The technical account as the shared services know callers. */
  caller: Caller;
}

export const cproContext = (res: Response): CproContext => res.locals.cpro as CproContext;

/**
 * Both credentials on every call: a valid bearer token of an application, and the cpro-account of a
 * technical account of the structure that application belongs to.
 */
export function cproAuthentication(db: Db): RequestHandler {
  return async (req, res, next) => {
    try {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const app = bearer ? await applicationOfToken(db, bearer) : undefined;
      if (!app) {
        res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
        throw new CproError(
          CODES.TOKEN_INVALID,
          'Jeton OAuth2 absent, inconnu ou expiré : demandez-en un à /api/oauth/token.',
          'Authorization',
          401,
        );
      }
      const header = req.headers['cpro-account'];
      const account = await verifyTechnicalAccount(db, Array.isArray(header) ? header[0] : header);
      if (account.structureId !== app.structureId)
        throw new CproError(
          CODES.STRUCTURE_NOT_ALLOWED,
          'Le compte technique appartient à une structure pour laquelle cette application n’est pas enregistrée.',
          'cpro-account',
          403,
        );
      res.locals.cpro = {
        application: app,
        account,
        caller: { userId: account.userId, email: account.login, operator: false },
      } satisfies CproContext;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Input schemas of the wire: clients send fields we do not read (idUtilisateurCourant...), so extra ones pass. */
export const wireAjv = new Ajv({
  allErrors: false,
  coerceTypes: false,
  strict: false,
  allowUnionTypes: true,
});

/** A POST endpoint: checks the JSON body against its schema, answers the result with codeRetour 0. */
export function endpoint<T>(
  validate: ValidateFunction<T> | undefined,
  run: (body: T, ctx: CproContext, req: Request) => Promise<object>,
  /** Answered as `run` returns it, without codeRetour and libelle. */
  bare = false,
): RequestHandler {
  return async (req, res) => {
    const read: unknown = absentRemoved(req.body ?? {});
    const body = validate ? tolerated(validate.schema, read) : read;
    if (validate && !validate(body)) {
      const e = validate.errors?.[0];
      const missing =
        e?.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
      const field = `${e?.instancePath ?? ''}${missing}`.replace(/^\//, '').replace(/\//g, '.');
      throw new CproError(
        CODES.INVALID_INPUT,
        `Champ ${field || 'corps'} : ${e?.message ?? 'invalide'}.`,
        field || 'body',
      );
    }
    const answer = await run(body as T, cproContext(res), req);
    res.json(bare ? answer : ok(answer));
  };
}

/**
 * SDKs generated from the platform's types send every field, `null` or `""` for those not given (the
 * Go SDK's nil pointers and zero strings): on this wire both mean absent.
 */
export function absentRemoved(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absentRemoved);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => [k, absentRemoved(v)]),
  );
}

type SchemaNode = { type?: string | string[]; properties?: Record<string, SchemaNode>; items?: SchemaNode };
const typesOf = (schema: SchemaNode) =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

/**
 * Harmless deviations of real clients, read as they meant them, guided by the operation's schema: an
 * empty object where an array is published is absent (PHP encodes an empty array as `{}`), a number or
 * a boolean sent as text is that number or boolean.
 */
export function tolerated(schema: unknown, value: unknown): unknown {
  if (!schema || typeof schema !== 'object') return value;
  const node = schema as SchemaNode;
  const types = typesOf(node);
  if (Array.isArray(value)) return node.items ? value.map((item) => tolerated(node.items, item)) : value;
  if (value !== null && typeof value === 'object') {
    if (types.includes('array') && !types.includes('object') && Object.keys(value).length === 0)
      return undefined;
    if (!node.properties) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const t = node.properties[k] ? tolerated(node.properties[k], v) : v;
      if (t !== undefined) out[k] = t;
    }
    return out;
  }
  if (typeof value === 'string' && !types.includes('string')) {
    if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value.trim()))
      return Number(value.trim());
    if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  }
  return value;
}

/** Every refusal as {codeRetour, libelle, erreur}; native errors of the shared services mapped to wire codes. */
export const cproErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const e = toCproError(err);
  if (!e) req.log.error({ err }, 'cpro request failed');
  const known =
    e ?? new CproError(CODES.TECHNICAL_ERROR, 'Erreur technique ; elle a été journalisée.', undefined, 500);
  const retryAfter =
    err instanceof DomainError
      ? (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
      : undefined;
  if (known.status === 429 && retryAfter !== undefined) res.setHeader('retry-after', String(retryAfter));
  res.status(known.status).json({
    codeRetour: known.codeRetour,
    libelle: known.message,
    erreur: { champ: known.field, code: known.nativeCode, requestId: req.id },
  });
};

function toCproError(err: unknown): CproError | undefined {
  if (err instanceof CproError) return err;
  if (err instanceof DomainError) {
    const wire = WIRE_CODES[err.code];
    if (wire?.libelle) return new CproError(wire.codeRetour, wire.libelle, err.details?.field, wire.status);
    const details = err.details as { field?: string; errors?: { field: string }[] } | undefined;
    const field = details?.field ?? details?.errors?.[0]?.field;
    return new CproError(
      wire?.codeRetour ?? CODES.REFUSED,
      `${err.code}: ${err.message}`,
      field,
      wire?.status ?? 400,
      err.code,
    );
  }
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large')
    return new CproError(
      CODES.FILE_INVALID,
      'Le corps de la requête est trop volumineux.',
      'body',
      400,
      'PAYLOAD_TOO_LARGE',
    );
  if (type === 'entity.parse.failed')
    return new CproError(CODES.INVALID_INPUT, 'Le corps JSON est illisible.', 'body', 400, 'INVALID_JSON');
  return undefined;
}
