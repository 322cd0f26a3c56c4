"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.soumettreSchema = void 0;
exports.principalPieces = principalPieces;
exports.invoiceFromSoumettre = invoiceFromSoumettre;
const decimal_js_1 = __importDefault(require("decimal.js"));
const cadres_1 = require("../../invoice/platform-rules/cadres");
const french_ids_1 = require("../../invoice/platform-rules/french-ids");
const draft_invoice_1 = require("../../invoicing/drafts/draft-invoice");
const wire_1 = require("./wire");
const reference_lists_1 = require("./reference-lists");
/**
 * pieceJointePrincipale as clients send it: the published array, one object (the Go SDK), or `{}` for
 * none at all.
 */
function principalPieces(v) {
    if (Array.isArray(v))
        return v.length ? v : undefined;
    if (v && typeof v === 'object' && Object.keys(v).length > 0)
        return [v];
    return undefined;
}
const money = { type: ['number', 'string'] };
const principalPiece = {
    type: 'object',
    required: ['pieceJointePrincipaleId'],
    properties: {
        pieceJointePrincipaleDesignation: { type: 'string' },
        pieceJointePrincipaleId: { type: ['integer', 'string'] },
    },
};
/** JSON Schema of soumettre (extra fields pass: clients send more than we read). */
exports.soumettreSchema = {
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
                codeCadreFacturation: { type: 'string', enum: [...cadres_1.CADRES_DE_FACTURATION] },
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
};
/** modePaiement → UNTDID 4461 payment means code (BT-81). */
const PAYMENT_MEANS = {
    CHEQUE: '20',
    PRELEVEMENT: '49',
    VIREMENT: '30',
    ESPECE: '10',
    AUTRE: '1',
    REPORT: '97',
};
const dec = (v, field) => {
    if (v === undefined || v === null || v === '')
        return undefined;
    try {
        return new decimal_js_1.default(String(v).replace(',', '.').trim());
    }
    catch {
        throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, `Champ ${field} : montant illisible (${String(v)}).`, field);
    }
};
/**
 * A rate by value ("20", 20, "20.00", "20%") or by the code transverses recuperer/tauxtva lists
 * ("TVA20", "TVA5.5"): a code must name a listed rate. Undefined when absent.
 */
function rate(v, field) {
    if (v === undefined || v === null || v === '')
        return undefined;
    const m = /^\s*(TVA)?\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i.exec(String(v));
    const value = m && new decimal_js_1.default(m[2].replace(',', '.'));
    if (!m || (m[1] && !reference_lists_1.TAUX_TVA.some((t) => value.equals(t))))
        throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, `Champ ${field} : taux de TVA inconnu (${String(v)}) ; voir transverses recuperer/tauxtva.`, field);
    return value;
}
/**
 * The canonical EN 16931 invoice a soumettre describes, with the supplier's and recipient's identity
 * from the platform's directory; the invoice core writes it as UBL and it is deposited as any file, so
 * every check of the platform judges it (amounts that do not add up are rejected by BR-CO-*).
 */
function invoiceFromSoumettre(s, supplier, recipient, bankAccount) {
    const r = s.references ?? {};
    const currency = r.deviseFacture ?? 'EUR';
    const amt = (d) => ({ value: d.toFixed(2), currencyId: currency });
    const exempt = r.typeTva === 'EXONERATION' || r.typeTva === 'SANS_TVA';
    const category = (taux) => (taux.isZero() ? (exempt ? 'E' : 'Z') : 'S');
    const exemption = (taux) => category(taux) === 'E' ? (r.motifExonerationTva ?? 'Exonération de TVA') : undefined;
    const lines = (s.lignePoste ?? []).map((l, i) => {
        const f = `lignePoste.${i}`;
        const quantity = dec(l.lignePosteQuantite, `${f}.lignePosteQuantite`);
        const unit = dec(l.lignePosteMontantUnitaireHT, `${f}.lignePosteMontantUnitaireHT`);
        const discount = dec(l.lignePosteMontantRemiseHT, `${f}.lignePosteMontantRemiseHT`);
        const taux = rate(l.lignePosteTauxTvaManuel, `${f}.lignePosteTauxTvaManuel`) ??
            rate(l.lignePosteTauxTva, `${f}.lignePosteTauxTva`) ??
            new decimal_js_1.default(0);
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
    const lineTotal = lines.reduce((sum, l) => sum.plus(l.netAmount.value), new decimal_js_1.default(0));
    let breakdowns;
    if (s.ligneTva?.length) {
        breakdowns = s.ligneTva.map((t, i) => {
            const f = `ligneTva.${i}`;
            const taux = rate(t.ligneTvaTauxManuel, `${f}.ligneTvaTauxManuel`) ??
                rate(t.ligneTvaTaux, `${f}.ligneTvaTaux`) ??
                rate(t.ligneTvaTauxRefValeur, `${f}.ligneTvaTauxRefValeur`) ??
                new decimal_js_1.default(0);
            return {
                taxableAmount: amt(dec(t.ligneTvaMontantBaseHtParTaux, `${f}.ligneTvaMontantBaseHtParTaux`)),
                taxAmount: amt(dec(t.ligneTvaMontantTvaParTaux, `${f}.ligneTvaMontantTvaParTaux`)),
                categoryCode: category(taux),
                rate: taux.toFixed(2),
                exemptionReason: exemption(taux),
            };
        });
    }
    else {
        // No ligneTva: one breakdown per rate of the lines.
        const byRate = new Map();
        for (const l of lines)
            byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? new decimal_js_1.default(0)).plus(l.netAmount.value));
        breakdowns = [...byRate].map(([t, base]) => ({
            taxableAmount: amt(base),
            taxAmount: amt(base.times(t).dividedBy(100).toDecimalPlaces(2, decimal_js_1.default.ROUND_HALF_UP)),
            categoryCode: category(new decimal_js_1.default(t)),
            rate: t,
            exemptionReason: exemption(new decimal_js_1.default(t)),
        }));
    }
    const vatTotal = breakdowns.reduce((sum, b) => sum.plus(b.taxAmount.value), new decimal_js_1.default(0));
    const m = s.montantTotal ?? {};
    const ht = dec(m.montantHtTotal, 'montantTotal.montantHtTotal') ?? lineTotal;
    const tva = dec(m.montantTVA, 'montantTotal.montantTVA') ?? vatTotal;
    const ttc = dec(m.montantTtcTotal, 'montantTotal.montantTtcTotal') ?? ht.plus(tva);
    const due = dec(m.montantAPayer, 'montantTotal.montantAPayer') ?? ttc;
    let invoice = {
        ...(0, draft_invoice_1.blankInvoice)(s.dateFacture.slice(0, 10)),
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
    invoice = (0, draft_invoice_1.withSeller)(invoice, supplier, bankAccount);
    invoice = recipient
        ? (0, draft_invoice_1.withBuyer)(invoice, recipient)
        : { ...invoice, buyer: { legalRegistrationId: { value: (0, french_ids_1.digitsOnly)(s.destinataire.codeDestinataire) } } };
    if (r.modePaiement)
        invoice.paymentInstructions = {
            creditTransfers: [],
            ...invoice.paymentInstructions,
            typeCode: PAYMENT_MEANS[r.modePaiement],
        };
    return invoice;
}
//# sourceMappingURL=soumettre.js.map