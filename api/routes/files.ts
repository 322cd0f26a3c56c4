import express, { Router } from 'express';
import multer from 'multer';
import type { AppDeps } from '../app';
import type { Db } from '../../platform/db';
import type { BlobStore } from '../../platform/blobs';
import { requireCaller } from '../auth';
import { ApiError } from '../errors';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from '../../deposits/attachments';
import { storeBlob } from '../../platform/stored-blobs';
import { attachmentError, MEDIA_TYPES } from './attachments';

/**
 * ajouter/fichier: a file uploaded on its own, named by its SHA-256, for a later action to reference
 * (the supplier's completion of a SUSPENDUE invoice). Same limits as a draft's attachments; the
 * store is content-addressed, so uploading the same bytes again adds nothing.
 */
export function filesRouter({ db, blobs }: AppDeps): Router {
  const router = Router();
  // One byte over the limit is enough to tell the sender it is too large.
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1 },
  });
  const raw = express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES + 1 });

  router.post('/files', upload.single('file'), raw, async (req, res) => {
    requireCaller(res);
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    const name = req.file?.originalname ?? (typeof req.query.name === 'string' ? req.query.name : '');
    if (!bytes)
      throw new ApiError(
        400,
        'ATTACHMENT_MISSING',
        'Send the file as the body (with ?name=) or a multipart field "file".',
        {
          field: 'file',
        },
      );
    res.status(201).json(await storeUploadedFile(db, blobs, name, bytes));
  });
  return router;
}

/** Checks a file uploaded on its own against the attachment rules and stores it (ajouter/fichier too). */
export async function storeUploadedFile(db: Db, blobs: BlobStore, name: string, bytes: Uint8Array) {
  const problem = checkAttachment(name, bytes.byteLength, 0);
  if (problem) throw attachmentError(problem);
  const mediaType = MEDIA_TYPES[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
  const blob = await storeBlob(db, blobs, bytes, { mediaType, filename: name });
  return { sha256: blob.sha256, size: blob.size, mediaType, name };
}

export const filesOpenApi: OpenApiPaths = {
  '/api/v1/files': {
    post: {
      summary:
        'ajouter/fichier: upload a file (≤ 10 MB, name ≤ 50 characters with an allowed extension) to reference by its SHA-256',
      parameters: [
        { name: 'name', in: 'query', description: 'File name for a raw body', schema: { type: 'string' } },
      ],
      responses: {
        '201': { description: '{sha256, size, mediaType, name}' },
        '400': errorResponse('ATTACHMENT_NAME_INVALID, ATTACHMENT_EXTENSION_NOT_ALLOWED, ATTACHMENT_EMPTY'),
        '401': errorResponse('Not signed in'),
        '413': errorResponse('ATTACHMENT_TOO_LARGE'),
      },
    },
  },
};
