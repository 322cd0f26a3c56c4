import type { Db } from '../../platform/db';
import type { BlobStore } from '../../platform/blobs';
import { DomainError } from '../../platform/domain-error';
import type { Caller } from '../../accounts/caller';
import { authorize } from '../../structures/access';
import { getStructure, listStructuresOf } from '../../structures/structures';
import type { Structure } from '../../structures/types';
import { listBankAccounts } from '../../structures/bank-accounts';
import { dbRecipientDirectory } from '../../structures/directory';
import { checkInvoiceFile, toUbl } from '../../invoice';
import type { Invoice } from '../../invoice/model';
import { prepareDeposit, startInvoiceWorkflow, type DepositDeps } from '../deposit';
import { numberTaken } from '../store/lifecycle';
import { recipientStructureByIdentifier } from '../../structures';
import { draftAttachments, draftsInProgress, insertDraft, markDraftSent, saveDraft } from '../store/drafts';
import { keepAttachment } from './attachments';
import { editableDraft, readableDraft } from './access';
import {
  blankInvoice,
  pdfPrefilledFields,
  StructureFacts,
  withBuyer,
  withPdfFacts,
  withSeller,
} from './draft-invoice';
import { readPdfLayout, PdfTextError, type PdfLine } from './pdf-text';
import { readInvoiceFacts } from './pdf-prefill';
import type { Draft, DraftInput } from './types';

const today = () => new Date().toISOString().slice(0, 10);

/** A new draft of the structure, pre-filled from it and from the recipient the input names. */
export async function createDraft(
  db: Db,
  caller: Caller,
  structureId: string,
  input: DraftInput,
): Promise<Draft> {
  await authorize(db, caller, structureId, 'member');
  const invoice = await prefilled(db, structureId, input, input.invoice ?? blankInvoice(today()), {
    recipientRequired: true,
  });
  return insertDraft(db, {
    structureId,
    createdBy: caller.userId,
    invoice,
    cadreDeFacturation: input.cadreDeFacturation ?? 'A1_FACTURE_FOURNISSEUR',
    modeDepot: input.modeDepot ?? 'SAISIE_API',
  });
}

/**
 * A new draft pre-filled from a plain PDF invoice's text, the PDF kept with it as its main attachment
 * (pièce jointe principale); answers the facts read too, for the supplier to check.
 */
export async function createDraftFromPdf(
  deps: { db: Db; blobs: BlobStore },
  caller: Caller,
  structureId: string,
  pdf: { bytes?: Uint8Array; filename?: string },
) {
  const { db } = deps;
  await authorize(db, caller, structureId, 'member');
  const bytes = pdf.bytes;
  if (!bytes || bytes.length === 0)
    throw new DomainError(
      'PDF_MISSING',
      'Send the PDF as an application/pdf body or a multipart field named "file".',
      {
        field: 'file',
      },
    );
  let pages: PdfLine[][];
  try {
    pages = await readPdfLayout(bytes);
  } catch (err) {
    if (err instanceof PdfTextError) throw new DomainError(err.code, err.message, { field: 'file' });
    throw err;
  }
  const facts = readInvoiceFacts(pages);
  const base = await prefilled(db, structureId, { recipientId: facts.buyerSiret }, blankInvoice(today()), {
    // A buyer the PDF names but the platform does not know is for the supplier to correct in the form.
    recipientRequired: false,
  });
  const invoice = withPdfFacts(base, facts);
  const draft = await insertDraft(db, {
    structureId,
    createdBy: caller.userId,
    invoice,
    cadreDeFacturation: 'A1_FACTURE_FOURNISSEUR',
    modeDepot: 'SAISIE_PORTAIL',
    prefilled: pdfPrefilledFields(facts, invoice),
  });
  const name = attachmentName(pdf.filename ?? `${facts.number ?? 'facture'}.pdf`);
  await keepAttachment(deps, draft.id, name, bytes, { main: true });
  return { ...draft, facts };
}

/** Enregistrer: the invoice as entered, and the cadre and deposit mode when given. */
export async function saveDraftInvoice(
  db: Db,
  caller: Caller,
  draftId: string,
  input: DraftInput & { invoice: Invoice },
): Promise<Draft> {
  const draft = await editableDraft(db, caller, draftId);
  return saveDraft(db, draft.id, {
    invoice: input.invoice,
    cadreDeFacturation: input.cadreDeFacturation ?? draft.cadreDeFacturation,
    modeDepot: input.modeDepot ?? draft.modeDepot,
  });
}

