"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.qualificationOf = exports.decode = void 0;
exports.invoiceOfParty = invoiceOfParty;
const applications_1 = require("../../service-mode/applications");
const identifiers_1 = require("../../service-mode/identifiers");
const access_1 = require("../../invoicing/access");
const domain_error_1 = require("../../platform/domain-error");
const wire_1 = require("./wire");
/** A base64 field's bytes; empty or not base64 is a refusal naming the field. */
const decode = (value, field) => {
    const bytes = Buffer.from(value.replace(/\s/g, ''), 'base64');
    if (bytes.length === 0)
        throw new wire_1.CproError(wire_1.CODES.FILE_INVALID, `Champ ${field} : fichier vide ou pas en base64.`, field);
    return bytes;
};
exports.decode = decode;
/** Deposits of an application not yet in production go to its qualification scenario. */
const qualificationOf = (ctx) => ctx.application.mode === 'PRODUCTION'
    ? undefined
    : { raccordementId: (0, applications_1.raccordementWorkflowId)(ctx.application.id) };
exports.qualificationOf = qualificationOf;
/**
 * The invoice a wire id names, if the technical account's structure is its party on the side the
 * operation is for (`validator`: the A9 / A12 validator; `any`: on whichever side, once its row is
 * filed); else the platform's "no such invoice" (a party's invoices are all it knows).
 */
async function invoiceOfParty(deps, ctx, wire, side, refusal) {
    const notFound = () => new wire_1.CproError(wire_1.CODES.INVOICE_NOT_FOUND, refusal.libelle ?? `Aucune facture ${String(wire)} pour cette structure.`, refusal.field);
    const id = await (0, identifiers_1.internalId)(deps.db, 'facture', wire);
    if (!id)
        throw notFound();
    try {
        const asked = side === 'any' || side === 'validator' ? undefined : side;
        const found = await (0, access_1.readableInvoice)(deps, ctx.caller, id, asked);
        if (side === 'any' && !(found.filed && found.sides.length > 0))
            throw notFound();
        if (side === 'validator' && !found.sides.includes('validator'))
            throw notFound();
        return found;
    }
    catch (err) {
        if (err instanceof domain_error_1.DomainError && (err.code === 'INVOICE_NOT_FOUND' || err.code === 'NOT_A_MEMBER'))
            throw notFound();
        throw err;
    }
}
//# sourceMappingURL=facture-access.js.map