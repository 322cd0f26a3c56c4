"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settledFlowStatus = settledFlowStatus;
/** The settled state a flow ends in, from how many of its invoices were integrated. */
function settledFlowStatus(total, integrated) {
    if (total > 0 && integrated === total)
        return 'IN_INTEGRE';
    return integrated > 0 ? 'IN_INTEGRE_PARTIEL' : 'IN_REJETE';
}
//# sourceMappingURL=status.js.map