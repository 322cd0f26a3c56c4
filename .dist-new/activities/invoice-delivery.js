"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createInvoiceDelivery = createInvoiceDelivery;
const heartbeat_1 = require("../platform/heartbeat");
const delivery_1 = require("../invoicing/delivery");
/** Delivery to the recipient's space, and the deposit certificate: both render files, so both heartbeat. */
function createInvoiceDelivery(deps) {
    return {
        /** Renders the deposit certificate PDF once and files it with the invoice. */
        issueDepositCertificate: ({ invoiceId }) => (0, heartbeat_1.whileHeartbeating)(() => (0, delivery_1.issueDepositCertificate)(deps, invoiceId)),
        /** Puts the invoice in the recipient's space in the format it prefers, and tells its subscribers. */
        deliverToRecipient: (request) => (0, heartbeat_1.whileHeartbeating)(() => (0, delivery_1.deliverInvoice)(deps, request)),
    };
}
//# sourceMappingURL=invoice-delivery.js.map