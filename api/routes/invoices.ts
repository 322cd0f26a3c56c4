import express, { Router, Response } from 'express';
import multer from 'multer';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import type { BlobStore } from '../../platform/blobs';
import { depositInvoice, DepositDeps } from '../../invoicing/deposit';
import { digitsOnly } from '../../invoice/platform-rules';
import { DomainError } from '../../platform/domain-error';
import { requireCaller } from '../auth';
import { ajv, check, depositAccepted, invoiceDetail } from '../schemas';
import { errorResponse, OpenApiPaths, queryParameters } from '../openapi';
import { invoiceView, localizedHistory } from '../../invoicing/read-model';
import { invoiceUpdate, readableInvoice } from '../../invoicing/access';
import { attachmentRefs } from '../../invoicing/attachments';
import { invoiceFile, type InvoiceFileRequest } from '../../invoicing/invoice-files';
import {
  completionBody,
  FORMAT_PARAM,
  lifecycleDepositQuery,
  queryAjv,
  recyclingBody,
  statusChangeBody,
} from '../invoice-schemas';
import { INVOICE_FORMATS, InvoiceFormat } from '../../invoicing/lifecycle/renditions';
import { downloadType } from '../../platform/attachment-types';
import {
  acknowledgeRejection,
  changeStatus,
  complete,
  invoiceLifecycle,
  recycle,
} from '../../workflows/invoice';

const checkDepositQuery = queryAjv.compile(lifecycleDepositQuery);
const checkStatusChange = ajv.compile(statusChangeBody);
const checkCompletion = ajv.compile(completionBody);
const checkRecycling = ajv.compile(recyclingBody);

const ACTIONS = ['status', 'completion', 'recycling', 'rejection-acknowledgement'] as const;

/** `<invoice id>/attachments/<sha256>`: one pièce jointe of the invoice. */
const ATTACHMENT_PATH = /^(.+)\/attachments\/([0-9a-f]{64})$/;
const FILES = ['certificate', ...INVOICE_FORMATS.map((f) => `files/${f}`)];

/** Splits /invoices/<id>[/<sub-resource>]: ids hold slashes, sent as they are or URL-encoded. */
function target(param: unknown, subs: readonly string[]): { id: string; sub?: string } {
  const path = ([] as string[]).concat(param as string | string[]).join('/');
  for (const sub of subs) if (path.endsWith(`/${sub}`)) return { id: path.slice(0, -sub.length - 1), sub };
  return { id: path };
}

/** What GET /invoices/<path> asks for: the invoice itself, or one of its files. */
function fileTarget(param: unknown): { id: string; file?: InvoiceFileRequest } {
  const attachment = ATTACHMENT_PATH.exec(([] as string[]).concat(param as string | string[]).join('/'));
  if (attachment) return { id: attachment[1], file: { kind: 'attachment', sha256: attachment[2] } };
  const { id, sub } = target(param, FILES);
  if (!sub) return { id };
  if (sub === 'certificate') return { id, file: { kind: 'certificate' } };
  return { id, file: { kind: 'rendition', format: sub.slice('files/'.length) as InvoiceFormat } };
}

