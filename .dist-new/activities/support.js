"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createConversationActivities = createConversationActivities;
exports.createRequestActivities = createRequestActivities;
exports.createSupportActivities = createSupportActivities;
const assistant_1 = require("../support/assistant");
const advisors_1 = require("../support/advisors");
const conversation_records_1 = require("../support/conversation-records");
const request_records_1 = require("../support/request-records");
/** The conversation workflow's side effects; every write is keyed by conversation id + seq. */
function createConversationActivities({ db, assistant }) {
    return {
        /** Answers a question and keeps the exchange. */
        answerQuestion: (q) => (0, conversation_records_1.answerAndRecord)(db, assistant, q),
        rateAnswer: (r) => (0, conversation_records_1.recordRating)(db, r),
        /** Writes the conversation's current state (the advisors' queue reads it). */
        saveConversation: (s) => (0, conversation_records_1.recordConversation)(db, s),
        saveChatMessage: (m) => (0, conversation_records_1.recordChatMessage)(db, m),
        /** How many advisors (operators) said they are available for the live chat. */
        advisorsAvailable: () => (0, advisors_1.advisorsOnDuty)(db),
    };
}
/**
 * The request workflow's side effects; writes are keyed by request id (+ seq) and every email carries
 * an idempotency key, so a retried activity changes nothing.
 */
function createRequestActivities({ db, mailer }) {
    return {
        recordRequest: ({ request }) => (0, request_records_1.recordRequest)(db, request),
        /** Operators for platform support; the members of the buyer's service it is routed to otherwise. */
        requestAdvisors: ({ request }) => (0, advisors_1.requestAdvisors)(db, request),
        emailAdvisors: ({ request, advisors }) => (0, request_records_1.emailAdvisors)(mailer, request, advisors),
        saveRequestStatus: (s) => (0, request_records_1.recordRequestStatus)(db, s),
        saveRequestMessage: ({ requestId, message }) => (0, request_records_1.recordRequestMessage)(db, requestId, message),
        /** Emails the requester an answer (with the request's new status) or the closing of the request. */
        emailRequester: (e) => (0, request_records_1.emailRequester)(mailer, e),
    };
}
/** Side effects of support conversations and requests. */
function createSupportActivities({ db, mailer, assistant = (0, assistant_1.createAssistant)({ db }), }) {
    return { ...createConversationActivities({ db, assistant }), ...createRequestActivities({ db, mailer }) };
}
//# sourceMappingURL=support.js.map