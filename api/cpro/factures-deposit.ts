import type { AppDeps } from '../app';
import { depositFlow } from '../../flows/deposit';
import { isFlowSyntax } from '../../flows/syntax';
import { prepareDeposit, startInvoiceWorkflow } from '../../invoicing/deposit';
import { readPdfLayout, PdfTextError, type PdfLine } from '../../invoicing/drafts/pdf-text';
import { readInvoiceFacts } from '../../invoicing/drafts/pdf-prefill';
import { toUbl } from '../../invoice';
import type { Invoice } from '../../invoice/model';
import { DomainError } from '../../platform/domain-error';
import { digitsOnly } from '../../invoice/platform-rules';
import { storeBlob } from '../../platform/stored-blobs';
import { internalId, wireId } from '../../service-mode/identifiers';
import { getStructure, listBankAccounts, structureIdByIdentifier, type Structure } from '../../structures';
import { attachmentRefs } from '../../invoicing/attachments';
import { invoiceFromSoumettre, principalPieces, type Soumettre } from './soumettre';
import { CODES, CproError } from './wire';
import type { CproContext } from './context';
import { decode, qualificationOf } from './facture-access';
import { wireDate } from './invoice-wire';

type Body = Record<string, unknown>;

/** deposer/flux: an EDI flow of invoices, as the flow channel takes it. */
export async function deposerFlux(deps: AppDeps, b: Body, ctx: CproContext) {
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
    dateDepot: wireDate(flow.dateDepot),
    syntaxeFlux: syntax,
  };
}

/**
 * deposer/pdf: keeps the invoice image for soumettre's pieceJointePrincipale (not an attachment) and
 * answers the facts read from it, a suggestion the client checks before soumettre (modeDepot
 * DEPOT_PDF_API), flat as the platform answers them.
 */
