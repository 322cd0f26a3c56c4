import express, { Router } from 'express';
import multer from 'multer';
import type { Db } from '../../platform/db';
import { depositInvoice, DepositDeps } from '../deposit';
import { ApiError } from '../errors';
import { ajv, check, depositAccepted, depositQuery, invoiceDetail } from '../schemas';
import { errorResponse, OpenApiPaths, queryParameters } from '../openapi';
import { readInvoice } from '../read-model';
import type { Client } from '@temporalio/client';

const checkDepositQuery = ajv.compile(depositQuery);

export function invoicesRouter(
  deps: DepositDeps & { db: Db; client: Client; maxUploadBytes: number },
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
    const query = check(checkDepositQuery, { ...req.query }, 'query');
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    if (!bytes) {
      throw new ApiError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the invoice as an application/xml or application/pdf body, or as a multipart/form-data field named "file".',
        { field: 'body' },
      );
    }
    const result = await depositInvoice(deps, bytes, {
      filename: req.file?.originalname,
      depositMode: query.modeDepot,
    });
    const self = `/api/v1/invoices/${result.invoiceId}`;
    res
      .status(result.created ? 202 : 200)
      .location(self)
      .json({ id: result.invoiceId, created: result.created, links: { self } });
  });

  router.get('/invoices/*id', async (req, res) => {
    const id = ([] as string[]).concat(req.params.id as string | string[]).join('/');
    const invoice = await readInvoice(deps.db, deps.client, id);
    if (!invoice)
      throw new ApiError(404, 'INVOICE_NOT_FOUND', `No invoice with id ${id}.`, { field: 'params.id' });
    res.json(invoice);
  });

  return router;
}

export const invoicesOpenApi: OpenApiPaths = {
  '/api/v1/invoices': {
    post: {
      summary: 'Deposit an invoice (UBL 2.1 or CII D16B XML, or a Factur-X PDF)',
      description:
        'Stores the file and starts its workflow: DEPOSEE → checks → EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION, or REJETEE. ' +
        'Depositing the same file again answers the same id.',
      parameters: queryParameters(depositQuery),
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
        '409': errorResponse(
          'Another file was already deposited under this number by this supplier this year',
        ),
        '413': errorResponse('File too large'),
        '415': errorResponse('Not an invoice format the platform reads (or a PDF without invoice XML)'),
        '422': errorResponse('The invoice lacks what is needed to file it (number, date, seller identifier)'),
      },
    },
  },
  '/api/v1/invoices/{id}': {
    get: {
      summary: 'An invoice: current status and status history',
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'invoice/<supplier id>/<year>/<number> (slashes may be sent as is or URL-encoded)',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': { description: 'The invoice', content: { 'application/json': { schema: invoiceDetail } } },
        '404': errorResponse('No such invoice'),
      },
    },
  },
};
