import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import multer from 'multer';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ATTACHMENT_MAX_BYTES } from '../../invoicing/attachments';
import { checkedAttachmentName } from '../../platform/attachment-types';
import {
  addDraftAttachment,
  deleteDraftAttachment,
  listDraftAttachments,
} from '../../invoicing/drafts/attachments';

/** Room for the multipart envelope (boundaries, part headers) around one file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = () =>
  new DomainError(
    'ATTACHMENT_TOO_LARGE',
    `An attachment weighs at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB.`,
    { field: 'file' },
  );

/**
 * Reads one uploaded attachment: a multipart field "file", or the raw body named by ?name=. A body
 * announced larger than the limit is refused before it is read; one byte over the per-file limit is
 * read, enough to tell the sender it is too large. Both answer ATTACHMENT_TOO_LARGE.
 */
export const attachmentUpload: RequestHandler[] = [
  (req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) <= ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD)
      return next();
    res.setHeader('connection', 'close');
    next(tooLarge());
  },
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1 },
  }).single('file'),
  express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES + 1 }),
];

/** Size refusals of `attachmentUpload` under the documented code rather than the generic one. */
export const attachmentUploadErrors: ErrorRequestHandler = (err, _req, _res, next) => {
  const e = err as { code?: string; type?: string };
  if (e.code === 'LIMIT_FILE_SIZE' || e.type === 'entity.too.large') return next(tooLarge());
  next(err);
};

/**
 * The attachment `attachmentUpload` read, its name normalised and its content checked against the
 * allowed kinds (platform/attachment-types.ts), or ATTACHMENT_MISSING.
 */
export function uploadedAttachment(req: Request): { name: string; bytes: Buffer } {
  const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? (req.body as Buffer) : undefined);
  const name = req.file?.originalname ?? (typeof req.query.name === 'string' ? req.query.name : '');
  if (!bytes)
    throw new DomainError(
      'ATTACHMENT_MISSING',
      'Send the file as the body (with ?name=) or a multipart field "file".',
      { field: 'file' },
    );
  // An oversized file is refused by size (ATTACHMENT_TOO_LARGE) without being inspected.
  return { name: bytes.byteLength > ATTACHMENT_MAX_BYTES ? name : checkedAttachmentName(name, bytes), bytes };
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
  router.use('/drafts/:draftId/attachments', attachmentUploadErrors);

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
        '400': errorResponse(
          'ATTACHMENT_NAME_INVALID, ATTACHMENT_EXTENSION_NOT_ALLOWED, ATTACHMENT_EMPTY, PDF_ENCRYPTED, PDF_TRUNCATED',
        ),
        '409': errorResponse('ATTACHMENT_NAME_TAKEN, or the draft was sent'),
        '413': errorResponse('ATTACHMENT_TOO_LARGE, ATTACHMENTS_TOTAL_TOO_LARGE'),
        '415': errorResponse(
          'ATTACHMENT_TYPE_NOT_ALLOWED (HTML, programs, unknown content), ATTACHMENT_TYPE_MISMATCH, ATTACHMENT_ACTIVE_CONTENT',
        ),
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
