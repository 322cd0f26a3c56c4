import express, { Router } from 'express';
import multer from 'multer';
import type { Db } from '../../platform/db';
import { depositInvoice, DepositDeps } from '../deposit';
import { ApiError } from '../errors';
import { ajv, check, depositQuery } from '../schemas';
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
