import crypto from 'node:crypto';
import express, { Request, Response, Router } from 'express';
import Ajv2020 from 'ajv/dist/2020';
import multer from 'multer';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { check } from '../schemas';
import { prepareDeposit, startInvoiceWorkflow } from '../../invoicing/deposit';
import { authorize } from '../../structures/access';
import { dbRecipientDirectory } from '../../structures/directory';
import type { Db } from '../../platform/db';
import { CADRES_DE_FACTURATION, checkInvoiceFile, invoiceSchema, toUbl } from '../../invoice';
import type { Invoice } from '../../invoice/model';
import {
  blankInvoice,
  StructureFacts,
  withBuyer,
  withPdfFacts,
  withSeller,
} from '../../invoicing/drafts/draft-invoice';
import { readPdfText, PdfTextError } from '../../invoicing/drafts/pdf-text';
import { readInvoiceFacts } from '../../invoicing/drafts/pdf-prefill';
import { saveAttachment } from './memberships';

/** modeDepot of an invoice entered in the form: through the API, or on the portal. */
const ENTRY_MODES = ['SAISIE_API', 'SAISIE_PORTAIL'] as const;

interface DraftCreate {
  recipientId?: string;
  bankAccountId?: string;
  cadreDeFacturation?: string;
  modeDepot?: string;
  invoice?: Invoice;
}

const draftFields = {
  cadreDeFacturation: {
    type: 'string',
    enum: [...CADRES_DE_FACTURATION],
    description: 'codeCadreFacturation',
  },
  modeDepot: { type: 'string', enum: [...ENTRY_MODES] },
  invoice: { $ref: invoiceSchema.$id },
} as const;
const draftCreate = {
  type: 'object',
  additionalProperties: false,
  properties: {
    recipientId: {
      type: 'string',
      maxLength: 100,
      description: 'Identifier (SIRET) of the recipient structure: its identity pre-fills the buyer.',
    },
    bankAccountId: {
      type: 'string',
      maxLength: 64,
      description: 'One of the structure’s bank accounts; default its first.',
    },
    ...draftFields,
  },
};
const draftSave = {
  type: 'object',
  additionalProperties: false,
  required: ['invoice'],
  properties: draftFields,
};

// The invoice model's schema is draft 2020-12: its own ajv, into which the draft bodies reference it.
const ajv2020 = new Ajv2020({ allErrors: true, strict: false }).addSchema(invoiceSchema);
const checkCreate = ajv2020.compile<DraftCreate>(draftCreate);
const checkSave = ajv2020.compile<DraftCreate & { invoice: Invoice }>(draftSave);

/**
 * Invoice drafts: entered in the form (saisie) or pre-filled from a plain PDF, saved ("Enregistrer"),
 * checked ("Valider") and sent ("Envoyer") as the UBL the core writes from them.
 */
