import express, { Router } from 'express';
import Ajv2020 from 'ajv/dist/2020';
import multer from 'multer';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { check } from '../schemas';
import { CADRES_DE_FACTURATION, invoiceSchema } from '../../invoice';
import { localizeFindings } from '../../invoice/messages';
import type { Invoice } from '../../invoice/model';
import type { DraftInput } from '../../invoicing/drafts/types';
import { readableDraft } from '../../invoicing/drafts/access';
import {
  createDraft,
  createDraftFromPdf,
  saveDraftInvoice,
  sendDraft,
  validateDraft,
} from '../../invoicing/drafts/drafts';

/** modeDepot of an invoice entered in the form: through the API, or on the portal. */
const ENTRY_MODES = ['SAISIE_API', 'SAISIE_PORTAIL'] as const;

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
const checkCreate = ajv2020.compile<DraftInput>(draftCreate);
const checkSave = ajv2020.compile<DraftInput & { invoice: Invoice }>(draftSave);

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
    const input = check(checkCreate, req.body ?? {}, 'body');
    res.status(201).json(await createDraft(db, requireCaller(res), req.params.structureId as string, input));
  });

  router.post('/structures/:structureId/drafts/from-pdf', rawPdf, upload.single('file'), async (req, res) => {
    const caller = requireCaller(res);
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    const pdf = { bytes, filename: req.file?.originalname };
    res.status(201).json(await createDraftFromPdf(deps, caller, req.params.structureId as string, pdf));
  });

  router.get('/drafts/:draftId', async (req, res) => {
    res.json(await readableDraft(db, requireCaller(res), req.params.draftId as string));
  });

  router.put('/drafts/:draftId', async (req, res) => {
    const caller = requireCaller(res);
    const draftId = req.params.draftId as string;
    const input = check(checkSave, req.body ?? {}, 'body');
    res.json(await saveDraftInvoice(db, caller, draftId, input));
  });

  router.post('/drafts/:draftId/validate', async (req, res) => {
    const checked = await validateDraft(db, requireCaller(res), req.params.draftId as string);
    res.json({ ...checked, findings: localizeFindings(checked.findings, res.locals.language) });
  });

  router.post('/drafts/:draftId/send', async (req, res) => {
    const sent = await sendDraft(deps, requireCaller(res), req.params.draftId as string);
    res.status(sent.created ? 202 : 200).json(sent);
  });

  return router;
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