/** Valider: every finding on the UBL written from the draft, nothing deposited. */
export async function validateDraft(db: Db, caller: Caller, draftId: string) {
  const draft = await readableDraft(db, caller, draftId);
  const invoice = { ...draft.invoice, cadreDeFacturation: draft.cadreDeFacturation } as Invoice;
  const result = await checkInvoiceFile(Buffer.from(toUbl(invoice)), {
    rules: 'all',
    platform: {
      recipients: dbRecipientDirectory(db),
      duplicates: { exists: (supplierId, year, number) => numberTaken(db, { supplierId, year, number }) },
    },
  });
  return { valid: result.valid, findings: result.findings };
}

/**
 * Envoyer: deposits the UBL written from the draft, with its pièces jointes (the main one first).
 * Sending again answers the invoice it became: a retried click files nothing twice.
 */
export async function sendDraft(deps: DepositDeps, caller: Caller, draftId: string) {
  const draft = await readableDraft(deps.db, caller, draftId);
  if (draft.status === 'ENVOYEE') return { draftId: draft.id, invoiceId: draft.invoiceId!, created: false };
  const deposit = await prepareDeposit(deps, Buffer.from(toUbl(draft.invoice)), {
    filename: `${draft.invoice.number || 'facture'}.xml`,
    depositMode: draft.modeDepot,
    caller,
    cadre: draft.cadreDeFacturation,
  });
  const attachments = (await draftAttachments(deps.db, draft.id, 'filing')).map((a) => ({
    sha256: a.sha256,
    size: a.size,
    mediaType: a.mediaType,
    filename: a.name,
  }));
  const result = await startInvoiceWorkflow(deps, { ...deposit, attachments });
  await markDraftSent(deps.db, draft.id, result.invoiceId);
  return { draftId: draft.id, invoiceId: result.invoiceId, created: result.created };
}

/** "Brouillons": the drafts being edited in the caller's structures, last changed first. */
export async function draftsOfCaller(db: Db, caller: Caller, limit = 200) {
  const structures = new Map((await listStructuresOf(db, caller.userId)).map((s) => [s.id, s.name]));
  const drafts = await draftsInProgress(db, [...structures.keys()], limit);
  return drafts.map((d) => ({
    id: d.id,
    structureId: d.structureId,
    structureName: structures.get(d.structureId),
    number: d.invoice.number || undefined,
    recipientName: d.invoice.buyer?.name,
    modeDepot: d.modeDepot,
    updatedAt: d.updatedAt,
  }));
}

/** An attachment name the limits accept, from a deposited file's name (at most 50 characters). */
function attachmentName(original: string): string {
  const clean = original.replace(/[\\/\u0000-\u001f]/g, '_');
  return clean.length <= 50 ? clean : `${clean.slice(0, 46)}.pdf`;
}

/** The supplier's identity, address and bank account, and the recipient's from the directory. */
async function prefilled(
  db: Db,
  structureId: string,
  input: DraftInput,
  invoice: Invoice,
  { recipientRequired }: { recipientRequired: boolean },
): Promise<Invoice> {
  const supplier = (await getStructure(db, structureId))!;
  const account = (await listBankAccounts(db, structureId)).find(
    (a) => !input.bankAccountId || a.id === input.bankAccountId,
  );
  if (input.bankAccountId && !account)
    throw new DomainError(
      'BANK_ACCOUNT_NOT_FOUND',
      `No bank account ${input.bankAccountId} in this structure.`,
      {
        field: 'body.bankAccountId',
      },
    );
  let filled = withSeller(invoice, facts(supplier), account && { iban: account.iban, bic: account.bic });
  if (input.recipientId) {
    const found = await recipientStructureByIdentifier(db, input.recipientId);
    const recipient = found && (await getStructure(db, found.id));
    if (recipient) filled = withBuyer(filled, facts(recipient));
    else if (recipientRequired)
      throw new DomainError(
        'RECIPIENT_NOT_FOUND',
        `No recipient structure ${input.recipientId} on the platform.`,
        {
          field: 'body.recipientId',
        },
      );
  }
  return filled;
}

function facts(s: Structure): StructureFacts {
  return {
    identifierType: s.identifierType,
    identifier: s.identifier,
    name: s.name ?? undefined,
    vatNumber: s.vatNumber,
    street: s.address.street,
    postalCode: s.address.postalCode,
    city: s.address.city,
    countryCode: s.address.countryCode ?? undefined,
  };
}
