import express, { Router, type Request } from 'express';
import multer from 'multer';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ATTACHMENT_MAX_BYTES } from '../../invoicing/attachments';
import {
  addDraftAttachment,
  deleteDraftAttachment,
  listDraftAttachments,
} from '../../invoicing/drafts/attachments';

/**
 * Reads one uploaded attachment: a multipart field "file", or the raw body named by ?name=. One byte
 * over the per-file limit is read, enough to tell the sender it is too large.
 */
export const attachmentUpload = [
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1 },
  }).single('file'),
  express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES + 1 }),
];

/** The attachment `attachmentUpload` read, or ATTACHMENT_MISSING. */
export function uploadedAttachment(req: Request): { name: string; bytes: Buffer } {
  const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? (req.body as Buffer) : undefined);
  const name = req.file?.originalname ?? (typeof req.query.name === 'string' ? req.query.name : '');
  if (!bytes)
    throw new DomainError(
      'ATTACHMENT_MISSING',
      'Send the file as the body (with ?name=) or a multipart field "file".',
      { field: 'file' },
    );
  return { name, bytes };
}

/** Pièces jointes of a draft: added while it is a draft, listed always. */
export function attachmentsRouter(deps: AppDeps): Router {
  const { db } = deps;
  const router = Router();
  router.post('/drafts/:draftId/attachments', ...attachmentUpload, async (req, res) => {
    const caller = requireCaller(res);
    const draftId = req.params.draftId as string;
    res.status(201).json(await addDraftAttachment(deps, caller, draftId, () => uploadedAttachment(req)));
  });

  router.get('/drafts/:draftId/attachments', async (req, res) => {
    res.json({ items: await listDraftAttachments(db, requireCaller(res), req.params.draftId as string) });
  });

  router.delete('/drafts/:draftId/attachments/:name', async (req, res) => {
    await deleteDraftAttachment(
      db,
      requireCaller(res),
      req.params.draftId as string,
      req.params.name as string,
    );
    res.status(204).end();
  });

  return router;
}

const params = [{ name: 'draftId', in: 'path', required: true, schema: { type: 'string' } }];

export const attachmentsOpenApi: OpenApiPaths = {
  '/api/v1/drafts/{draftId}/attachments': {
    post: {
      summary:
        'Add an attachment (≤ 10 MB, ≤ 120 MB with the invoice, name ≤ 50 characters with an allowed extension)',
      parameters: [
        ...params,
        { name: 'name', in: 'query', description: 'File name for a raw body', schema: { type: 'string' } },
      ],
      responses: {
        '201': { description: 'Kept (or already kept with the same content)' },
        '400': errorResponse('ATTACHMENT_NAME_INVALID, ATTACHMENT_EXTENSION_NOT_ALLOWED, ATTACHMENT_EMPTY'),
        '409': errorResponse('ATTACHMENT_NAME_TAKEN, or the draft was sent'),
        '413': errorResponse('ATTACHMENT_TOO_LARGE, ATTACHMENTS_TOTAL_TOO_LARGE'),
      },
    },
    get: {
      summary: 'The attachments of a draft',
      parameters: params,
      responses: { '200': { description: '{items}' } },
    },
  },
  '/api/v1/drafts/{draftId}/attachments/{name}': {
    delete: {
      summary: 'Remove an attachment of a draft',
      parameters: [...params, { name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '204': { description: 'Removed' }, '404': errorResponse('No such attachment') },
    },
  },
};
