import { Router } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { AppDeps } from '../app';
import { depositFlow } from '../../flows/deposit';
import { prepareDeposit, startInvoiceWorkflow } from '../../invoicing/deposit';
import { actorOf, invoiceUpdate, sidesOf } from '../../invoicing/access';
import { listingQueryBuilder } from '../../invoicing/read-model';
import { attachmentRefs } from '../routes/invoices';
import { readableFlow } from '../routes/flows';
import { FLOW_SYNTAXES, isFlowSyntax } from '../../flows/syntax';
import { readPdfText, PdfTextError } from '../../invoicing/drafts/pdf-text';
import { readInvoiceFacts } from '../../invoicing/drafts/pdf-prefill';
import { renderAs } from '../../invoicing/lifecycle/renditions';
import { STATUSES } from '../../invoicing/lifecycle/transitions';
import { toUbl } from '../../invoice';
import { storeBlob } from '../../platform/stored-blobs';
import { changeStatus, complete, invoiceLifecycle, recycle } from '../../workflows/invoice';
import { raccordementWorkflowId } from '../../service-mode/applications';
import { internalId, wireId } from '../../service-mode/identifiers';
import { factureOf, factureRowOf, paging, wireIdsOf } from './invoice-wire';
import { invoiceFromSoumettre, soumettreSchema, type Soumettre } from './soumettre';
import { CODES, CproError } from './wire';
import { getStructure } from '../../structures/structures';
import { listBankAccounts } from '../../structures/bank-accounts';
import { endpoint, wireAjv, type CproContext } from './context';
import { zipOf } from './zip';
import type { InvoiceDeposit } from '../../invoicing/types';

const base64 = { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9+/=\\s]+$' } as const;
const idFacture = { type: ['integer', 'string'] } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' } as const;
const pagination = {
  type: 'object',
  properties: {
    pageResultatDemandee: { type: 'integer', minimum: 1 },
    nbResultatsParPage: { type: 'integer', minimum: 1 },
  },
} as const;

export const facturesSchemas = {
  'deposer/flux': {
    type: 'object',
    required: ['fichierFlux', 'syntaxeFlux'],
    properties: {
      fichierFlux: base64,
      nomFichier: { type: 'string', maxLength: 200 },
      syntaxeFlux: { type: 'string', enum: Object.keys(FLOW_SYNTAXES) },
      avecSignature: { type: 'boolean' },
    },
  },
  'deposer/pdf': {
    type: 'object',
    required: ['fichierFacture', 'nomFichier'],
    properties: {
      fichierFacture: base64,
      nomFichier: { type: 'string', minLength: 1, maxLength: 200 },
      formatDepot: {
        type: 'string',
        enum: ['PDF_NON_SIGNE', 'PDF_SIGNE_PADES', 'PDF_SIGNE_XADES', 'DEPOT_PDF_API'],
      },
    },
  },
  soumettre: soumettreSchema,
  completer: {
    type: 'object',
    properties: {
      identifiantFactureCPP: idFacture,
      idFacture,
      commentaire: { type: 'string', maxLength: 1000 },
      listePiecesJointes: {
        type: 'array',
        items: { type: 'object', required: ['pieceJointeId'], properties: { pieceJointeId: idFacture } },
      },
    },
  },
  recycler: {
    type: 'object',
    properties: {
      identifiantFactureCPP: idFacture,
      idFacture,
      codeDestinataire: { type: 'string', maxLength: 100 },
      codeServiceExecutant: { type: 'string', maxLength: 100 },
      numeroBonCommande: { type: 'string', maxLength: 50 },
      commentaire: { type: 'string', maxLength: 1000 },
    },
  },
  consulter: {
    type: 'object',
    properties: { identifiantFactureCPP: idFacture, idFacture },
  },
  rechercher: {
    type: 'object',
    properties: {
      numeroFluxDepot: { type: 'string', maxLength: 64 },
      numeroFacture: { type: 'string', maxLength: 100 },
      numeroBonCommande: { type: 'string', maxLength: 50 },
      statutFacture: { type: 'string', enum: [...STATUSES] },
      statutCourant: { type: 'array', items: { type: 'string', enum: [...STATUSES] } },
      periodeDateDepotDu: date,
      periodeDateDepotAu: date,
      dateDepotDebut: date,
      dateDepotFin: date,
      paramRecherche: pagination,
      pagination,
      rechercheFactureParFournisseur: pagination,
      rechercheFactureParRecipiendaire: pagination,
    },
  },
  'telecharger/groupe': {
    type: 'object',
    required: ['listeFacture'],
    properties: {
      listeFacture: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { type: 'object', properties: { identifiantFactureCPP: idFacture, idFacture } },
      },
      format: { type: 'string', enum: ['PDF', 'XML', 'ZIP', 'PIVOT'] },
      avecPiecesJointesComplementaires: { type: 'string', enum: ['OUI', 'NON'] },
    },
  },
  'traiter/recue': {
    type: 'object',
    required: ['idFacture', 'nouveauStatut'],
    properties: {
      idFacture,
      nouveauStatut: { type: 'string', enum: [...STATUSES] },
      motif: { type: 'string', maxLength: 1000 },
      numeroDPMandat: { type: 'string', maxLength: 100 },
      commentaire: { type: 'string', maxLength: 1000 },
    },
  },
};

