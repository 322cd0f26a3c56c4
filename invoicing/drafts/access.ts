import type { Db } from '../../platform/db';
import { DomainError } from '../../platform/domain-error';
import type { Caller } from '../../accounts/caller';
import { authorize } from '../../structures/access';
import { findDraft } from '../store/drafts';
import type { Draft } from './types';

/** A draft the caller may see: they belong to its structure (or are an operator). */
export async function readableDraft(db: Db, caller: Caller, draftId: string): Promise<Draft> {
  const draft = await findDraft(db, draftId);
  if (!draft) throw new DomainError('DRAFT_NOT_FOUND', `No draft ${draftId}.`, { field: 'params.draftId' });
  await authorize(db, caller, draft.structureId, 'member');
  return draft;
}

/** A draft that may still change: once sent it is the invoice's record. */
export async function editableDraft(db: Db, caller: Caller, draftId: string): Promise<Draft> {
  const draft = await readableDraft(db, caller, draftId);
  if (draft.status !== 'BROUILLON')
    throw new DomainError(
      'DRAFT_ALREADY_SENT',
      `The draft was sent as ${draft.invoiceId}; it can no longer change.`,
      { field: 'params.draftId' },
    );
  return draft;
}
