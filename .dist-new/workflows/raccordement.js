"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.raccordementState = exports.approveProduction = exports.setRequiredDeposits = exports.qualificationDeposit = void 0;
exports.raccordement = raccordement;
const wf = __importStar(require("@temporalio/workflow"));
const search_attributes_1 = require("./search-attributes");
const activity_retry_1 = require("./activity-retry");
/** Sent by a qualification invoice's workflow once its checks are done. */
exports.qualificationDeposit = wf.defineSignal('qualificationDeposit');
/** An operator sets how many accepted deposits the qualification scenario needs. */
exports.setRequiredDeposits = wf.defineSignal('setRequiredDeposits');
/** An operator moves a qualified connection to production. */
exports.approveProduction = wf.defineUpdate('approveProduction');
exports.raccordementState = wf.defineQuery('raccordementState');
const { recordRaccordement } = wf.proxyActivities({
    startToCloseTimeout: '10 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
/**
 * Connection onboarding, `raccordement/<applicationId>`: qualification until the scenario's number
 * of accepted deposits is reached, then an operator's approval, then production.
 */
async function raccordement(req) {
    const state = {
        status: 'QUALIFICATION',
        acceptedDeposits: 0,
        rejectedDeposits: 0,
        requiredDeposits: req.requiredDeposits,
    };
    const counted = new Set();
    let changed = false;
    wf.setHandler(exports.raccordementState, () => state);
    wf.upsertSearchAttributes([{ key: search_attributes_1.StructureId, value: req.structureId }]);
    // Onboardings started before the status was indexed replay without it.
    const statusIndexed = wf.patched('raccordement-status-search-attribute');
    const indexStatus = () => {
        if (statusIndexed)
            wf.upsertSearchAttributes([{ key: search_attributes_1.RaccordementStatus, value: [state.status] }]);
    };
    indexStatus();
    wf.setHandler(exports.qualificationDeposit, ({ invoiceId, accepted }) => {
        // A re-sent deposit is the same invoice: it counts once.
        if (counted.has(invoiceId) || state.status === 'PRODUCTION')
            return;
        counted.add(invoiceId);
        if (accepted)
            state.acceptedDeposits += 1;
        else
            state.rejectedDeposits += 1;
        changed = true;
    });
    wf.setHandler(exports.setRequiredDeposits, (n) => {
        if (state.status !== 'QUALIFICATION' || !Number.isInteger(n) || n < 1)
            return;
        state.requiredDeposits = n;
        changed = true;
    });
    wf.setHandler(exports.approveProduction, async ({ userId }) => {
        state.status = 'PRODUCTION';
        state.approvedBy = userId;
        await record();
        return state;
    }, {
        validator: ({ operator }) => {
            if (!operator)
                throw wf.ApplicationFailure.nonRetryable('Only an operator approves production.', 'OperatorRequired');
            if (state.status !== 'QUALIFIEE')
                throw wf.ApplicationFailure.nonRetryable(`The qualification scenario is not passed yet (${state.acceptedDeposits}/${state.requiredDeposits} accepted deposits).`, 'NotQualified');
        },
    });
    // Found in the Temporal Web UI by RaccordementStatus, with the counts shown beside the workflow.
    const record = () => {
        indexStatus();
        wf.setCurrentDetails(`${state.status} : ${state.acceptedDeposits}/${state.requiredDeposits} dépôts acceptés, ${state.rejectedDeposits} refusés`);
        return recordRaccordement({
            applicationId: req.applicationId,
            status: state.status,
            acceptedDeposits: state.acceptedDeposits,
            rejectedDeposits: state.rejectedDeposits,
            requiredDeposits: state.requiredDeposits,
            approvedBy: state.approvedBy,
        });
    };
    while (state.status === 'QUALIFICATION') {
        await wf.condition(() => changed);
        changed = false;
        if (state.acceptedDeposits >= state.requiredDeposits)
            state.status = 'QUALIFIEE';
        await record();
    }
    await wf.condition(() => state.status === 'PRODUCTION' && wf.allHandlersFinished());
    return state;
}
//# sourceMappingURL=raccordement.js.map