"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.actorOf = actorOf;
exports.sidesOf = sidesOf;
exports.readableInvoice = readableInvoice;
exports.invoiceUpdate = invoiceUpdate;
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const domain_error_1 = require("../platform/domain-error");
const structures_1 = require("../structures");
const lifecycle_1 = require("./store/lifecycle");
/** The caller with all their memberships, read now: what the invoice workflow's validators judge. */
async function actorOf(db, caller) {
    const memberships = await (0, structures_1.membershipsOfUser)(db, caller.userId);
    return {
        userId: caller.userId,
        memberships: memberships.map((m) => ({ structureId: m.structureId, role: m.role, services: m.services })),
    };
}
/** The invoice's parties the caller belongs to; none: not theirs to see (operators see all). */
function sidesOf(actor, row) {
    const mine = new Set(actor.memberships.map((m) => m.structureId));
    const sides = [];
    if (row.supplier_structure_id && mine.has(row.supplier_structure_id))
        sides.push('supplier');
    if (row.recipient_structure_id && mine.has(row.recipient_structure_id))
        sides.push('recipient');
    if (row.validator_structure_id && mine.has(row.validator_structure_id))
        sides.push('validator');
    return sides;
}
/**
 * Who may see an invoice, for every channel: a member of one of its parties (of `side` when the
 * operation is a party's), or an operator. Before its workflow has filed its row, only the supplier
 * is known (its identifier is in the invoice id), so only its members see it. INVOICE_NOT_FOUND when
 * there is no such invoice or the caller is no party to it (an id proves nothing, and a refusal must
 * not tell that it exists), NOT_A_MEMBER when a party asks for the other side's operation.
 */
async function readableInvoice({ db, client }, caller, id, side) {
    const actor = await actorOf(db, caller);
    const filed = await (0, lifecycle_1.invoiceRow)(db, id);
    const row = filed ?? (await provisionalRow(db, client, caller, id));
    const notFound = () => new domain_error_1.DomainError('INVOICE_NOT_FOUND', `No invoice with id ${id}.`, { field: 'params.id' });
    if (!row)
        throw notFound();
    const sides = filed ? sidesOf(actor, row) : row.supplier_structure_id ? ['supplier'] : [];
    // Someone else's invoice is answered as a missing one: ids cannot be probed.
    if (sides.length === 0 && !caller.operator)
        throw notFound();
    if (side && !sides.includes(side))
        throw new domain_error_1.DomainError('NOT_A_MEMBER', side === 'supplier'
            ? 'Only members of the supplier structure may do this.'
            : 'Only members of the recipient structure may do this.', { field: 'params.id' });
    return { id, actor, sides, row, filed: !!filed };
}
/** The invoice as its running workflow knows it before the first row: its key, DEPOSEE since it started. */
async function provisionalRow(db, client, caller, id) {
    let startedAt;
    try {
        startedAt = (await client.workflow.getHandle(id).describe()).startTime.toISOString();
    }
    catch (err) {
        if (err instanceof client_1.WorkflowNotFoundError)
            return undefined;
        throw err;
    }
    const [, supplierId, year, ...number] = id.split('/');
    const supplierIsMine = await (0, structures_1.isMemberOfStructureIdentified)(db, caller.userId, supplierId);
    return {
        id,
        number: number.join('/'),
        year: Number(year),
        supplier_id: supplierId,
        supplier_structure_id: supplierIsMine ? ((await (0, structures_1.structureIdByIdentifier)(db, supplierId)) ?? null) : null,
        status: 'DEPOSEE',
        reform_code: 200,
        status_at: startedAt,
        deposited_at: startedAt,
    };
}
const REFUSALS = {
    TransitionNotAllowed: ['TRANSITION_NOT_ALLOWED', 'body.status'],
    NotAMember: ['NOT_A_MEMBER'],
    ServiceNotAllowed: ['SERVICE_NOT_ALLOWED'],
    ReasonRequired: ['REASON_REQUIRED', 'body.reason'],
    MandateNumberRequired: ['MANDATE_NUMBER_REQUIRED', 'body.mandateNumber'],
    RoutingInvalid: ['ROUTING_INVALID', 'body'],
    Busy: ['INVOICE_BUSY'],
    Closed: ['INVOICE_CLOSED'],
    CompletionEmpty: ['COMPLETION_EMPTY', 'body'],
    ValidatorNotAllowed: ['VALIDATOR_NOT_ALLOWED', 'body.validatorId'],
};
/** Runs an update of an invoice workflow, turning its refusals into domain errors with stable codes. */
async function invoiceUpdate(id, run) {
    try {
        return await run();
    }
    catch (err) {
        if (err instanceof client_1.WorkflowNotFoundError)
            throw new domain_error_1.DomainError('INVOICE_CLOSED', `Invoice ${id} has reached the end of its lifecycle.`);
        const cause = err instanceof client_1.WorkflowUpdateFailedError ? err.cause : undefined;
        if (cause instanceof common_1.ApplicationFailure && cause.type && cause.type in REFUSALS) {
            const [code, field] = REFUSALS[cause.type];
            throw new domain_error_1.DomainError(code, cause.message, field ? { field } : undefined);
        }
        throw err;
    }
}
//# sourceMappingURL=access.js.map