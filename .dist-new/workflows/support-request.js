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
exports.requestWorkflowId = exports.requestState = exports.closeRequest = exports.replyToRequest = exports.answerRequest = exports.take = void 0;
exports.supportRequest = supportRequest;
const wf = __importStar(require("@temporalio/workflow"));
const search_attributes_1 = require("./search-attributes");
const activity_retry_1 = require("./activity-retry");
exports.take = wf.defineUpdate('take');
exports.answerRequest = wf.defineUpdate('answerRequest');
exports.replyToRequest = wf.defineUpdate('replyToRequest');
exports.closeRequest = wf.defineUpdate('closeRequest');
exports.requestState = wf.defineQuery('requestState');
const requestWorkflowId = (id) => `sollicitation/${id}`;
exports.requestWorkflowId = requestWorkflowId;
const refusal = (message, type) => wf.ApplicationFailure.nonRetryable(message, type);
const DAY = 24 * 60 * 60_000;
const acts = wf.proxyActivities({
    startToCloseTimeout: '30 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
/**
 * One request from filing to closing. Its advisors (operators, or the members of the buyer's service
 * it is routed to) are emailed; each answer is emailed to the requester's contact address. An answer
 * leaves it REPONDUE, or EN_ATTENTE_UTILISATEUR when the advisor needs something from the user; a
 * reply from the user puts it back EN_COURS. An answered request with no reply is closed after a while.
 */
async function supportRequest(input) {
    const state = { id: input.id, status: 'NOUVELLE', advisors: [], messages: [] };
    const setStatus = async (s, advisorId) => {
        state.status = s;
        if (advisorId)
            state.advisorId = advisorId;
        wf.upsertSearchAttributes([{ key: search_attributes_1.SupportStatus, value: s }]);
        await acts.saveRequestStatus({ id: input.id, status: s, advisorId: state.advisorId, at: now() });
    };
    const addMessage = async (author, text, authorId) => {
        const message = { seq: state.messages.length + 1, author, authorId, text, at: now() };
        state.messages.push(message);
        await acts.saveRequestMessage({ requestId: input.id, message });
        return message;
    };
    const open = () => state.status !== 'CLOTUREE';
    const advisorOnly = (a) => {
        if (!open())
            throw refusal('This request is closed.', 'Closed');
        if (!a.operator && !(a.userId && state.advisors.includes(a.userId)))
            throw refusal('Only support or the service this request is routed to may handle it.', 'NotAnAdvisor');
    };
    wf.setHandler(exports.requestState, () => state);
    wf.setHandler(exports.take, async ({ userId }) => {
        await setStatus('EN_COURS', userId);
        return state;
    }, { validator: advisorOnly });
    wf.setHandler(exports.answerRequest, async ({ userId, text, needsUser }) => {
        const message = await addMessage('ADVISOR', text, userId);
        await setStatus(needsUser ? 'EN_ATTENTE_UTILISATEUR' : 'REPONDUE', userId);
        await acts.emailRequester({ request: input, message, status: state.status });
        return state;
    }, {
        validator: (a) => {
            advisorOnly(a);
            if (!a.text.trim())
                throw wf.ApplicationFailure.nonRetryable('The answer is empty.', 'Empty');
        },
    });
    wf.setHandler(exports.replyToRequest, async ({ userId, text }) => {
        await addMessage('USER', text, userId);
        await setStatus('EN_COURS');
        return state;
    }, {
        validator: (a) => {
            if (!open())
                throw refusal('This request is closed.', 'Closed');
            if (!input.userId || a.userId !== input.userId)
                throw refusal('Only the requester may reply to this request.', 'NotTheRequester');
            if (!a.text.trim())
                throw wf.ApplicationFailure.nonRetryable('The reply is empty.', 'Empty');
        },
    });
    wf.setHandler(exports.closeRequest, async () => {
        await setStatus('CLOTUREE');
        await acts.emailRequester({ request: input, status: 'CLOTUREE' });
        return state;
    }, {
        validator: (a) => {
            if (!open())
                throw refusal('This request is closed.', 'Closed');
            if (a.userId !== input.userId || !input.userId)
                advisorOnly(a);
        },
    });
    wf.upsertSearchAttributes([
        { key: search_attributes_1.SupportStatus, value: state.status },
        ...(input.structureId ? [{ key: search_attributes_1.StructureId, value: input.structureId }] : []),
    ]);
    await acts.recordRequest({ request: input });
    const advisors = await acts.requestAdvisors({ request: input });
    state.advisors = advisors.map((a) => a.userId);
    if (state.messages.length === 0)
        await addMessage('USER', input.text, input.userId);
    await acts.emailAdvisors({ request: input, advisors });
    while (open()) {
        const answered = () => state.status === 'REPONDUE';
        await wf.condition(() => answered() || !open());
        const seen = state.messages.length;
        const moved = await wf.condition(() => !open() || state.messages.length !== seen, (input.closeAfterDays ?? 15) * DAY);
        if (!moved && answered()) {
            await setStatus('CLOTUREE');
            await acts.emailRequester({ request: input, status: 'CLOTUREE' });
        }
    }
    await wf.condition(wf.allHandlersFinished);
    return state;
}
const now = () => new Date().toISOString();
//# sourceMappingURL=support-request.js.map