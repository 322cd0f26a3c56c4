import Decimal from 'decimal.js';
import type { Invoice, InvoiceLine, VatBreakdown } from '../../invoice/model';
import { CADRES_DE_FACTURATION } from '../../invoice/platform-rules/cadres';
import { digitsOnly } from '../../invoice/platform-rules/french-ids';
import {
  blankInvoice,
  withBuyer,
  withSeller,
  type StructureFacts,
} from '../../invoicing/drafts/draft-invoice';
import { CODES, CproError } from './wire';
import { TAUX_TVA } from './reference-lists';

/** The body of soumettre, as the platform's clients send it (amounts as numbers or decimal strings). */
export interface Soumettre {
  modeDepot?: string;
  numeroFactureSaisi: string;
  dateFacture: string;
  destinataire: { codeDestinataire: string; codeServiceExecutant?: string };
  fournisseur: { idFournisseur: number | string; codeCoordonneesBancairesFournisseur?: number | string };
  cadreDeFacturation?: { codeCadreFacturation?: string; codeStructureValideur?: string };
  references?: {
    deviseFacture?: string;
    typeFacture?: string;
    typeTva?: string;
    modePaiement?: string;
    numeroBonCommande?: string;
    numeroMarche?: string;
    motifExonerationTva?: string;
  };
  lignePoste?: LignePoste[];
  ligneTva?: LigneTva[];
  montantTotal?: {
    montantHtTotal?: number | string;
    montantTVA?: number | string;
    montantTtcTotal?: number | string;
    montantRemiseGlobaleTTC?: number | string;
    montantAPayer?: number | string;
  };
  commentaire?: string;
  pieceJointePrincipale?: PieceJointePrincipale[];
  pieceJointeComplementaire?: {
    pieceJointeComplementaireDesignation?: string;
    pieceJointeComplementaireId: number | string;
  }[];
}

interface PieceJointePrincipale {
  pieceJointePrincipaleDesignation?: string;
  pieceJointePrincipaleId: number | string;
}

/**
 * pieceJointePrincipale as clients send it: the published array, one object (the Go SDK), or `{}` for
 * none at all.
 */
export function principalPieces(v: unknown): PieceJointePrincipale[] | undefined {
  if (Array.isArray(v)) return v.length ? (v as PieceJointePrincipale[]) : undefined;
  if (v && typeof v === 'object' && Object.keys(v).length > 0) return [v as PieceJointePrincipale];
  return undefined;
}

interface LignePoste {
  lignePosteNumero?: number | string;
  lignePosteReference?: string;
  lignePosteDenomination?: string;
  lignePosteQuantite: number | string;
  lignePosteUnite?: string;
  lignePosteMontantUnitaireHT: number | string;
  lignePosteMontantRemiseHT?: number | string;
  lignePosteTauxTva?: number | string;
  lignePosteTauxTvaManuel?: number | string;
}

interface LigneTva {
  /** The rate's code as transverses recuperer/tauxtva lists it (`TVA20`), or its value. */
  ligneTvaTaux?: number | string;
  ligneTvaTauxRefValeur?: number | string;
  ligneTvaTauxManuel?: number | string;
  ligneTvaMontantBaseHtParTaux: number | string;
  ligneTvaMontantTvaParTaux: number | string;
  ligneTvaCategorie?: string;
}

const money = { type: ['number', 'string'] } as const;
const principalPiece = {
  type: 'object',
  required: ['pieceJointePrincipaleId'],
  properties: {
    pieceJointePrincipaleDesignation: { type: 'string' },
    pieceJointePrincipaleId: { type: ['integer', 'string'] },
  },
} as const;