export function invoicesRouter(
  deps: DepositDeps & { db: Db; client: Client; blobs: BlobStore; maxUploadBytes: number },
): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.maxUploadBytes, files: 1 },
  });
  const rawXml = express.raw({
    type: ['application/xml', 'text/xml', 'application/pdf', 'application/octet-stream'],
    limit: deps.maxUploadBytes,
  });

  router.post('/invoices', rawXml, upload.single('file'), async (req, res) => {
    const caller = requireCaller(res);
    const query = check(checkDepositQuery, { ...req.query }, 'query');
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    if (!bytes) {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the invoice as an application/xml or application/pdf body, or as a multipart/form-data field named "file".',
        { field: 'body' },
      );
    }
    const result = await depositInvoice(deps, bytes, {
      filename: req.file?.originalname,
      depositMode: query.modeDepot,
      caller,
      cadre: query.cadreFacturation,
      validatorId: query.identifiantValideur,
    });
    const self = `/api/v1/invoices/${result.invoiceId}`;
    res
      .status(result.created ? 202 : 200)
      .location(self)
      .json({ id: result.invoiceId, created: result.created, links: { self } });
  });

  router.get('/invoices/*id', async (req, res) => {
    const { id, file } = fileTarget(req.params.id);
    const invoice = await readableInvoice(deps, requireCaller(res), id);
    if (!file) {
      const view = await invoiceView(deps.db, invoice, { referenceRate: deps.lifecycle?.referenceRate });
      res.json({ ...view, history: localizedHistory(view.history, res.locals.language) });
      return;
    }
    const f = await invoiceFile(deps, invoice, file);
    sendFile(res, f.bytes, f.mediaType, f.filename);
  });

  router.post('/invoices/*id', async (req, res) => {
    const { id, sub } = target(req.params.id, ACTIONS);
    if (!sub) throw new DomainError('NOT_FOUND', `No route for POST ${req.path}.`);
    const caller = requireCaller(res);
    // A completion cites files: the supplier's side is checked before what it cites.
    const { actor } = await readableInvoice(deps, caller, id, sub === 'completion' ? 'supplier' : undefined);
    const handle = deps.client.workflow.getHandle<typeof invoiceLifecycle>(id);
    const body = req.body ?? {};
    const state = await invoiceUpdate(id, async () => {
      switch (sub as (typeof ACTIONS)[number]) {
        case 'status':
          return handle.executeUpdate(changeStatus, {
            args: [{ ...check(checkStatusChange, body, 'body'), actor }],
          });
        case 'completion': {
          const c = check(checkCompletion, body, 'body');
          const attachments = await attachmentRefs(deps.db, c.attachments, caller);
          return handle.executeUpdate(complete, { args: [{ actor, comment: c.comment, attachments }] });
        }
        case 'recycling': {
          const r = check(checkRecycling, body, 'body') as { recipientId?: string };
          // A SIRET typed with spaces or dots is its digits.
          const recipientId = r.recipientId === undefined ? {} : { recipientId: digitsOnly(r.recipientId) };
          return handle.executeUpdate(recycle, { args: [{ ...r, ...recipientId, actor }] });
        }
        case 'rejection-acknowledgement':
          return handle.executeUpdate(acknowledgeRejection, { args: [{ actor }] });
      }
    });
    res.json({ id, status: state.status, history: state.history });
  });

  return router;
}

function sendFile(res: Response, bytes: Uint8Array, mediaType: string, filename: string) {
  res
    .type(downloadType(mediaType))
    .setHeader('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .send(Buffer.from(bytes));
}

const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'invoice/<supplier id>/<year>/<number> (slashes may be sent as is or URL-encoded)',
  schema: { type: 'string' },
};
const updated = {
  description: 'The change is made; the new status and history',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { id: { type: 'string' }, status: { type: 'string' }, history: { type: 'array' } },
      },
    },
  },
};
const refusals = {
  '400': errorResponse(
    'Bad body, or a reason / mandate number the status needs is missing (REASON_REQUIRED, MANDATE_NUMBER_REQUIRED), or a completion with neither comment nor attachment (COMPLETION_EMPTY)',
  ),
  '401': errorResponse('Not signed in'),
  '403': errorResponse('Not a member of the structure that acts (NOT_A_MEMBER, SERVICE_NOT_ALLOWED)'),
  '404': errorResponse('No such invoice'),
  '409': errorResponse(
    'Not allowed from the current status (TRANSITION_NOT_ALLOWED, INVOICE_BUSY, INVOICE_CLOSED)',
  ),
};
const action = (summary: string, schema: object, extra: Record<string, unknown> = {}) => ({
  post: {
    summary,
    parameters: [idParam],
    requestBody: { required: true, content: { 'application/json': { schema } } },
    responses: { '200': updated, ...refusals, ...extra },
  },
});