/** A checked request body: its fields are read by name, with the types its schema checked. */
type Body = Record<string, unknown>;
const compile = (name: keyof typeof facturesSchemas) => wireAjv.compile<Body>(facturesSchemas[name]);

const decode = (value: string, field: string): Buffer => {
  const bytes = Buffer.from(value.replace(/\s/g, ''), 'base64');
  if (bytes.length === 0)
    throw new CproError(CODES.FILE_INVALID, `Champ ${field} : fichier vide ou pas en base64.`, field);
  return bytes;
};

/** An invoice the technical account's structure is a party of, on the side the endpoint is for. */
async function partyInvoice(
  deps: AppDeps,
  ctx: CproContext,
  wire: unknown,
  field: string,
  side: 'supplier' | 'recipient',
) {
  const notFound = () =>
    new CproError(CODES.INVOICE_NOT_FOUND, `Aucune facture ${String(wire)} pour cette structure.`, field);
  const id = await internalId(deps.db, 'facture', wire);
  if (!id) throw notFound();
  const actor = await actorOf(deps.db, ctx.caller);
  const row = (await deps.db('invoices').where({ id }).first()) ?? (await justDeposited(deps, ctx, id, side));
  if (!row || !sidesOf(actor, row).includes(side)) throw notFound();
  return { id, row, actor };
}

/**
 * Just after soumettre the workflow may not have filed its first row: the invoice the account's own
 * structure deposited (its id names the supplier) is then shown as the workflow's start, DEPOSEE.
 */
