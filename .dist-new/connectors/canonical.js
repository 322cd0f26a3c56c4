"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.toCanonicalInvoice = toCanonicalInvoice;
const decimal_js_1 = __importDefault(require("decimal.js"));
const money = (d) => d.toFixed(2);
/**
 * Builds the canonical EN 16931 invoice: the seller is the connection's structure, line and VAT
 * totals are computed here (BR-CO-10..17 hold by construction). Throws when the ERP's own total
 * disagrees by more than rounding, so a corrupt record is reported rather than deposited.
 */
function toCanonicalInvoice(erp, supplier) {
    const byRate = new Map();
    const lines = erp.lines.map((l, i) => {
        const net = new decimal_js_1.default(l.quantity).times(l.unitPrice).toDecimalPlaces(2);
        const rate = new decimal_js_1.default(l.vatRate).toString();
        byRate.set(rate, (byRate.get(rate) ?? new decimal_js_1.default(0)).plus(net));
        return {
            id: String(i + 1),
            // ERPs name units freely ("heure", "u"); only a UN/ECE Rec 20 code is kept.
            quantity: { value: l.quantity, unitCode: /^[A-Z0-9]{2,3}$/.test(l.unit ?? '') ? l.unit : 'C62' },
            netAmount: { value: money(net) },
            allowances: [],
            charges: [],
            price: { netPrice: { value: new decimal_js_1.default(l.unitPrice).toString() } },
            vatCategoryCode: rate === '0' ? 'Z' : 'S',
            vatRate: rate,
            item: { name: l.name, classifications: [], attributes: [] },
        };
    });
    const vatBreakdowns = [...byRate].map(([rate, base]) => ({
        taxableAmount: { value: money(base) },
        taxAmount: { value: money(base.times(rate).dividedBy(100).toDecimalPlaces(2)) },
        categoryCode: rate === '0' ? 'Z' : 'S',
        rate,
    }));
    const net = vatBreakdowns.reduce((s, b) => s.plus(b.taxableAmount.value), new decimal_js_1.default(0));
    const vat = vatBreakdowns.reduce((s, b) => s.plus(b.taxAmount.value), new decimal_js_1.default(0));
    const gross = net.plus(vat);
    if (erp.totalWithVat !== undefined && gross.minus(new decimal_js_1.default(erp.totalWithVat).abs()).abs().gt(0.05)) {
        throw new Error(`lines add up to ${money(gross)} but the ERP's total is ${erp.totalWithVat}`);
    }
    return {
        number: erp.number,
        issueDate: erp.issueDate,
        typeCode: erp.creditNote ? '381' : '380',
        currencyCode: erp.currency,
        dueDate: erp.dueDate,
        buyerReference: erp.buyer.serviceCode,
        purchaseOrderReference: erp.buyer.engagementNumber,
        notes: [],
        specificationId: 'urn:cen.eu:en16931:2017',
        precedingInvoices: [],
        seller: {
            name: supplier.name,
            identifiers: [],
            legalRegistrationId: { value: supplier.siret, schemeId: '0009' },
            vatId: supplier.vatNumber,
            address: { countryCode: 'FR' },
        },
        buyer: {
            name: erp.buyer.name,
            legalRegistrationId: erp.buyer.siret ? { value: erp.buyer.siret, schemeId: '0009' } : undefined,
            vatId: erp.buyer.vatId,
            address: { countryCode: 'FR' },
        },
        allowances: [],
        charges: [],
        totals: {
            lineNetTotal: { value: money(net) },
            taxExclusiveAmount: { value: money(net) },
            vatTotal: { value: money(vat), currencyId: erp.currency },
            taxInclusiveAmount: { value: money(gross) },
            amountDue: { value: money(gross) },
        },
        vatBreakdowns,
        supportingDocuments: [],
        lines,
    };
}
//# sourceMappingURL=canonical.js.map