/** JSON Schema of soumettre (extra fields pass: clients send more than we read). */
export const soumettreSchema = {
  type: 'object',
  required: ['numeroFactureSaisi', 'dateFacture', 'destinataire', 'fournisseur'],
  properties: {
    modeDepot: { type: 'string', enum: ['SAISIE_API', 'DEPOT_PDF_API'] },
    numeroFactureSaisi: { type: 'string', minLength: 1, maxLength: 20 },
    dateFacture: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
    destinataire: {
      type: 'object',
      required: ['codeDestinataire'],
      properties: {
        codeDestinataire: { type: 'string', minLength: 1, maxLength: 100 },
        codeServiceExecutant: { type: 'string', maxLength: 100 },
      },
    },
    fournisseur: {
      type: 'object',
      required: ['idFournisseur'],
      properties: {
        idFournisseur: { type: ['integer', 'string'] },
        codeCoordonneesBancairesFournisseur: { type: ['integer', 'string'] },
      },
    },
    cadreDeFacturation: {
      type: 'object',
      properties: {
        codeCadreFacturation: { type: 'string', enum: [...CADRES_DE_FACTURATION] },
        codeStructureValideur: { type: 'string', maxLength: 100 },
      },
    },
    references: {
      type: 'object',
      properties: {
        deviseFacture: { type: 'string', pattern: '^[A-Z]{3}$' },
        typeFacture: { type: 'string', enum: ['FACTURE', 'AVOIR'] },
        typeTva: {
          type: 'string',
          enum: ['TVA_SUR_DEBIT', 'TVA_SUR_ENCAISSEMENT', 'EXONERATION', 'SANS_TVA'],
        },
        modePaiement: {
          type: 'string',
          enum: ['CHEQUE', 'PRELEVEMENT', 'VIREMENT', 'ESPECE', 'AUTRE', 'REPORT'],
        },
        numeroBonCommande: { type: 'string', maxLength: 50 },
        numeroMarche: { type: 'string', maxLength: 50 },
        motifExonerationTva: { type: 'string', maxLength: 300 },
      },
    },
    lignePoste: {
      type: 'array',
      maxItems: 9999,
      items: {
        type: 'object',
        required: ['lignePosteQuantite', 'lignePosteMontantUnitaireHT'],
        properties: {
          lignePosteNumero: { type: ['integer', 'string'] },
          lignePosteReference: { type: 'string' },
          lignePosteDenomination: { type: 'string' },
          lignePosteQuantite: money,
          lignePosteUnite: { type: 'string' },
          lignePosteMontantUnitaireHT: money,
          lignePosteMontantRemiseHT: money,
          lignePosteTauxTva: money,
          lignePosteTauxTvaManuel: money,
        },
      },
    },
    ligneTva: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ligneTvaMontantBaseHtParTaux', 'ligneTvaMontantTvaParTaux'],
        properties: {
          ligneTvaTaux: money,
          ligneTvaTauxRefValeur: money,
          ligneTvaTauxManuel: money,
          ligneTvaMontantBaseHtParTaux: money,
          ligneTvaMontantTvaParTaux: money,
          ligneTvaCategorie: { type: 'string' },
        },
      },
    },
    montantTotal: {
      type: 'object',
      properties: {
        montantHtTotal: money,
        montantTVA: money,
        montantTtcTotal: money,
        montantRemiseGlobaleTTC: money,
        montantAPayer: money,
      },
    },
    commentaire: { type: 'string', maxLength: 1000 },
    // Published as an array; one object and `{}` (none) are read too.
    pieceJointePrincipale: {
      type: ['array', 'object'],
      items: principalPiece,
      properties: principalPiece.properties,
    },
    pieceJointeComplementaire: {
      type: 'array',
      items: {
        type: 'object',
        required: ['pieceJointeComplementaireId'],
        properties: {
          pieceJointeComplementaireDesignation: { type: 'string' },
          pieceJointeComplementaireId: { type: ['integer', 'string'] },
        },
      },
    },
  },
} as const;

/** modePaiement → UNTDID 4461 payment means code (BT-81). */
const PAYMENT_MEANS: Record<string, string> = {
  CHEQUE: '20',
  PRELEVEMENT: '49',
  VIREMENT: '30',
  ESPECE: '10',
  AUTRE: '1',
  REPORT: '97',
};

const dec = (v: number | string | undefined, field: string): Decimal | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  try {
    return new Decimal(String(v).replace(',', '.').trim());
  } catch {
    throw new CproError(CODES.INVALID_INPUT, `Champ ${field} : montant illisible (${String(v)}).`, field);
  }
};

/**
 * A rate by value ("20", 20, "20.00", "20%") or by the code transverses recuperer/tauxtva lists
 * ("TVA20", "TVA5.5"): a code must name a listed rate. Undefined when absent.
 */
function rate(v: number | string | undefined, field: string): Decimal | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const m = /^\s*(TVA)?\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i.exec(String(v));
  const value = m && new Decimal(m[2].replace(',', '.'));
  if (!m || (m[1] && !TAUX_TVA.some((t) => value!.equals(t))))
    throw new CproError(
      CODES.INVALID_INPUT,
      `Champ ${field} : taux de TVA inconnu (${String(v)}) ; voir transverses recuperer/tauxtva.`,
      field,
    );
  return value!;
}

/**
 * The canonical EN 16931 invoice a soumettre describes, with the supplier's and recipient's identity
 * from the platform's directory; the invoice core writes it as UBL and it is deposited as any file, so
 * every check of the platform judges it (amounts that do not add up are rejected by BR-CO-*).
 */