export function draftsRouter(deps: AppDeps): Router {
  const { db } = deps;
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.maxUploadBytes, files: 1 },
  });
  const rawPdf = express.raw({
    type: ['application/pdf', 'application/octet-stream'],
    limit: deps.maxUploadBytes,
  });

  router.post('/structures/:structureId/drafts', async (req, res) => {
    const caller = requireCaller(res);
    const structureId = req.params.structureId as string;
    await authorize(db, caller, structureId, 'member');
    const input = check(checkCreate, req.body ?? {}, 'body');
    const invoice = await prefilled(db, structureId, input, input.invoice ?? blankInvoice(today()), {
      recipientRequired: true,
    });
    res.status(201).json(await insertDraft(db, structureId, caller.userId, input, invoice));
  });

  router.post('/structures/:structureId/drafts/from-pdf', rawPdf, upload.single('file'), async (req, res) => {
    const caller = requireCaller(res);
    const structureId = req.params.structureId as string;
    await authorize(db, caller, structureId, 'member');
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    if (!bytes || bytes.length === 0)
      throw new DomainError(
        'PDF_MISSING',
        'Send the PDF as an application/pdf body or a multipart field named "file".',
        { field: 'file' },
      );
    let pages: string[][];
    try {
      pages = await readPdfText(bytes);
    } catch (err) {
      if (err instanceof PdfTextError) throw new DomainError(err.code, err.message, { field: 'file' });
      throw err;
    }
    const facts = readInvoiceFacts(pages);
    const base = await prefilled(db, structureId, { recipientId: facts.buyerSiret }, blankInvoice(today()), {
      // A buyer the PDF names but the platform does not know is for the supplier to correct in the form.
      recipientRequired: false,
    });
    const draft = await insertDraft(
      db,
      structureId,
      caller.userId,
      { modeDepot: 'SAISIE_PORTAIL' },
      withPdfFacts(base, facts),
    );
    // The deposited PDF stays with the draft as its main attachment (pièce jointe principale).
    const name = attachmentName(req.file?.originalname ?? `${facts.number ?? 'facture'}.pdf`);
    await saveAttachment(deps, draft.id, name, bytes, { main: true });
    res.status(201).json({ ...draft, facts });
  });

  router.get('/drafts/:draftId', async (req, res) => {
    res.json(toDraft(await draftOf(db, req, res)));
  });

  router.put('/drafts/:draftId', async (req, res) => {
    const row = await editableDraftOf(db, req, res);
    const input = check(checkSave, req.body ?? {}, 'body');
    await db('invoice_drafts')
      .where({ id: row.id })
      .update({
        invoice: JSON.stringify(input.invoice),
        cadre_facturation: input.cadreDeFacturation ?? row.cadre_facturation,
        deposit_mode: input.modeDepot ?? row.deposit_mode,
        updated_at: new Date().toISOString(),
      });
    res.json(toDraft(await db('invoice_drafts').where({ id: row.id }).first()));
  });

  router.post('/drafts/:draftId/validate', async (req, res) => {
    const row = await draftOf(db, req, res);
    const invoice = { ...JSON.parse(row.invoice), cadreDeFacturation: row.cadre_facturation } as Invoice;
    const result = await checkInvoiceFile(Buffer.from(toUbl(invoice)), {
      rules: 'all',
      platform: {
        recipients: dbRecipientDirectory(db),
        duplicates: {
          async exists(supplierId, year, number) {
            return !!(await db('invoices').where({ supplier_id: supplierId, year, number }).first('id'));
          },
        },
      },
    });
    res.json({ valid: result.valid, findings: result.findings });
  });

  router.post('/drafts/:draftId/send', async (req, res) => {
    const row = await draftOf(db, req, res);
    const caller = requireCaller(res);
    // Sending again answers the invoice it became: a retried click files nothing twice.
    if (row.status === 'ENVOYEE') {
      res.status(200).json({ draftId: row.id, invoiceId: row.invoice_id, created: false });
      return;
    }
    const invoice = JSON.parse(row.invoice) as Invoice;
    const deposit = await prepareDeposit(deps, Buffer.from(toUbl(invoice)), {
      filename: `${invoice.number || 'facture'}.xml`,
      depositMode: row.deposit_mode,
      caller,
      cadre: row.cadre_facturation,
    });
    // The draft's pièces jointes go with the invoice, the main one (a deposited PDF) first.
    const attachments = (
      await db('draft_attachments')
        .where({ draft_id: row.id })
        .orderBy([{ column: 'main', order: 'desc' }, { column: 'created_at' }, { column: 'name' }])
    ).map((a) => ({
      sha256: a.blob_sha256,
      size: Number(a.size),
      mediaType: a.media_type,
      filename: a.name,
    }));
    const result = await startInvoiceWorkflow(deps, { ...deposit, attachments });
    await db('invoice_drafts')
      .where({ id: row.id })
      .update({ status: 'ENVOYEE', invoice_id: result.invoiceId, updated_at: new Date().toISOString() });
    res
      .status(result.created ? 202 : 200)
      .json({ draftId: row.id, invoiceId: result.invoiceId, created: result.created });
  });

  return router;
}

const today = () => new Date().toISOString().slice(0, 10);

/** An attachment name the limits accept, from a deposited file's name (at most 50 characters). */
function attachmentName(original: string): string {
  const clean = original.replace(/[\\/\u0000-\u001f]/g, '_');
  return clean.length <= 50 ? clean : `${clean.slice(0, 46)}.pdf`;
}

/** The supplier's identity, address and bank account, and the recipient's from the directory. */
async function prefilled(
  db: Db,
  structureId: string,
  input: DraftCreate,
  invoice: Invoice,
  { recipientRequired }: { recipientRequired: boolean },
): Promise<Invoice> {
  const supplier = await db('structures').where({ id: structureId }).first();
  const account = await db('structure_bank_accounts')
    .where({ structure_id: structureId, ...(input.bankAccountId && { id: input.bankAccountId }) })
    .orderBy('created_at')
    .first('iban', 'bic');
  if (input.bankAccountId && !account)
    throw new DomainError(
      'BANK_ACCOUNT_NOT_FOUND',
      `No bank account ${input.bankAccountId} in this structure.`,
      { field: 'body.bankAccountId' },
    );
  let filled = withSeller(invoice, facts(supplier), account);
  if (input.recipientId) {
    const recipient = await db('structures').where({ identifier: input.recipientId }).first();
    if (recipient) filled = withBuyer(filled, facts(recipient));
    else if (recipientRequired)
      throw new DomainError(
        'RECIPIENT_NOT_FOUND',
        `No recipient structure ${input.recipientId} on the platform.`,
        { field: 'body.recipientId' },
      );
  }
  return filled;
}

function facts(row: Record<string, unknown>): StructureFacts {
  const opt = (k: string) => (row[k] as string | null) ?? undefined;
  return {
    identifierType: row.identifier_type as string,
    identifier: row.identifier as string,
    name: opt('name'),
    vatNumber: opt('vat_number'),
    street: opt('street'),
    postalCode: opt('postal_code'),
    city: opt('city'),
    countryCode: opt('country_code'),
  };
}

