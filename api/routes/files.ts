import { Router } from 'express';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { storeUploadedFile } from '../../invoicing/attachments';
import { attachmentUpload, uploadedAttachment } from './draft-attachments';

/**
 * ajouter/fichier: a file uploaded on its own, named by its SHA-256, for a later action to reference
 * (the supplier's completion of a SUSPENDUE invoice). Same limits as a draft's attachments; the
 * store is content-addressed, so uploading the same bytes again adds nothing.
 */
export function filesRouter({ db, blobs }: AppDeps): Router {
  const router = Router();
  router.post('/files', ...attachmentUpload, async (req, res) => {
    requireCaller(res);
    const { name, bytes } = uploadedAttachment(req);
    res.status(201).json(await storeUploadedFile(db, blobs, name, bytes));
  });
  return router;
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
