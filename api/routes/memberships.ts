import express, { Router, type Request } from 'express';
import multer from 'multer';
import type { AppDeps } from '../app';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from '../../invoicing/attachments';
import { draftOf, editableDraftOf } from './drafts';

/** Media type of an attachment by its extension (the allowed list's common ones). */
export const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xml: 'application/xml',
  csv: 'text/csv',
  txt: 'text/plain',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  zip: 'application/zip',
};

/**
 * Keeps one attachment of a draft: the limits first, then the blob (content-addressed, so a retry
 * writes nothing new) and the row under (draft, name), checked against the running total inside one
 * transaction. The same name with the same content again is the same attachment.
 */
export async function saveAttachment(
  { db, blobs }: Pick<AppDeps, 'db' | 'blobs'>,
  draftId: string,
  name: string,
  bytes: Uint8Array,
  opts: { main?: boolean } = {},
) {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  const mediaType = MEDIA_TYPES[extension] ?? 'application/octet-stream';
  const early = checkAttachment(name, bytes.byteLength, 0);
  if (early) throw attachmentError(early);
  const blob = await blobs.put(bytes, { mediaType, filename: name });
  const now = new Date().toISOString();
  return db.transaction(async (trx) => {
    const existing = await trx('draft_attachments').where({ draft_id: draftId, name }).first();
    if (existing) {
      if (existing.blob_sha256 === blob.sha256) return toAttachment(existing);
      throw new DomainError('ATTACHMENT_NAME_TAKEN', `The draft already has an attachment named "${name}".`, {
        field: 'name',
      });
    }
    const [{ total }] = await trx('draft_attachments').where({ draft_id: draftId }).sum({ total: 'size' });
    const problem = checkAttachment(name, bytes.byteLength, Number(total ?? 0));
    if (problem) throw attachmentError(problem);
    await trx('blobs')
      .insert({
        sha256: blob.sha256,
        size: blob.size,
        media_type: mediaType,
        filename: name,
        created_at: now,
      })
      .onConflict('sha256')
      .ignore();
    const row = {
      draft_id: draftId,
      name,
      blob_sha256: blob.sha256,
      size: blob.size,
      media_type: mediaType,
      main: !!opts.main,
      created_at: now,
    };
    await trx('draft_attachments').insert(row);
    return toAttachment(row);
  });
}

export function attachmentError(p: { code: string; message: string; field: string }): DomainError {
  return new DomainError(p.code, p.message, { field: p.field });
}

function toAttachment(r: Record<string, unknown>) {
  return {
    name: r.name as string,
    size: Number(r.size),
    mediaType: r.media_type as string,
    sha256: r.blob_sha256 as string,
    main: !!r.main,
  };
}

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
    const row = await editableDraftOf(db, req, res);
    const { name, bytes } = uploadedAttachment(req);
    res.status(201).json(await saveAttachment(deps, row.id, name, bytes));
  });

  router.get('/drafts/:draftId/attachments', async (req, res) => {
    const row = await draftOf(db, req, res);
    const rows = await db('draft_attachments').where({ draft_id: row.id }).orderBy('created_at');
    res.json({ items: rows.map(toAttachment) });
  });

  router.delete('/drafts/:draftId/attachments/:name', async (req, res) => {
    const row = await editableDraftOf(db, req, res);
    const removed = await db('draft_attachments').where({ draft_id: row.id, name: req.params.name }).delete();
    if (removed === 0)
      throw new DomainError('ATTACHMENT_NOT_FOUND', `No attachment "${req.params.name}".`, {
        field: 'params.name',
      });
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
