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
exports.membershipRequestWorkflowId = exports.status = exports.membersChanged = exports.withdraw = exports.decide = void 0;
exports.structureAttachment = structureAttachment;
const wf = __importStar(require("@temporalio/workflow"));
const search_attributes_1 = require("./search-attributes");
const activity_retry_1 = require("./activity-retry");
exports.decide = wf.defineUpdate('decide');
exports.withdraw = wf.defineUpdate('withdraw');
/** Sent by the API whenever the structure's members change: the workflow reloads who may decide. */
exports.membersChanged = wf.defineSignal('membersChanged');
exports.status = wf.defineQuery('status');
/** The id of a user's request to a structure; histories and clients know it as attachment/... */
const membershipRequestWorkflowId = (structureId, userId) => `attachment/${structureId}/${userId}`;
exports.membershipRequestWorkflowId = membershipRequestWorkflowId;
const DAY = 24 * 60 * 60 * 1000;
const acts = wf.proxyActivities({
    startToCloseTimeout: '30 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
/**
 * One membership request (rattachement), from asking to approval, refusal or withdrawal. Managers are
 * emailed, then reminded every few days; without an answer the request goes to the operators' queue,
 * after which an operator may decide too. A decision is an update whose validator admits only the
 * current managers. The function keeps its name: it is the workflow type histories and clients use.
 */
async function structureAttachment(req) {
    const run = {
        id: (0, exports.membershipRequestWorkflowId)(req.structureId, req.userId),
        req,
        state: {
            status: 'EN_ATTENTE',
            structureId: req.structureId,
            userId: req.userId,
            requestedServices: req.services,
            managers: [],
            remindersSent: 0,
            escalated: false,
        },
        deciding: false,
        managersLoaded: false,
    };
    const { id, state } = run;
    wf.setHandler(exports.status, () => state);
    handleDecisions(run);
    handleWithdrawal(run);
    handleMembersChanged(run);
    wf.upsertSearchAttributes([
        { key: search_attributes_1.StructureId, value: req.structureId },
        { key: search_attributes_1.RequesterEmail, value: req.requesterEmail },
        { key: search_attributes_1.AttachmentStatus, value: state.status },
    ]);
    await acts.recordAttachmentRequest({ id, request: req });
    const { managers } = await reloadManagers(run);
    await acts.notifyManagers({ id, request: req, managers, round: 0 });
    await remindThenEscalate(run);
    await wf.condition(() => isFinal(state.status));
    await wf.condition(wf.allHandlersFinished);
    const { status: final, decidedBy, decidedAt, role, services, reason } = state;
    return { status: final, decidedBy, decidedAt, role, services, reason };
}
/** Reminds the managers until a decision, or the deadline, when the request goes to the operators. */
async function remindThenEscalate(run) {
    const { id, req, state } = run;
    const reminderEvery = (req.reminderEveryDays ?? 7) * DAY;
    const deadline = Date.now() + (req.escalateAfterDays ?? 30) * DAY;
    const decided = () => isFinal(state.status);
    while (!decided() && !state.escalated) {
        // A structure without managers (its main manager left) can only be helped by support.
        const untilEscalation = state.managers.length === 0 ? 0 : deadline - Date.now();
        if (untilEscalation <= 0) {
            await acts.escalateAttachment({ id, request: req });
            state.escalated = true;
            if (!decided() && !run.deciding)
                setStatus(run, 'ESCALADEE');
            return;
        }
        if (await wf.condition(decided, Math.min(reminderEvery, untilEscalation)))
            return;
        if (Date.now() < deadline && !run.deciding) {
            state.remindersSent += 1;
            const current = await reloadManagers(run);
            await acts.notifyManagers({ id, request: req, managers: current.managers, round: state.remindersSent });
        }
    }
}
/** A manager's (or, once escalated, an operator's) decision. */
function handleDecisions(run) {
    const { id, req, state } = run;
    wf.setHandler(exports.decide, async (d) => {
        run.deciding = true;
        try {
            // The validator judged a list that may be stale: check the decider against the database again.
            if (!d.operator && !(await reloadManagers(run)).managers.some((m) => m.userId === d.deciderId))
                throw refusal('You no longer manage this structure.', 'NotAManager');
            const outcome = d.approve
                ? {
                    status: 'APPROUVEE',
                    role: d.role,
                    services: d.services ?? req.services,
                    decidedBy: d.deciderId,
                    decidedAt: new Date().toISOString(),
                }
                : {
                    status: 'REFUSEE',
                    reason: d.reason,
                    decidedBy: d.deciderId,
                    decidedAt: new Date().toISOString(),
                };
            await acts.applyDecision({ id, request: req, outcome });
            await acts.notifyRequester({ id, request: req, outcome });
            return finish(run, outcome);
        }
        finally {
            run.deciding = false;
        }
    }, {
        validator: (d) => {
            if (!isOpen(run))
                throw alreadyDecided(run);
            if (d.operator && !state.escalated)
                throw refusal('Operators decide only requests escalated to their queue.', 'NotEscalated');
            // Before the first load there is no list to judge by: the handler's fresh check decides then.
            if (!d.operator && run.managersLoaded && !state.managers.includes(d.deciderId))
                throw refusal('Only a manager of this structure may decide.', 'NotAManager');
        },
    });
}
/** The requester withdraws the request. */
function handleWithdrawal(run) {
    const { id, req } = run;
    wf.setHandler(exports.withdraw, async () => {
        run.deciding = true;
        const outcome = { status: 'RETIREE', decidedAt: new Date().toISOString() };
        await acts.closeRequest({ id, request: req, outcome });
        run.deciding = false;
        return finish(run, outcome);
    }, {
        validator: ({ userId }) => {
            if (userId !== req.userId)
                throw refusal('Only the requester may withdraw the request.', 'NotTheRequester');
            if (!isOpen(run))
                throw alreadyDecided(run);
        },
    });
}
/** The structure's members changed: reload who may decide; a requester made a member directly ends it. */
function handleMembersChanged(run) {
    const { id, req } = run;
    wf.setHandler(exports.membersChanged, async () => {
        const loaded = await reloadManagers(run);
        // A manager attached the requester directly meanwhile: nothing is left to decide.
        if (loaded.requesterIsMember && isOpen(run)) {
            run.deciding = true;
            const outcome = {
                status: 'RATTACHEE_DIRECTEMENT',
                decidedAt: new Date().toISOString(),
            };
            await acts.closeRequest({ id, request: req, outcome });
            run.deciding = false;
            finish(run, outcome);
        }
    });
}
async function reloadManagers(run) {
    const loaded = await acts.loadManagers({ structureId: run.req.structureId, userId: run.req.userId });
    run.state.managers = loaded.managers.map((m) => m.userId);
    run.managersLoaded = true;
    return loaded;
}
const isOpen = (run) => !run.deciding && !isFinal(run.state.status);
function setStatus(run, s) {
    run.state.status = s;
    wf.upsertSearchAttributes([{ key: search_attributes_1.AttachmentStatus, value: s }]);
}
function finish(run, outcome) {
    Object.assign(run.state, outcome);
    setStatus(run, outcome.status);
    return outcome;
}
const alreadyDecided = (run) => refusal(`This request is already ${run.deciding ? 'being decided' : run.state.status}.`, 'AlreadyDecided');
const refusal = (message, type) => wf.ApplicationFailure.nonRetryable(message, type);
function isFinal(s) {
    return s !== 'EN_ATTENTE' && s !== 'ESCALADEE';
}
//# sourceMappingURL=membership.js.map