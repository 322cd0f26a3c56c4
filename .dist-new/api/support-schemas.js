"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestOut = exports.conversationOut = exports.answerOut = exports.answerBody = exports.requestCreate = exports.availabilityBody = exports.messageBody = exports.rateBody = exports.askBody = void 0;
/** JSON Schemas of the support API's inputs and outputs (they also make its OpenAPI paths). */
const text = (maxLength, description) => ({
    type: 'string',
    minLength: 1,
    maxLength,
    description,
});
exports.askBody = {
    type: 'object',
    properties: {
        question: text(1000, 'The question, in French, as the user typed it.'),
        conversationId: {
            type: 'string',
            pattern: '^[A-Za-z0-9-]{8,64}$',
            description: 'Continue this conversation; omitted: a new conversation starts.',
        },
    },
    required: ['question'],
    additionalProperties: false,
};
exports.rateBody = {
    type: 'object',
    properties: {
        seq: { type: 'integer', minimum: 1, description: 'The answer rated (its seq in the conversation).' },
        useful: { type: 'boolean' },
    },
    required: ['seq', 'useful'],
    additionalProperties: false,
};
exports.messageBody = {
    type: 'object',
    properties: { text: text(4000, 'The message.') },
    required: ['text'],
    additionalProperties: false,
};
exports.availabilityBody = {
    type: 'object',
    properties: { available: { type: 'boolean', description: 'Whether I take live chats now.' } },
    required: ['available'],
    additionalProperties: false,
};
exports.requestCreate = {
    type: 'object',
    properties: {
        category: { type: 'string', description: 'A category code of GET /support/categories.' },
        subcategory: { type: 'string', description: 'A sub-category code of that category.' },
        subject: text(200, 'Subject.'),
        text: text(10000, 'The request.'),
        contactEmail: {
            type: 'string',
            format: 'email',
            maxLength: 254,
            description: 'Required when not signed in; default: the signed-in user’s email.',
        },
        structureId: {
            type: 'string',
            description: 'The buyer structure concerned (required for categories routed to the buyer’s service).',
        },
        serviceCode: { type: 'string', maxLength: 100, description: 'The buyer’s service concerned.' },
    },
    required: ['category', 'subcategory', 'subject', 'text'],
    additionalProperties: false,
};
exports.answerBody = {
    type: 'object',
    properties: {
        text: text(10000, 'The answer, emailed to the requester.'),
        needsUser: {
            type: 'boolean',
            description: 'true: the request waits for the user (EN_ATTENTE_UTILISATEUR).',
        },
    },
    required: ['text'],
    additionalProperties: false,
};
exports.answerOut = {
    type: 'object',
    properties: {
        conversationId: { type: 'string' },
        seq: { type: 'integer' },
        understood: { type: 'boolean' },
        text: { type: 'string' },
        article: { type: 'string' },
        title: { type: 'string' },
        links: {
            type: 'array',
            items: { type: 'object', properties: { label: { type: 'string' }, href: { type: 'string' } } },
        },
        offer: {
            type: 'string',
            enum: ['LIVE_CHAT', 'REQUEST'],
            description: 'What the user is offered besides the assistant.',
        },
        liveChat: {
            type: 'object',
            description: 'With an offer: the live chat’s hours, whether it is open now, and its next opening.',
            properties: {
                hours: { type: 'string' },
                open: { type: 'boolean' },
                nextOpening: { type: 'string', format: 'date-time' },
                nextOpeningText: { type: 'string', example: 'lundi 7 décembre à 8 h 30' },
            },
        },
    },
    required: ['conversationId', 'seq', 'understood', 'text', 'links'],
};
exports.conversationOut = {
    type: 'object',
    properties: {
        conversationId: { type: 'string' },
        status: { type: 'string', enum: ['OUVERTE', 'CHAT_EN_ATTENTE', 'CHAT_EN_COURS', 'TERMINEE'] },
        offer: { type: 'string' },
        chat: { type: 'object' },
    },
    required: ['conversationId', 'status'],
};
exports.requestOut = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        status: {
            type: 'string',
            enum: ['NOUVELLE', 'EN_COURS', 'EN_ATTENTE_UTILISATEUR', 'REPONDUE', 'CLOTUREE'],
        },
        category: { type: 'string' },
        subcategory: { type: 'string' },
        routing: { type: 'string', enum: ['PLATEFORME', 'SERVICE_ACHETEUR'] },
        subject: { type: 'string' },
        messages: { type: 'array', items: { type: 'object' } },
    },
    required: ['status'],
};
//# sourceMappingURL=support-schemas.js.map