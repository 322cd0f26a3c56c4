"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pageAnswerSchema = exports.pageRequestSchema = void 0;
exports.pageOf = pageOf;
exports.pageRequestSchema = {
    type: 'object',
    properties: {
        pageResultatDemandee: { type: 'integer', minimum: 1 },
        nbResultatsParPage: { type: 'integer', minimum: 1 },
        triColonne: { type: 'string' },
        triSens: { type: 'string' },
    },
};
exports.pageAnswerSchema = {
    type: 'object',
    required: ['total', 'pageCourante', 'pages', 'nbResultatsParPage'],
    properties: {
        total: { type: 'integer' },
        pageCourante: { type: 'integer' },
        pages: { type: 'integer' },
        nbResultatsParPage: { type: 'integer' },
    },
};
/** One page of `items`, with the parametresRetour that describes it. */
function pageOf(items, asked) {
    const page = Math.max(1, Math.trunc(asked?.pageResultatDemandee ?? 1));
    // Clients ask for up to 10,000 at once (Odoo's list of services).
    const size = Math.min(10_000, Math.max(1, Math.trunc(asked?.nbResultatsParPage ?? 100)));
    return {
        items: items.slice((page - 1) * size, page * size),
        parametresRetour: {
            total: items.length,
            pageCourante: page,
            pages: Math.max(1, Math.ceil(items.length / size)),
            nbResultatsParPage: size,
        },
    };
}
//# sourceMappingURL=paging.js.map