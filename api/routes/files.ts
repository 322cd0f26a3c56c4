import { Router } from 'express';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { storeUploadedFile } from '../../invoicing/attachments';
import { attachmentUpload, attachmentUploadErrors, uploadedAttachment } from './draft-attachments';

/**
 * ajouter/fichier: a file uploaded on its own, named by its SHA-256, for a later action to reference
 * (the supplier's completion of a SUSPENDUE invoice). Same limits as a draft's attachments; the
 * store is content-addressed, so uploading the same bytes again adds nothing.
 */
export function filesRouter({ db, blobs }: AppDeps): Router {
  const router = Router();
  router.post('/files', ...attachmentUpload, async (req, res) => {
    const caller = requireCaller(res);
    const { name, bytes } = uploadedAttachment(req);
    res.status(201).json(await storeUploadedFile(db, blobs, name, bytes, caller));
  });
  router.use('/files', attachmentUploadErrors);
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
        '400': errorResponse(
          'ATTACHMENT_NAME_INVALID, ATTACHMENT_EXTENSION_NOT_ALLOWED, ATTACHMENT_EMPTY, PDF_ENCRYPTED, PDF_TRUNCATED',
        ),
        '401': errorResponse('Not signed in'),
        '413': errorResponse('ATTACHMENT_TOO_LARGE'),
        '415': errorResponse(
          'ATTACHMENT_TYPE_NOT_ALLOWED (HTML, programs, unknown content), ATTACHMENT_TYPE_MISMATCH, ATTACHMENT_ACTIVE_CONTENT',
        ),
      },
    },
  },
};
