import type { Db } from '../../platform/db';
import type { BlobStore } from '../../platform/blobs';
import { DomainError } from '../../platform/domain-error';
import type { Caller } from '../../accounts/caller';
import { attachmentError, checkAttachment, mediaTypeOf } from '../attachments';
import { draftAttachments, keepDraftAttachment, removeDraftAttachment } from '../store/drafts';
import { editableDraft, readableDraft } from './access';
import type { DraftAttachment } from './types';

/**
 * Adds a pièce jointe to a draft the caller may still change; the file is read once the draft is
 * known to be theirs, so a refusal names the draft before the upload.
 */
export async function addDraftAttachment(
  deps: { db: Db; blobs: BlobStore },
  caller: Caller,
  draftId: string,
  file: () => { name: string; bytes: Uint8Array },
): Promise<DraftAttachment> {
  const draft = await editableDraft(deps.db, caller, draftId);
  const { name, bytes } = file();
  return keepAttachment(deps, draft.id, name, bytes);
}

export async function listDraftAttachments(
  db: Db,
  caller: Caller,
  draftId: string,
): Promise<DraftAttachment[]> {
  return draftAttachments(db, (await readableDraft(db, caller, draftId)).id);
}

export async function deleteDraftAttachment(
  db: Db,
  caller: Caller,
  draftId: string,
  name: string,
): Promise<void> {
  const draft = await editableDraft(db, caller, draftId);
  if (!(await removeDraftAttachment(db, draft.id, name)))
    throw new DomainError('ATTACHMENT_NOT_FOUND', `No attachment "${name}".`, { field: 'params.name' });
}

/**
 * Keeps one attachment of a draft: the limits first, then the blob (content-addressed, so a retry
 * writes nothing new) and the row under (draft, name), checked against the running total inside one
 * transaction. The same name with the same content again is the same attachment.
 */
export async function keepAttachment(
  { db, blobs }: { db: Db; blobs: BlobStore },
  draftId: string,
  name: string,
  bytes: Uint8Array,
  opts: { main?: boolean } = {},
): Promise<DraftAttachment> {
  const mediaType = mediaTypeOf(name);
  const early = checkAttachment(name, bytes.byteLength, 0);
  if (early) throw attachmentError(early);
  const blob = await blobs.put(bytes, { mediaType, filename: name });
  return keepDraftAttachment(
    db,
    { draftId, blob: { ...blob, mediaType, filename: name }, main: !!opts.main },
    {
      refuse: (total) => {
        const problem = checkAttachment(name, bytes.byteLength, total);
        return problem && attachmentError(problem);
      },
      taken: () =>
        new DomainError('ATTACHMENT_NAME_TAKEN', `The draft already has an attachment named "${name}".`, {
          field: 'name',
        }),
    },
  );
}
