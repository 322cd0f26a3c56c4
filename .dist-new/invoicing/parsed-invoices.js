"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createParsedInvoices = createParsedInvoices;
const renditions_1 = require("./lifecycle/renditions");
function createParsedInvoices(capacity = 64) {
    const models = new Map();
    const remember = (sha256, invoice) => {
        models.delete(sha256);
        models.set(sha256, invoice);
        // A Map iterates in insertion order: the first key is the least recently remembered.
        if (models.size > capacity)
            models.delete(models.keys().next().value);
    };
    return {
        remember,
        async get(sha256, deposited) {
            const known = models.get(sha256);
            if (known)
                return known;
            const invoice = await (0, renditions_1.invoiceOf)(deposited);
            remember(sha256, invoice);
            return invoice;
        },
    };
}
//# sourceMappingURL=parsed-invoices.js.map