export async function deposerPdf(deps: AppDeps, b: Body) {
  const bytes = decode(b.fichierFacture as string, 'fichierFacture');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new CproError(CODES.FILE_INVALID, 'fichierFacture : ce n’est pas un PDF.', 'fichierFacture');
  const pages = await pdfPages(bytes);
  const stored = await storeBlob(deps.db, deps.blobs, bytes, {
    mediaType: 'application/pdf',
    filename: b.nomFichier as string,
  });
  const f = readInvoiceFacts(pages);
  const num = (v?: string) => (v === undefined ? null : Number(v));
  return {
    pieceJointeId: await wireId(deps.db, 'fichier', stored.sha256),
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
}

/**
 * The pages as positioned cells, as the portal's pre-fill reads them: flattened text lines would merge
 * side-by-side blocks (the invoice date beside the seller's address, the buyer's block beside the
 * references) and lose those facts.
 */
async function pdfPages(bytes: Buffer): Promise<PdfLine[][]> {
  try {
    return await readPdfLayout(bytes);
  } catch (err) {
    if (err instanceof PdfTextError)
      throw new CproError(CODES.FILE_INVALID, `${err.code}: ${err.message}`, 'fichierFacture', 400, err.code);
    throw err;
  }
}

/** soumettre: an invoice keyed in by the client, deposited as UBL through the one deposit path. */
export async function soumettre(deps: AppDeps, body: Body, ctx: CproContext) {
  const s = {
    ...(body as unknown as Soumettre),
    pieceJointePrincipale: principalPieces(body.pieceJointePrincipale),
  };
  const { supplier, recipient } = await partiesOf(deps, s, ctx);
  const bank = await bankAccountOf(deps, supplier.id, s.fournisseur.codeCoordonneesBancairesFournisseur);
  const facts = (x: Structure) => ({ ...x, ...x.address });
  const invoice = invoiceFromSoumettre(s, facts(supplier), recipient ? facts(recipient) : undefined, bank);
  await addInvoiceImages(deps, s, invoice);
  const prepared = await prepareDeposit(deps, Buffer.from(toUbl(invoice)), {
    filename: `${s.numeroFactureSaisi}.xml`,
    depositMode: s.modeDepot ?? (s.pieceJointePrincipale?.length ? 'DEPOT_PDF_API' : 'SAISIE_API'),
    caller: ctx.caller,
    cadre: s.cadreDeFacturation?.codeCadreFacturation,
    validatorId: s.cadreDeFacturation?.codeStructureValideur
      ? digitsOnly(s.cadreDeFacturation.codeStructureValideur)
      : undefined,
  });
  const qualification = qualificationOf(ctx);
  const result = await startInvoiceWorkflow(deps, qualification ? { ...prepared, qualification } : prepared);
  return {
    identifiantFactureCPP: await wireId(deps.db, 'facture', result.invoiceId),
    numeroFacture: prepared.number,
    dateDepot: wireDate(prepared.depositedAt),
    identifiantStructure: prepared.supplierId,
    statutFacture: 'DEPOSEE',
  };
}

/** The supplier must be the technical account's structure; the recipient is looked up by its identifier. */
async function partiesOf(deps: AppDeps, s: Soumettre, ctx: CproContext) {
  const supplierId = await internalId(deps.db, 'structure', s.fournisseur.idFournisseur);
  if (supplierId !== ctx.account.structureId)
    throw new CproError(
      CODES.NOT_A_PARTY,
      'fournisseur.idFournisseur doit être la structure du compte technique.',
      'fournisseur.idFournisseur',
    );
  const supplier = (await getStructure(deps.db, supplierId))!;
  // A SIRET keyed in as people type it ("412 345 678 00012") is its digits.
  const recipientId = await structureIdByIdentifier(deps.db, digitsOnly(s.destinataire.codeDestinataire));
  const recipient = recipientId ? await getStructure(deps.db, recipientId) : undefined;
  return { supplier, recipient };
}

/**
 * BG-24: the invoice image (pieceJointePrincipale) and the complementary files
 * (pieceJointeComplementaire) travel inside the UBL, as the platform keeps them with the invoice.
 */
async function addInvoiceImages(deps: AppDeps, s: Soumettre, invoice: Invoice) {
  const pieces = [
    ...(s.pieceJointePrincipale ?? []).map((pj, i) => ({
      id: pj.pieceJointePrincipaleId,
      designation: pj.pieceJointePrincipaleDesignation,
      field: `pieceJointePrincipale.${i}.pieceJointePrincipaleId`,
    })),
    ...(s.pieceJointeComplementaire ?? []).map((pj, i) => ({
      id: pj.pieceJointeComplementaireId,
      designation: pj.pieceJointeComplementaireDesignation,
      field: `pieceJointeComplementaire.${i}.pieceJointeComplementaireId`,
    })),
  ];
  for (const pj of pieces) {
    const sha = await internalId(deps.db, 'fichier', pj.id);
    const blob = sha && (await uploadedFile(deps, sha));
    if (!sha || !blob)
      throw new CproError(
        CODES.ATTACHMENT_INVALID,
        `Pièce jointe ${String(pj.id)} inconnue : déposez-la d’abord (ajouter/fichier ou deposer/pdf).`,
        pj.field,
      );
    invoice.supportingDocuments.push({
      reference: pj.designation ?? blob.filename ?? 'Facture',
      attachment: {
        mimeCode: blob.mediaType,
        filename: blob.filename,
        base64: Buffer.from(await deps.blobs.get(sha)).toString('base64'),
      },
    });
  }
}

/** A file uploaded before (ajouter/fichier, deposer/pdf), or undefined. */
async function uploadedFile(deps: AppDeps, sha256: string) {
  try {
    return (await attachmentRefs(deps.db, [sha256]))[0];
  } catch (err) {
    if (err instanceof DomainError && err.code === 'ATTACHMENT_UNKNOWN') return undefined;
    throw err;
  }
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
