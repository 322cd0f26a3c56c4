"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.supportCall = supportCall;
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const domain_error_1 = require("../platform/domain-error");
const REFUSALS = {
    NotYours: 'NOT_YOURS',
    NotAnAdvisor: 'ADVISOR_REQUIRED',
    NotTheRequester: 'NOT_THE_REQUESTER',
    Ended: 'CONVERSATION_ENDED',
    Closed: 'REQUEST_CLOSED',
    NoOffer: 'LIVE_CHAT_NOT_OFFERED',
    ChatNotWaiting: 'CHAT_NOT_WAITING',
    ChatNotActive: 'CHAT_NOT_ACTIVE',
    UnknownAnswer: 'ANSWER_UNKNOWN',
    Empty: 'INVALID_INPUT',
};
/**
 * Runs an update or query of a support workflow, turning its refusals into domain errors with stable
 * codes, and a conversation or request that is not running into the code `notFound`.
 */
async function supportCall(notFound, field, run) {
    try {
        return await run();
    }
    catch (err) {
        if (err instanceof client_1.WorkflowNotFoundError)
            throw new domain_error_1.DomainError(notFound, 'Nothing open with this id.', { field });
        const cause = err instanceof client_1.WorkflowUpdateFailedError ? err.cause : undefined;
        if (cause instanceof common_1.ApplicationFailure && cause.type && cause.type in REFUSALS) {
            throw new domain_error_1.DomainError(REFUSALS[cause.type], cause.message);
        }
        throw err;
    }
}
//# sourceMappingURL=workflow-calls.js.map