export function invoiceFromSoumettre(
  s: Soumettre,
  supplier: StructureFacts,
  recipient: StructureFacts | undefined,
  bankAccount?: { iban: string; bic: string },
): Invoice {
  const r = s.references ?? {};
  const currency = r.deviseFacture ?? 'EUR';
  const amt = (d: Decimal) => ({ value: d.toFixed(2), currencyId: currency });
  const exempt = r.typeTva === 'EXONERATION' || r.typeTva === 'SANS_TVA';
  const category = (taux: Decimal) => (taux.isZero() ? (exempt ? 'E' : 'Z') : 'S');
  const exemption = (taux: Decimal) =>
    category(taux) === 'E' ? (r.motifExonerationTva ?? 'Exonération de TVA') : undefined;

  const lines: InvoiceLine[] = (s.lignePoste ?? []).map((l, i) => {
    const f = `lignePoste.${i}`;
    const quantity = dec(l.lignePosteQuantite, `${f}.lignePosteQuantite`)!;
    const unit = dec(l.lignePosteMontantUnitaireHT, `${f}.lignePosteMontantUnitaireHT`)!;
    const discount = dec(l.lignePosteMontantRemiseHT, `${f}.lignePosteMontantRemiseHT`);
    const taux =
      rate(l.lignePosteTauxTvaManuel, `${f}.lignePosteTauxTvaManuel`) ??
      rate(l.lignePosteTauxTva, `${f}.lignePosteTauxTva`) ??
      new Decimal(0);
    const net = quantity.times(unit).minus(discount ?? 0);
    const unitCode = /^[A-Z0-9]{2,3}$/.test(l.lignePosteUnite ?? '') ? l.lignePosteUnite : 'C62';
    return {
      id: String(l.lignePosteNumero ?? i + 1),
      quantity: { value: quantity.toString(), unitCode },
      netAmount: amt(net),
      allowances: discount && !discount.isZero() ? [{ amount: amt(discount), reason: 'Remise' }] : [],
      charges: [],
      price: { netPrice: { value: unit.toString(), currencyId: currency } },
      vatCategoryCode: category(taux),
      vatRate: taux.toFixed(2),
      item: {
        name: l.lignePosteDenomination ?? l.lignePosteReference ?? `Ligne ${i + 1}`,
        sellerId: l.lignePosteReference,
        classifications: [],
        attributes: [],
      },
    };
  });

  const lineTotal = lines.reduce((sum, l) => sum.plus(l.netAmount!.value), new Decimal(0));
  let breakdowns: VatBreakdown[];
  if (s.ligneTva?.length) {
    breakdowns = s.ligneTva.map((t, i) => {
      const f = `ligneTva.${i}`;
      const taux =
        rate(t.ligneTvaTauxManuel, `${f}.ligneTvaTauxManuel`) ??
        rate(t.ligneTvaTaux, `${f}.ligneTvaTaux`) ??
        rate(t.ligneTvaTauxRefValeur, `${f}.ligneTvaTauxRefValeur`) ??
        new Decimal(0);
      return {
        taxableAmount: amt(dec(t.ligneTvaMontantBaseHtParTaux, `${f}.ligneTvaMontantBaseHtParTaux`)!),
        taxAmount: amt(dec(t.ligneTvaMontantTvaParTaux, `${f}.ligneTvaMontantTvaParTaux`)!),
        categoryCode: category(taux),
        rate: taux.toFixed(2),
        exemptionReason: exemption(taux),
      };
    });
  } else {
    // No ligneTva: one breakdown per rate of the lines.
    const byRate = new Map<string, Decimal>();
    for (const l of lines)
      byRate.set(l.vatRate!, (byRate.get(l.vatRate!) ?? new Decimal(0)).plus(l.netAmount!.value));
    breakdowns = [...byRate].map(([t, base]) => ({
      taxableAmount: amt(base),
      taxAmount: amt(base.times(t).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
      categoryCode: category(new Decimal(t)),
      rate: t,
      exemptionReason: exemption(new Decimal(t)),
    }));
  }
  const vatTotal = breakdowns.reduce((sum, b) => sum.plus(b.taxAmount!.value), new Decimal(0));
  const m = s.montantTotal ?? {};
  const ht = dec(m.montantHtTotal, 'montantTotal.montantHtTotal') ?? lineTotal;
  const tva = dec(m.montantTVA, 'montantTotal.montantTVA') ?? vatTotal;
  const ttc = dec(m.montantTtcTotal, 'montantTotal.montantTtcTotal') ?? ht.plus(tva);
  const due = dec(m.montantAPayer, 'montantTotal.montantAPayer') ?? ttc;

  let invoice: Invoice = {
    ...blankInvoice(s.dateFacture.slice(0, 10)),
    number: s.numeroFactureSaisi,
    typeCode: r.typeFacture === 'AVOIR' ? '381' : '380',
    currencyCode: currency,
    buyerReference: s.destinataire.codeServiceExecutant || undefined,
    purchaseOrderReference: r.numeroBonCommande || undefined,
    contractReference: r.numeroMarche || undefined,
    notes: s.commentaire ? [{ text: s.commentaire }] : [],
    lines,
    vatBreakdowns: breakdowns,
    totals: {
      lineNetTotal: amt(lineTotal),
      taxExclusiveAmount: amt(ht),
      vatTotal: amt(tva),
      taxInclusiveAmount: amt(ttc),
      ...(!ttc.minus(due).isZero() && { paidAmount: amt(ttc.minus(due)) }),
      amountDue: amt(due),
    },
  };
  invoice = withSeller(invoice, supplier, bankAccount);
  invoice = recipient
    ? withBuyer(invoice, recipient)
    : { ...invoice, buyer: { legalRegistrationId: { value: digitsOnly(s.destinataire.codeDestinataire) } } };
  if (r.modePaiement)
    invoice.paymentInstructions = {
      creditTransfers: [],
      ...invoice.paymentInstructions,
      typeCode: PAYMENT_MEANS[r.modePaiement],
    };
  return invoice;
}
