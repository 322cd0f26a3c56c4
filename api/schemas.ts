import Ajv, { ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DomainError } from '../platform/domain-error';

/**
 * The JSON Schemas that check every input, and that the OpenAPI document is generated from, so the
 * documentation cannot drift from what the API accepts.
 */
export const ajv = addFormats(
  new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, strict: true }),
);

export const DEPOSIT_MODES = [
  'UPLOAD_API',
  'UPLOAD_PORTAIL',
  'EDI',
  'DEPOT_PDF_API',
  'DEPOT_PDF_PORTAIL',
] as const;

export interface DepositQuery {
  modeDepot: (typeof DEPOSIT_MODES)[number];
}

export const depositQuery: JSONSchemaType<DepositQuery> = {
  type: 'object',
  properties: {
    modeDepot: {
      type: 'string',
      enum: [...DEPOSIT_MODES],
      default: 'UPLOAD_API',
      description: 'How the invoice was deposited.',
    },
  },
  required: ['modeDepot'],
  additionalProperties: false,
};

export const errorBody = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. INVALID_INPUT.' },
        message: { type: 'string' },
        details: {},
        requestId: { type: 'string' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

export const depositAccepted = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'invoice/<supplier id>/<year>/<number>, also the workflow id.' },
    created: { type: 'boolean', description: 'false when the same file had already been deposited.' },
    links: { type: 'object', properties: { self: { type: 'string' } } },
  },
  required: ['id', 'created'],
} as const;

const findingSchema = {
  type: 'object',
  properties: {
    rule: { type: 'string' },
    severity: { type: 'string', enum: ['fatal', 'warning'] },
    message: { type: 'string' },
    location: { type: 'string' },
  },
  required: ['rule', 'severity', 'message'],
} as const;

export const invoiceDetail = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    status: { type: 'string', description: 'statutFacture, e.g. DEPOSEE, MISE_A_DISPOSITION, REJETEE.' },
    statusAt: { type: 'string', format: 'date-time' },
    depositedAt: { type: 'string', format: 'date-time' },
    supplier: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    recipient: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    issueDate: { type: 'string' },
    currency: { type: 'string' },
    totals: {
      type: 'object',
      properties: {
        withoutVat: { type: 'string' },
        vat: { type: 'string' },
        withVat: { type: 'string' },
        amountDue: { type: 'string' },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          status: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          actor: { type: 'string' },
          comment: { type: 'string' },
          reasons: { type: 'array', items: findingSchema },
        },
        required: ['status', 'at'],
      },
    },
  },
  required: ['id', 'status', 'history'],
} as const;

export const healthBody = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded'] },
    checks: {
      type: 'object',
      description: 'One entry per dependency: database, temporal, blobs, and mail when SMTP is configured',
      additionalProperties: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['up', 'down'] },
          required: { type: 'boolean', description: 'A required dependency down makes the answer 503' },
          latencyMs: { type: 'integer' },
          error: { type: 'string' },
        },
        required: ['status', 'required', 'latencyMs'],
      },
    },
  },
  required: ['status', 'checks'],
} as const;

/** Checks input against a compiled schema; a failure names the offending field. */
export function check<T>(
  validate: ValidateFunction<T>,
  data: unknown,
  where: 'query' | 'body' | 'params',
): T {
  if (validate(data)) return data;
  const errors = (validate.errors ?? []).map((e) => describe(e, where));
  throw new DomainError('INVALID_INPUT', errors.map((e) => e.message).join('; '), { errors });
}

function describe(e: ErrorObject, where: string): { field: string; message: string } {
  const missing =
    e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
  const extra =
    e.keyword === 'additionalProperties'
      ? `/${(e.params as { additionalProperty: string }).additionalProperty}`
      : '';
  const field = `${where}${(e.instancePath + missing + extra).replace(/\//g, '.')}`;
  const allowed =
    e.keyword === 'enum' ? ` (${(e.params as { allowedValues: string[] }).allowedValues.join(', ')})` : '';
  return { field, message: `${field} ${e.message}${allowed}` };
}
