"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOT_UNDERSTOOD = exports.MIN_COVERAGE = exports.MIN_SCORE = void 0;
exports.createAssistant = createAssistant;
const invoice_context_1 = require("./invoice-context");
const search_index_1 = require("./search-index");
/**
 * Below these, the best passage matches the question by chance: a word or two in common with an
 * article ("Paris", "compte") in a question about something else. Tuned on test/support-chain's fixtures.
 */
exports.MIN_SCORE = 6;
exports.MIN_COVERAGE = 0.5;
exports.NOT_UNDERSTOOD = "Je n'ai pas compris votre question. Pouvez-vous la reformuler, par exemple « comment déposer une facture PDF » ?";
let shared;
/**
 * The support assistant: French questions answered from the knowledge base, made specific with the
 * caller's own invoice when the question names one of them.
 */
function createAssistant({ db, index }) {
    const kb = () => (index ??= shared ??= new search_index_1.SupportIndex());
    return {
        async answer({ question, userId }) {
            const [best] = kb().search(question, 1);
            const understood = !!best && best.score >= exports.MIN_SCORE && best.coverage >= exports.MIN_COVERAGE;
            const invoice = userId ? await (0, invoice_context_1.callerInvoice)(db, userId, question) : undefined;
            if (invoice)
                return invoiceAnswer(invoice, understood ? best : undefined);
            if (!understood)
                return { understood: false, text: exports.NOT_UNDERSTOOD, links: [] };
            const { passage } = best;
            return {
                understood: true,
                text: passage.text,
                article: passage.article,
                title: passage.heading ? `${passage.title} — ${passage.heading}` : passage.title,
                links: passage.links,
            };
        },
    };
}
function invoiceAnswer(invoice, best) {
    const reasons = invoice.reasons.map((r) => `- ${r.rule ? `${r.rule} : ` : ''}${r.message}`);
    const why = reasons.length > 0
        ? `Motifs :\n${reasons.join('\n')}`
        : invoice.comment
            ? `Commentaire : ${invoice.comment}`
            : 'Aucun motif n’est enregistré pour ce statut.';
    const article = best?.passage.article ?? 'statuts-facture';
    return {
        understood: true,
        text: `Votre facture ${invoice.number} est au statut ${invoice.status}. ${why}`,
        article,
        title: best?.passage.title,
        links: [
            { label: `Facture ${invoice.number}`, href: `/api/v1/invoices/${invoice.id}` },
            ...(best?.passage.links ?? []),
        ],
        invoice: { id: invoice.id, number: invoice.number, status: invoice.status },
    };
}
//# sourceMappingURL=assistant.js.map