async function insertDraft(
  db: Db,
  structureId: string,
  userId: string,
  input: DraftCreate,
  invoice: Invoice,
) {
  const now = new Date().toISOString();
  const row = {
    id: crypto.randomUUID(),
    structure_id: structureId,
    created_by: userId,
    status: 'BROUILLON',
    invoice: JSON.stringify(invoice),
    cadre_facturation: input.cadreDeFacturation ?? 'A1_FACTURE_FOURNISSEUR',
    deposit_mode: input.modeDepot ?? 'SAISIE_API',
    invoice_id: null,
    created_at: now,
    updated_at: now,
  };
  await db('invoice_drafts').insert(row);
  return toDraft(row);
}

/** A draft the caller may see: they belong to its structure (or are an operator). */
export async function draftOf(db: Db, req: Request, res: Response) {
  const caller = requireCaller(res);
  const row = await db('invoice_drafts').where({ id: req.params.draftId }).first();
  if (!row)
    throw new DomainError('DRAFT_NOT_FOUND', `No draft ${req.params.draftId}.`, {
      field: 'params.draftId',
    });
  await authorize(db, caller, row.structure_id, 'member');
  return row;
}

/** A draft that may still change: once sent it is the invoice's record. */
export async function editableDraftOf(db: Db, req: Request, res: Response) {
  const row = await draftOf(db, req, res);
  if (row.status !== 'BROUILLON')
    throw new DomainError(
      'DRAFT_ALREADY_SENT',
      `The draft was sent as ${row.invoice_id}; it can no longer change.`,
      {
        field: 'params.draftId',
      },
    );
  return row;
}

function toDraft(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    structureId: r.structure_id as string,
    status: r.status as string,
    cadreDeFacturation: r.cadre_facturation as string,
    modeDepot: r.deposit_mode as string,
    invoice: JSON.parse(r.invoice as string) as Invoice,
    invoiceId: (r.invoice_id as string | null) ?? undefined,
    createdAt: new Date(r.created_at as string).toISOString(),
    updatedAt: new Date(r.updated_at as string).toISOString(),
  };
}

const draftIdParam = { name: 'draftId', in: 'path', required: true, schema: { type: 'string' } };
const structureIdParam = { name: 'structureId', in: 'path', required: true, schema: { type: 'string' } };
const draftErrors = {
  '401': errorResponse('Not signed in'),
  '403': errorResponse('Not a member of the draft’s structure'),
  '404': errorResponse('No such draft or structure'),
};

export const draftsOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/drafts': {
    post: {
      summary:
        'Create an invoice draft pre-filled from the structure (identity, address, bank account) and the recipient directory',
      parameters: [structureIdParam],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              ...draftCreate,
              properties: {
                ...draftCreate.properties,
                invoice: { type: 'object', description: 'EN 16931 model (see the invoice schema)' },
              },
            },
          },
        },
      },
      responses: {
        '201': { description: 'The draft' },
        '400': errorResponse('Bad input (field named)'),
        ...draftErrors,
      },
    },
  },
  '/api/v1/structures/{structureId}/drafts/from-pdf': {
    post: {
      summary:
        'Create a draft pre-filled from a plain PDF invoice (text layer); the PDF becomes its main attachment',
      parameters: [structureIdParam],
      requestBody: { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        '201': { description: 'The draft, with the facts read from the PDF' },
        '422': errorResponse('PDF_NO_TEXT (scanned), PDF_ENCRYPTED (protected) or PDF_UNREADABLE'),
        ...draftErrors,
      },
    },
  },
  '/api/v1/drafts/{draftId}': {
    get: {
      summary: 'A draft',
      parameters: [draftIdParam],
      responses: { '200': { description: 'The draft' }, ...draftErrors },
    },
    put: {
      summary:
        'Save a draft (Enregistrer): the invoice as the EN 16931 model, checked against its JSON Schema',
      parameters: [draftIdParam],
      responses: {
        '200': { description: 'Saved' },
        '400': errorResponse('Not of the model'),
        '409': errorResponse('Already sent'),
        ...draftErrors,
      },
    },
  },
  '/api/v1/drafts/{draftId}/validate': {
    post: {
      summary: 'Check a draft (Valider): every finding on the UBL written from it, nothing deposited',
      parameters: [draftIdParam],
      responses: { '200': { description: '{valid, findings}' }, ...draftErrors },
    },
  },
  '/api/v1/drafts/{draftId}/send': {
    post: {
      summary:
        'Send a draft (Envoyer): deposit the UBL written from it with modeDepot SAISIE_API or SAISIE_PORTAIL',
      parameters: [draftIdParam],
      responses: {
        '202': { description: 'Deposited: {invoiceId}' },
        '200': { description: 'Already sent: the same invoiceId' },
        '409': errorResponse('DUPLICATE_INVOICE: the number is already used by this supplier this year'),
        '422': errorResponse('INVOICE_UNIDENTIFIABLE: number, date or seller identifier missing'),
        ...draftErrors,
      },
    },
  },
};
