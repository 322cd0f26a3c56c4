import { createAssistant } from '../../support/assistant';
import type { Db } from '../../platform/db';
import fixture from '../fixtures/assistant-questions.json';

// Anonymous questions never reach the database: the read model is only read for a signed-in caller.
const assistant = createAssistant({ db: undefined as unknown as Db });

const articleOf = async (question: string) => {
  const answer = await assistant.answer({ question });
  return answer.understood ? answer.article : undefined;
};

describe('assistant quality over questions as users phrase them', () => {
  it(`answers at least 90 % of ${fixture.questions.length} questions with the expected article first`, async () => {
    expect(fixture.questions.length).toBeGreaterThanOrEqual(80);
    const wrong: string[] = [];
    for (const { q, article } of fixture.questions) {
      const got = await articleOf(q);
      if (got !== article) wrong.push(`${q} → ${got ?? 'not understood'} (expected ${article})`);
    }
    const accuracy = 1 - wrong.length / fixture.questions.length;
    if (accuracy < 0.9) console.log(`top-1 accuracy ${(accuracy * 100).toFixed(1)} %\n${wrong.join('\n')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['Comment déposer une facture ?', 'je veux déposer ma facture'])(
    'answers "%s" with the deposit article',
    async (question) => {
      expect(await articleOf(question)).toBe('deposer-facture-pdf');
    },
  );
});
