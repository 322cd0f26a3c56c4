import type { Db } from '../platform/db';
import { callerInvoice, InvoiceContext } from './invoice-context';
import { SupportIndex } from './search-index';
import type { Answer } from './types';

/**
 * Below these, the best passage matches the question by chance: a word or two in common with an
 * article ("Paris", "compte") in a question about something else. Tuned on test/support-chain's fixtures.
 */
export const MIN_SCORE = 6;
export const MIN_COVERAGE = 0.5;

export const NOT_UNDERSTOOD =
  "Je n'ai pas compris votre question. Pouvez-vous la reformuler, par exemple « comment déposer une facture PDF » ?";

let shared: SupportIndex | undefined;

/**
 * The support assistant: French questions answered from the knowledge base, made specific with the
 * caller's own invoice when the question names one of them.
 */
export function createAssistant({ db, index }: { db: Db; index?: SupportIndex }) {
  const kb = () => (index ??= shared ??= new SupportIndex());
  return {
    async answer({ question, userId }: { question: string; userId?: string }): Promise<Answer> {
      const [best] = kb().search(question, 1);
      const understood = !!best && best.score >= MIN_SCORE && best.coverage >= MIN_COVERAGE;
      const invoice = userId ? await callerInvoice(db, userId, question) : undefined;
      if (invoice) return invoiceAnswer(invoice, understood ? best : undefined);
      if (!understood) return { understood: false, text: NOT_UNDERSTOOD, links: [] };
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

export type Assistant = ReturnType<typeof createAssistant>;

function invoiceAnswer(
  invoice: InvoiceContext,
  best: ReturnType<SupportIndex['search']>[number] | undefined,
): Answer {
  const reasons = invoice.reasons.map((r) => `- ${r.rule ? `${r.rule} : ` : ''}${r.message}`);
  const why =
    reasons.length > 0
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