async function justDeposited(deps: AppDeps, ctx: CproContext, id: string, side: 'supplier' | 'recipient') {
  const structure = await deps.db('structures').where({ id: ctx.account.structureId }).first('identifier');
  const [, supplierId, year, ...number] = id.split('/');
  if (side !== 'supplier' || supplierId !== structure?.identifier) return undefined;
  try {
    const described = await deps.client.workflow.getHandle(id).describe();
    const at = described.startTime.toISOString();
    return {
      id,
      number: number.join('/'),
      year: Number(year),
      supplier_id: supplierId,
      supplier_structure_id: ctx.account.structureId,
      status: 'DEPOSEE',
      reform_code: 200,
      status_at: at,
      deposited_at: at,
    };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

/** The technical account's structure, deciding whether deposits go to qualification. */
const qualificationOf = (ctx: CproContext): InvoiceDeposit['qualification'] =>
  ctx.application.mode === 'PRODUCTION'
    ? undefined
    : { raccordementId: raccordementWorkflowId(ctx.application.id) };

/** /cpro/factures/v1: the platform's invoice operations over the same deposit and lifecycle services. */
export function facturesRouter(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.post(
    '/deposer/flux',
    endpoint(compile('deposer/flux'), async (b, ctx) => {
      const syntax = b.syntaxeFlux as string;
      if (!isFlowSyntax(syntax))
        throw new CproError(CODES.FLOW_SYNTAX_INVALID, 'syntaxeFlux inconnue.', 'syntaxeFlux');
      const flow = await depositFlow(deps, decode(b.fichierFlux as string, 'fichierFlux'), {
        syntax,
        filename: b.nomFichier as string | undefined,
        userId: ctx.caller.userId,
        qualification: qualificationOf(ctx),
      });
      return {
        numeroFluxDepot: flow.numeroFluxDepot,
        dateDepot: flow.dateDepot.slice(0, 10),
        syntaxeFlux: syntax,
      };
    }),
  );

  router.post(
    '/deposer/pdf',
    endpoint(compile('deposer/pdf'), async (b) => {
      const bytes = decode(b.fichierFacture as string, 'fichierFacture');
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new CproError(CODES.FILE_INVALID, 'fichierFacture : ce n’est pas un PDF.', 'fichierFacture');
      let pages: string[][];
      try {
        pages = await readPdfText(bytes);
      } catch (err) {
        if (err instanceof PdfTextError)
          throw new CproError(
            CODES.FILE_INVALID,
            `${err.code}: ${err.message}`,
            'fichierFacture',
            400,
            err.code,
          );
        throw err;
      }
      // The invoice image itself, kept for soumettre's pieceJointePrincipale (not an attachment).
      const stored = await storeBlob(db, deps.blobs, bytes, {
        mediaType: 'application/pdf',
        filename: b.nomFichier as string,
      });
      const f = readInvoiceFacts(pages);
      const num = (v?: string) => (v === undefined ? null : Number(v));
      // The facts read are a suggestion the client checks before soumettre (modeDepot DEPOT_PDF_API),
      // flat as the platform answers them.
      return {
        pieceJointeId: await wireId(db, 'fichier', stored.sha256),
        numeroFacture: f.number ?? null,
        dateFacture: f.issueDate ?? null,
        dateEcheancePaiement: f.dueDate ?? null,
        codeFournisseur: f.sellerSiret ?? null,
        numeroTvaFournisseur: f.sellerVatId ?? null,
        codeDestinataire: f.buyerSiret ?? null,
        codeServiceExecutant: f.serviceCode ?? null,
        numeroBonCommande: f.engagementNumber ?? null,
        montantHtTotal: num(f.totals.withoutVat),
        montantTVA: num(f.totals.vat),
        montantTtcAvantRemiseGlobalTTC: num(f.totals.withVat),
        montantAPayer: num(f.totals.amountDue ?? f.totals.withVat),
        ligneTva: f.vat.map((v) => ({
          ligneTvaTauxManuel: Number(v.rate),
          ligneTvaMontantBaseHtParTaux: Number(v.taxableAmount),
          ligneTvaMontantTvaParTaux: Number(v.taxAmount),
        })),
      };
    }),
  );

  router.post(
    '/soumettre',
    endpoint(wireAjv.compile<Soumettre>(soumettreSchema), async (s, ctx) => {
      const supplierId = await internalId(db, 'structure', s.fournisseur.idFournisseur);
      if (supplierId !== ctx.account.structureId)
        throw new CproError(
          CODES.NOT_A_PARTY,
          'fournisseur.idFournisseur doit être la structure du compte technique.',
          'fournisseur.idFournisseur',
        );
      const supplier = (await getStructure(db, supplierId))!;
      const recipientRow = await db('structures')
        .where({ identifier: s.destinataire.codeDestinataire })
        .first('id');
      const recipient = recipientRow && (await getStructure(db, recipientRow.id));
      const bank = await bankAccountOf(deps, supplierId, s.fournisseur.codeCoordonneesBancairesFournisseur);
      const facts = (x: NonNullable<typeof recipient>) => ({ ...x, ...x.address });
      const invoice = invoiceFromSoumettre(
        s,
        facts(supplier),
        recipient ? facts(recipient) : undefined,
        bank,
      );
      for (const [i, pj] of (s.pieceJointePrincipale ?? []).entries()) {
        const sha = await internalId(db, 'fichier', pj.pieceJointePrincipaleId);
        const blob = sha && (await db('blobs').where({ sha256: sha }).first());
        if (!blob)
          throw new CproError(
            CODES.ATTACHMENT_INVALID,
            `Pièce jointe ${String(pj.pieceJointePrincipaleId)} inconnue : déposez-la d’abord (ajouter/fichier ou deposer/pdf).`,
            `pieceJointePrincipale.${i}.pieceJointePrincipaleId`,
          );
        // BG-24: the invoice image travels inside the UBL, as the platform keeps it with the invoice.
        invoice.supportingDocuments.push({
          reference: pj.pieceJointePrincipaleDesignation ?? blob.filename ?? 'Facture',
          attachment: {
            mimeCode: blob.media_type,
            filename: blob.filename ?? undefined,
            base64: Buffer.from(await deps.blobs.get(sha)).toString('base64'),
          },
        });
      }
      const prepared = await prepareDeposit(deps, Buffer.from(toUbl(invoice)), {
        filename: `${s.numeroFactureSaisi}.xml`,
        depositMode: s.modeDepot ?? (s.pieceJointePrincipale?.length ? 'DEPOT_PDF_API' : 'SAISIE_API'),
        caller: ctx.caller,
        cadre: s.cadreDeFacturation?.codeCadreFacturation,
        validatorId: s.cadreDeFacturation?.codeStructureValideur,
      });
      const qualification = qualificationOf(ctx);
      const result = await startInvoiceWorkflow(
        deps,
        qualification ? { ...prepared, qualification } : prepared,
      );
      return {
        identifiantFactureCPP: await wireId(db, 'facture', result.invoiceId),
        numeroFacture: prepared.number,
        dateDepot: prepared.depositedAt.slice(0, 10),
        identifiantStructure: prepared.supplierId,
        statutFacture: 'DEPOSEE',
      };
    }),
  );

  router.post(
    '/completer',
    endpoint(compile('completer'), async (b, ctx) => {
      const given = b.identifiantFactureCPP ?? b.idFacture;
      const { id, actor } = await partyInvoice(deps, ctx, given, 'identifiantFactureCPP', 'supplier');
      const pieces = (b.listePiecesJointes as { pieceJointeId: unknown }[] | undefined) ?? [];
      const hashes: string[] = [];
      for (const [i, p] of pieces.entries()) {
        const sha = await internalId(db, 'fichier', p.pieceJointeId);
        if (!sha)
          throw new CproError(
            CODES.ATTACHMENT_INVALID,
            'Pièce jointe inconnue.',
            `listePiecesJointes.${i}.pieceJointeId`,
          );
        hashes.push(sha);
      }
      const attachments = await attachmentRefs(db, hashes);
      const state = await invoiceUpdate(id, () =>
        deps.client.workflow.getHandle<typeof invoiceLifecycle>(id).executeUpdate(complete, {
          args: [{ actor, comment: b.commentaire as string | undefined, attachments }],
        }),
      );
      return { identifiantFactureCPP: await wireId(db, 'facture', id), statutFacture: state.status };
    }),
  );

  router.post(
    '/recycler',
    endpoint(compile('recycler'), async (b, ctx) => {
      const { id, actor } = await partyInvoice(
        deps,
        ctx,
        b.identifiantFactureCPP ?? b.idFacture,
        'identifiantFactureCPP',
        'supplier',
      );
      const state = await invoiceUpdate(id, () =>
        deps.client.workflow.getHandle<typeof invoiceLifecycle>(id).executeUpdate(recycle, {
          args: [
            {
              actor,
              recipientId: b.codeDestinataire as string | undefined,
              serviceCode: b.codeServiceExecutant as string | undefined,
              engagementNumber: b.numeroBonCommande as string | undefined,
              comment: b.commentaire as string | undefined,
            },
          ],
        }),
      );
      return { identifiantFactureCPP: await wireId(db, 'facture', id), statutFacture: state.status };
    }),
  );

  for (const [path, side] of [
    ['/consulter/fournisseur', 'supplier'],
    ['/consulter/recipiendaire', 'recipient'],
  ] as const)
    router.post(
      path,
      endpoint(compile('consulter'), async (b, ctx) => {
        const { row } = await partyInvoice(
          deps,
          ctx,
          b.identifiantFactureCPP ?? b.idFacture,
          'identifiantFactureCPP',
          side,
        );
        return { facture: factureOf(row, await wireIdsOf(db, [row])) };
      }),
    );

  router.post(
    '/consulter/historique',
    endpoint(compile('consulter'), async (b, ctx) => {
      const given = b.idFacture ?? b.identifiantFactureCPP;
      const id = await internalId(db, 'facture', given);
      const actor = await actorOf(db, ctx.caller);
      const row = id && (await db('invoices').where({ id }).first());
      if (!row || sidesOf(actor, row).length === 0)
        throw new CproError(
          CODES.INVOICE_NOT_FOUND,
          `Aucune facture ${String(given)} pour cette structure.`,
          'idFacture',
        );
      const history = await db('invoice_status_history').where({ invoice_id: row.id }).orderBy('seq');
      return {
        idFacture: await wireId(db, 'facture', row.id),
        numeroFacture: row.number,
        modeDepot: row.deposit_mode,
        statutCourantCode: row.status,
        historiquesDesStatuts: {
          totalHistoStatut: history.length,
          pageCouranteHistoStatut: 1,
          pagesHistoStatut: 1,
          nbResultatsParPageHistoStatut: history.length,
          histoStatut: history.map((h) => ({
            histoStatutId: Number(h.seq),
            histoStatutCode: h.status,
            histoStatutCodeReforme: h.reform_code === null ? null : Number(h.reform_code),
            histoStatutDatePassage: new Date(h.at).toISOString(),
            histoStatutActeur: h.actor,
            histoStatutCommentaire: h.comment ?? null,
            histoStatutMotif: h.reason ?? null,
            histoStatutNumeroDPMandat: h.mandate_number ?? null,
            // Why the platform's checks refused it: each fatal finding with its official rule id.
            histoStatutErreurs: h.reasons
              ? (JSON.parse(h.reasons) as { rule: string; severity: string; message: string }[])
                  .filter((f) => f.severity === 'fatal')
                  .map((f) => `${f.rule}: ${f.message}`)
              : [],
          })),
        },
      };
    }),
  );

  for (const [path, side] of [
    ['/rechercher/fournisseur', 'supplier'],
    ['/rechercher/recipiendaire', 'recipient'],
  ] as const)
    router.post(
      path,
      endpoint(compile('rechercher'), async (b, ctx) => {
        const actor = await actorOf(db, ctx.caller);
        const p = paging(
          (b.paramRecherche ??
            b.pagination ??
            b.rechercheFactureParFournisseur ??
            b.rechercheFactureParRecipiendaire) as
            { pageResultatDemandee?: number; nbResultatsParPage?: number } | undefined,
        );
        const { query } = listingQueryBuilder(db, actor, side, {
          status: b.statutFacture as string | undefined,
          from: ((b.periodeDateDepotDu ?? b.dateDepotDebut) as string | undefined)?.slice(0, 10),
          to: ((b.periodeDateDepotAu ?? b.dateDepotFin) as string | undefined)?.slice(0, 10),
          number: b.numeroFacture as string | undefined,
          page: p.page,
          pageSize: p.pageSize,
          sort: '-depositedAt',
          format: 'json',
        });
        const statuses = b.statutCourant as string[] | undefined;
        if (statuses?.length) query.whereIn('status', statuses);
        if (b.numeroBonCommande) query.where('engagement_number', b.numeroBonCommande as string);
        if (b.numeroFluxDepot) {
          // A flow's invoices are filed at the flow's deposit instant, by the EDI channel.
          const flow = await readableFlow(db, b.numeroFluxDepot as string, ctx.caller).catch(() => undefined);
          if (!flow)
            throw new CproError(
              CODES.FLOW_NOT_FOUND,
              `Aucun flux ${String(b.numeroFluxDepot)}.`,
              'numeroFluxDepot',
            );
          query.where({ deposited_at: flow.deposited_at, deposit_mode: 'EDI' });
        }
        const [{ n }] = await query.clone().count({ n: '*' });
        const rows = await query
          .orderBy([
            { column: 'deposited_at', order: 'desc' },
            { column: 'id', order: 'asc' },
          ])
          .limit(p.pageSize)
          .offset((p.page - 1) * p.pageSize)
          .select();
        const ids = await wireIdsOf(db, rows);
        const listeFactures = rows.map((r) => factureRowOf(r, ids));
        // Paging both at the top level (as the SDKs read it here) and as parametresRetour.
        const paged = p.answer(Number(n));
        return { listeFactures, ...paged, parametresRetour: paged };
      }),
    );

  router.post(
    '/telecharger/groupe',
    endpoint(compile('telecharger/groupe'), async (b, ctx) => {
      const format = (b.format as string | undefined) ?? 'PDF';
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const [i, item] of (
        b.listeFacture as { identifiantFactureCPP?: unknown; idFacture?: unknown }[]
      ).entries()) {
        const id = await internalId(db, 'facture', item.identifiantFactureCPP ?? item.idFacture);
        const actor = await actorOf(db, ctx.caller);
        const row = id && (await db('invoices').where({ id }).first());
        if (!row || sidesOf(actor, row).length === 0)
          throw new CproError(
            CODES.INVOICE_NOT_FOUND,
            'Facture inconnue pour cette structure.',
            `listeFacture.${i}.identifiantFactureCPP`,
          );
        const deposited = await deps.blobs.get(row.blob_sha256);
        const r =
          format === 'PDF'
            ? await renderAs(deposited, 'pdf', new Date(row.deposited_at))
            : format === 'XML'
              ? await renderAs(deposited, 'ubl', new Date(row.deposited_at))
              : await renderAs(deposited, 'original');
        files.push({ name: `${row.number}.${r.extension}`.replace(/[^\w.-]/g, '_'), bytes: r.bytes });
      }
      // Always a zip, as the platform answers a group download.
      return {
        fichierResultat: Buffer.from(zipOf(files)).toString('base64'),
        format: 'ZIP',
        nomFichier: 'factures.zip',
      };
    }),
  );

  router.post(
    '/traiter/recue',
    endpoint(compile('traiter/recue'), async (b, ctx) => {
      const { id, row, actor } = await partyInvoice(deps, ctx, b.idFacture, 'idFacture', 'recipient');
      const state = await invoiceUpdate(id, () =>
        deps.client.workflow.getHandle<typeof invoiceLifecycle>(id).executeUpdate(changeStatus, {
          args: [
            {
              actor,
              status: b.nouveauStatut as (typeof STATUSES)[number],
              reason: b.motif as string | undefined,
              mandateNumber: b.numeroDPMandat as string | undefined,
              comment: b.commentaire as string | undefined,
            },
          ],
        }),
      );
      return {
        idFacture: await wireId(db, 'facture', id),
        numeroFacture: row.number as string,
        nouveauStatut: state.status,
        statutFacture: state.status,
        dateTraitement: state.history.at(-1)!.at.slice(0, 10),
      };
    }),
  );

  return router;
}

/** codeCoordonneesBancairesFournisseur: the wire integer of one of the supplier's bank accounts. */
async function bankAccountOf(deps: AppDeps, structureId: string, code: unknown) {
  if (code === undefined || code === null || code === '') return undefined;
  const id = await internalId(deps.db, 'coordbanc', code);
  const account = (await listBankAccounts(deps.db, structureId)).find((a) => a.id === id);
  if (!account)
    throw new CproError(
      CODES.INVALID_INPUT,
      'Coordonnées bancaires inconnues pour cette structure (voir transverses recuperer/coordbanc/valides).',
      'fournisseur.codeCoordonneesBancairesFournisseur',
    );
  return account;
}
