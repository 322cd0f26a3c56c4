"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordRejectionAcknowledged = exports.recordPayment = exports.recordStatus = exports.recordValidator = void 0;
exports.registerDeposit = registerDeposit;
exports.recordRouting = recordRouting;
const lifecycle_1 = require("./store/lifecycle");
const structures_1 = require("../structures");
/**
 * The invoice's story as the read model keeps it, written by its workflow: the deposit, a corrected
 * routing, each status, the payment. Every write is keyed, so a retry changes nothing twice.
 */
/** Files the deposit with its first status, DEPOSEE; answers the parties' structures. */
async function registerDeposit(db, d) {
    const supplierStructureId = (await (0, structures_1.recipientStructureByIdentifier)(db, d.supplierId))?.id;
    const validatorStructureId = (await (0, structures_1.recipientStructureByIdentifier)(db, d.validatorId))?.id;
    await (0, lifecycle_1.insertDeposit)(db, d, { supplierStructureId, validatorStructureId });
    return { supplierStructureId, validatorStructureId };
}
async function recordRouting(db, invoiceId, routing) {
    // A recycle may name another recipient: its name follows, so listings do not show the old one.
    const before = await (0, lifecycle_1.invoiceRow)(db, invoiceId);
    const moved = routing.recipientId && routing.recipientId !== before?.recipient_id;
    const recipient = moved ? await (0, structures_1.recipientStructureByIdentifier)(db, routing.recipientId) : undefined;
    await (0, lifecycle_1.updateRouting)(db, invoiceId, routing, recipient?.name);
}
/** A corrected validator: its members now see the invoice and hear of it. */
const recordValidator = (db, invoiceId, v) => (0, lifecycle_1.updateValidator)(db, invoiceId, v);
exports.recordValidator = recordValidator;
const recordStatus = (db, s) => (0, lifecycle_1.appendStatus)(db, s);
exports.recordStatus = recordStatus;
const recordPayment = (db, p) => (0, lifecycle_1.updatePayment)(db, p);
exports.recordPayment = recordPayment;
const recordRejectionAcknowledged = (db, a) => (0, lifecycle_1.updateRejectionAcknowledged)(db, a);
exports.recordRejectionAcknowledged = recordRejectionAcknowledged;
//# sourceMappingURL=records.js.map