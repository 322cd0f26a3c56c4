import Ajv, { JSONSchemaType } from 'ajv';
import addFormats from 'ajv-formats';
import { STATUSES } from '../invoicing/lifecycle/transitions';
import { INVOICE_FORMATS } from '../invoicing/lifecycle/renditions';
import { CADRES_DE_FACTURATION } from '../invoice/platform-rules/cadres';
import { DEPOSIT_MODES, DepositQuery } from './schemas';
import { LISTING_SORTS } from '../invoicing/read-model';

/** Query strings arrive as text: this instance coerces numbers, unlike the body checker. */
export const queryAjv = addFormats(
  new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: true }),
);

export interface LifecycleDepositQuery extends DepositQuery {
  cadreFacturation?: string;
  identifiantValideur?: string;
}

export const lifecycleDepositQuery: JSONSchemaType<LifecycleDepositQuery> = {
  type: 'object',
  properties: {
    modeDepot: {
      type: 'string',
      enum: [...DEPOSIT_MODES],
      default: 'UPLOAD_API',
      description: 'How the invoice was deposited.',
    },
    cadreFacturation: {
      type: 'string',
      enum: [...CADRES_DE_FACTURATION],
      nullable: true,
      description: 'Cadre de facturation; A9 and A12 invoices first go to the validator.',
    },
    identifiantValideur: {
      type: 'string',
      minLength: 1,
      maxLength: 80,
      nullable: true,
      description: 'Identifier of the validator structure (main contractor) of an A9 / A12 invoice.',
    },
  },
  required: ['modeDepot'],
  additionalProperties: false,
};

export interface StatusChangeBody {
  status: (typeof STATUSES)[number];
  reason?: string;
  comment?: string;
  mandateNumber?: string;
}
export const statusChangeBody: JSONSchemaType<StatusChangeBody> = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...STATUSES], description: 'nouveauStatut' },
    reason: {
      type: 'string',
      maxLength: 1000,
      nullable: true,
      description: 'motif (SUSPENDUE, REJETEE, A_RECYCLER, REFUSEE_1)',
    },
    comment: { type: 'string', maxLength: 2000, nullable: true },
    mandateNumber: {
      type: 'string',
      maxLength: 100,
      nullable: true,
      description: 'numeroDPMandat (MANDATEE)',
    },
  },
  required: ['status'],
  additionalProperties: false,
};

export interface CompletionBody {
  comment?: string;
  attachments: string[];
}
export const completionBody: JSONSchemaType<CompletionBody> = {
  type: 'object',
  properties: {
    comment: { type: 'string', maxLength: 2000, nullable: true },
    attachments: {
      type: 'array',
      items: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      maxItems: 100,
      default: [],
      description: 'SHA-256 of files already uploaded to the blob store.',
    },
  },
  required: ['attachments'],
  additionalProperties: false,
};

/** A recycle may change only the routing data. */
export interface RecyclingBody {
  recipientId?: string;
  serviceCode?: string;
  engagementNumber?: string;
  comment?: string;
}
export const recyclingBody: JSONSchemaType<RecyclingBody> = {
  type: 'object',
  properties: {
    recipientId: { type: 'string', minLength: 1, maxLength: 80, nullable: true },
    serviceCode: { type: 'string', minLength: 1, maxLength: 100, nullable: true },
    engagementNumber: { type: 'string', minLength: 1, maxLength: 50, nullable: true },
    comment: { type: 'string', maxLength: 2000, nullable: true },
  },
  additionalProperties: false,
};

export const SORTS = LISTING_SORTS;

export interface ListingQuery {
  status?: string;
  from?: string;
  to?: string;
  minAmount?: string;
  maxAmount?: string;
  counterpart?: string;
  number?: string;
  cadre?: string;
  page: number;
  pageSize: number;
  sort: (typeof SORTS)[number];
  format: 'json' | 'csv' | 'csv-international';
}
const decimal = { type: 'string', pattern: '^-?\\d{1,15}(\\.\\d{1,4})?$', nullable: true } as const;
export const listingQuery: JSONSchemaType<ListingQuery> = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...STATUSES], nullable: true, description: 'statutFacture' },
    from: {
      type: 'string',
      format: 'date',
      nullable: true,
      description: 'Deposited on or after (YYYY-MM-DD).',
    },
    to: {
      type: 'string',
      format: 'date',
      nullable: true,
      description: 'Deposited on or before (YYYY-MM-DD).',
    },
    minAmount: { ...decimal, description: 'Total with VAT at least.' },
    maxAmount: { ...decimal, description: 'Total with VAT at most.' },
    counterpart: {
      type: 'string',
      maxLength: 200,
      nullable: true,
      description: 'Identifier or part of the name of the other party.',
    },
    number: { type: 'string', maxLength: 100, nullable: true, description: 'Invoice number (exact).' },
    cadre: { type: 'string', enum: [...CADRES_DE_FACTURATION], nullable: true },
    page: { type: 'integer', minimum: 1, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    sort: { type: 'string', enum: [...SORTS], default: '-depositedAt' },
    format: {
      type: 'string',
      enum: ['json', 'csv', 'csv-international'],
      default: 'json',
      description:
        'csv: every matching row for a French spreadsheet (`;`, BOM, dd/mm/yyyy, decimal comma); csv-international: `,`, ISO dates, API field names.',
    },
  },
  required: ['page', 'pageSize', 'sort', 'format'],
  additionalProperties: false,
};

export const FORMAT_PARAM = { type: 'string', enum: [...INVOICE_FORMATS] } as const;
