"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RenditionRefused = exports.INVOICE_FORMATS = void 0;
exports.invoiceOf = invoiceOf;
exports.renderAs = renderAs;
exports.renderForDelivery = renderForDelivery;
const invoice_1 = require("../../invoice");
const domain_error_1 = require("../../platform/domain-error");
const document_pool_1 = require("../../platform/document-pool");
/** The forms a recipient may receive an invoice in; `original` is the deposited file itself. */
exports.INVOICE_FORMATS = ['original', 'ubl', 'cii', 'facturx', 'pdf'];
const isPdf = (bytes) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
/** The XML limits this process was configured with (XML_MAX_DEPTH, INVOICE_MAX_LINES…). */
const configuredLimits = () => (0, document_pool_1.documentPool)().options.limits;
/** The EN 16931 model of a deposited file (a Factur-X PDF through the XML it carries). */
async function invoiceOf(deposited) {
    const xml = isPdf(deposited) ? (await (0, invoice_1.extractFacturX)(deposited)).xml : deposited;
    return (0, invoice_1.parseInvoice)(xml, configuredLimits()).invoice;
}
const MEDIA = {
    ubl: { mediaType: 'application/xml', extension: 'xml' },
    cii: { mediaType: 'application/xml', extension: 'xml' },
    facturx: { mediaType: 'application/pdf', extension: 'pdf' },
    pdf: { mediaType: 'application/pdf', extension: 'pdf' },
};
/**
 * The deposited invoice in the requested form, converted by the invoice core and validated like a
 * deposit. A conversion that would break an EN 16931 rule the deposited file does not break is never
 * produced: it throws CONVERSION_FAILED naming the rules (see `renderForDelivery` for delivery).
 * `parsed` is the file's model when the caller already holds it; `date` dates a PDF.
 */
async function renderAs(deposited, format, date, parsed) {
    if (format === 'original')
        return isPdf(deposited)
            ? { bytes: deposited, mediaType: 'application/pdf', extension: 'pdf' }
            : { bytes: deposited, mediaType: 'application/xml', extension: 'xml' };
    const source = await (0, invoice_1.checkInvoiceFile)(deposited, { rules: 'en16931', limits: configuredLimits() });
    const invoice = parsed ?? source.invoice ?? (await invoiceOf(deposited));
    // As `facturflow convert` does: CII and Factur-X keep the deposit's Factur-X profile.
    const profile = source.profile ?? (format === 'facturx' ? 'EN 16931' : undefined);
    const { output, introduced } = await (0, invoice_1.convertChecked)({ invoice, findings: source.findings }, format, {
        profile,
        date,
    });
    if (introduced.length)
        throw new RenditionRefused(format, introduced);
    return { bytes: output, ...MEDIA[format] };
}
/** A rendition refused because it would be invalid; carries the findings it would have. */
class RenditionRefused extends domain_error_1.DomainError {
    introduced;
    constructor(format, introduced) {
        const rules = [...new Set(introduced.map((f) => f.rule))].join(', ');
        super('CONVERSION_FAILED', `This invoice cannot be rendered as ${format} without breaking rules the deposited file does not break: ${rules}.`, { field: 'params.format' });
        this.introduced = introduced;
    }
}
exports.RenditionRefused = RenditionRefused;
/**
 * Delivery never hands over an invalid invoice and never stalls on one: when the recipient's preferred
 * form would break a rule the deposit does not, the deposited file itself is delivered and the refusal
 * is returned for the caller to record (the delivered format then says `original`).
 */
async function renderForDelivery(deposited, format, date, parsed) {
    try {
        return { rendition: await renderAs(deposited, format, date, parsed), format };
    }
    catch (err) {
        if (!(err instanceof RenditionRefused))
            throw err;
        return {
            rendition: await renderAs(deposited, 'original'),
            format: 'original',
            refused: { format, findings: err.introduced },
        };
    }
}
//# sourceMappingURL=renditions.js.map