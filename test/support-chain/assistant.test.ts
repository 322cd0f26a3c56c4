import { createAssistant, NOT_UNDERSTOOD } from '../../support/assistant';
import { terms } from '../../support/french';
import type { Db } from '../../platform/db';
import fixture from './questions.json';

// Anonymous questions never reach the database: the read model is only read for a signed-in caller.
const assistant = createAssistant({ db: undefined as unknown as Db });

describe('support assistant over the knowledge base', () => {
  it('normalises French: accents, case, elisions, stop words, stems', () => {
    expect(terms("L'activation de mes factures REJETÉES")).toEqual(terms('activation facture rejetées'));
    expect(terms('Que signifie BR-CO-10 ?')).toContain('br-co-10');
  });

  it(`finds the expected article first for ≥ 90 % of ${fixture.answered.length} user questions`, async () => {
    expect(fixture.answered.length).toBeGreaterThanOrEqual(40);
    const wrong: string[] = [];
    for (const { q, article } of fixture.answered) {
      const answer = await assistant.answer({ question: q });
      if (!answer.understood || answer.article !== article)
        wrong.push(`${q} → ${answer.article ?? 'not understood'}`);
    }
    expect(wrong.length / fixture.answered.length).toBeLessThanOrEqual(0.1);
  });

  it(`says it did not understand ${fixture.offTopic.length} off-topic questions`, async () => {
    expect(fixture.offTopic.length).toBeGreaterThanOrEqual(10);
    for (const q of fixture.offTopic)
      expect(await assistant.answer({ question: q })).toEqual({
        understood: false,
        text: NOT_UNDERSTOOD,
        links: [],
      });
  });

  it('answers with the passage and the article’s links', async () => {
    const answer = await assistant.answer({ question: "le lien d'activation a expiré" });
    expect(answer.text).toContain('60 minutes');
    expect(answer.links).toEqual([
      { label: "Renvoyer l'email d'activation", href: '/api/v1/accounts/activation-email' },
    ]);
  });
});