export const invoicesOpenApi: OpenApiPaths = {
  '/api/v1/invoices': {
    post: {
      summary:
        'Deposit an invoice (UBL 2.1 or CII D16B XML, or a Factur-X PDF) for a structure you belong to',
      description:
        'Stores the file and starts its workflow: DEPOSEE → checks (recipient directory, duplicates) → [A9/A12: A_VALIDER_1] → ' +
        'EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION, or REJETEE. Depositing the same file again answers the same id. ' +
        'The caller must be a member of the supplier structure (the invoice seller).',
      parameters: queryParameters(lifecycleDepositQuery),
      requestBody: {
        required: true,
        content: {
          'application/xml': { schema: { type: 'string' } },
          'text/xml': { schema: { type: 'string' } },
          'application/pdf': { schema: { type: 'string', format: 'binary' } },
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary' } },
              required: ['file'],
            },
          },
        },
      },
      responses: {
        '202': {
          description: 'Deposited; follow it at links.self',
          content: { 'application/json': { schema: depositAccepted } },
        },
        '200': {
          description: 'This very file was already deposited',
          content: { 'application/json': { schema: depositAccepted } },
        },
        '400': errorResponse('Empty, not well-formed, or bad parameters'),
        '401': errorResponse('Not signed in'),
        '403': errorResponse('Not a member of the supplier structure (NOT_A_MEMBER)'),
        '409': errorResponse(
          'Another file was already deposited under this number by this supplier this year',
        ),
        '413': errorResponse('File too large'),
        '415': errorResponse('Not an invoice format the platform reads (or a PDF without invoice XML)'),
        '422': errorResponse(
          'The invoice lacks what is needed to file it (INVOICE_UNIDENTIFIABLE: number, date, seller ' +
            'identifier), or a party matches no structure (PARTY_UNRESOLVED) or several (PARTY_AMBIGUOUS): ' +
            'details.field names the business term to fill (BT-29 seller SIRET, BT-46 buyer SIRET)',
        ),
      },
    },
  },
  '/api/v1/invoices/{id}': {
    get: {
      summary:
        'An invoice: status (with its reform code), history, payment period and late-payment figures, allowed actions',
      parameters: [idParam],
      responses: {
        '200': { description: 'The invoice', content: { 'application/json': { schema: invoiceDetail } } },
        '401': errorResponse('Not signed in'),
        '403': errorResponse('Not a member of the supplier or recipient structure'),
        '404': errorResponse('No such invoice'),
      },
    },
  },
  '/api/v1/invoices/{id}/certificate': {
    get: {
      summary: 'The deposit certificate (PDF): deposit date, ids, SHA-256 of the deposited file',
      parameters: [idParam],
      responses: {
        '200': {
          description: 'PDF',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        '403': errorResponse('Not a party'),
        '404': errorResponse('No such invoice, or certificate not issued yet'),
      },
    },
  },
  '/api/v1/invoices/{id}/attachments/{sha256}': {
    get: {
      summary: 'Download a pièce jointe of the invoice (filed with it, or with a completion) by its SHA-256',
      parameters: [
        idParam,
        { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
      ],
      responses: {
        '200': { description: 'The file as uploaded' },
        '403': errorResponse('Not a party'),
        '404': errorResponse('INVOICE_NOT_FOUND, ATTACHMENT_NOT_FOUND'),
      },
    },
  },
  '/api/v1/invoices/{id}/files/{format}': {
    get: {
      summary: 'Download the invoice as deposited (original) or converted (ubl, cii, facturx, pdf)',
      parameters: [idParam, { name: 'format', in: 'path', required: true, schema: FORMAT_PARAM }],
      responses: {
        '200': { description: 'The file' },
        '403': errorResponse('Not a party'),
        '404': errorResponse('No such invoice'),
        '422': errorResponse('This invoice cannot be converted to that format (CONVERSION_FAILED)'),
      },
    },
  },
  '/api/v1/invoices/{id}/status': action(
    'traiter/recue: the recipient sets a status (SUSPENDUE, REJETEE, A_RECYCLER with a reason; SERVICE_FAIT; MANDATEE with its number; ...), or the A9/A12 validator VALIDEE_1 / REFUSEE_1',
    statusChangeBody,
  ),
  '/api/v1/invoices/{id}/completion': action(
    'completer: the supplier answers SUSPENDUE with attachments (uploaded blobs) and a comment → COMPLETEE',
    completionBody,
    { '422': errorResponse('An attachment is not an uploaded file (ATTACHMENT_UNKNOWN)') },
  ),
  '/api/v1/invoices/{id}/recycling': action(
    'recycler: the supplier corrects the recipient identifier, service code or engagement number of an A_RECYCLER invoice; it is routed again under the same number',
    recyclingBody,
    { '422': errorResponse('The corrected routing is still wrong (ROUTING_INVALID), with the reasons') },
  ),
  '/api/v1/invoices/{id}/rejection-acknowledgement': action('The supplier acknowledges a REJETEE invoice', {
    type: 'object',
    additionalProperties: false,
  }),
};
