"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.answerAndRecord = answerAndRecord;
exports.recordRating = recordRating;
exports.recordConversation = recordConversation;
exports.recordChatMessage = recordChatMessage;
const store_1 = require("./store");
/** Answers a question and keeps the exchange. */
async function answerAndRecord(db, assistant, q) {
    const answer = await assistant.answer({ question: q.question, userId: q.userId });
    await (0, store_1.insertExchange)(db, q, answer);
    return answer;
}
async function recordRating(db, { conversationId, seq, useful }) {
    await (0, store_1.rateExchange)(db, conversationId, seq, useful);
}
/** Writes the conversation's current state (the advisors' queue reads it). */
async function recordConversation(db, snapshot) {
    await (0, store_1.upsertConversation)(db, snapshot);
}
async function recordChatMessage(db, { conversationId, message }) {
    await (0, store_1.insertChatMessage)(db, conversationId, message);
}
//# sourceMappingURL=conversation-records.js.map