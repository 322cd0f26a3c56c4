import {
  allowedNext,
  findTransition,
  FINAL_STATUSES,
  InvoiceStatusCode,
  reformCode,
  STATUS_OPTIONS,
  STATUSES,
  statusLabel,
  Transition,
} from '../../invoicing/lifecycle/transitions';

const buyer = (to: InvoiceStatusCode, needs: Transition['needs'] = []): Transition => ({
  to,
  by: 'recipient',
  needs,
});
const returns = [
  buyer('SUSPENDUE', ['reason']),
  buyer('REJETEE', ['reason']),
  buyer('A_RECYCLER', ['reason']),
];
const mandated = [buyer('MISE_A_DISPOSITION_COMPTABLE'), buyer('COMPTABILISEE'), buyer('MISE_EN_PAIEMENT')];
// domain.md: from MISE_A_DISPOSITION the buyer may set any of these, MANDATEE with a mandate number.
const inBuyersSpace = [...returns, buyer('SERVICE_FAIT'), buyer('MANDATEE', ['mandateNumber']), ...mandated];

/** The whole table, written out by hand from domain.md: every status a person may set, from each status. */
const EXPECTED: Record<InvoiceStatusCode, Transition[]> = {
  DEPOSEE: [],
  A_VALIDER_1: [
    { to: 'VALIDEE_1', by: 'validator', needs: [] },
    { to: 'REFUSEE_1', by: 'validator', needs: ['reason'] },
  ],
  VALIDEE_1: [],
  REFUSEE_1: [],
  ABSENCE_VALIDATION_1_HORS_DELAI: [],
  EN_COURS_ACHEMINEMENT: [],
  MISE_A_DISPOSITION: inBuyersSpace,
  COMPLETEE: inBuyersSpace,
  SERVICE_FAIT: [...returns, buyer('MANDATEE', ['mandateNumber']), ...mandated],
  MANDATEE: mandated,
  MISE_A_DISPOSITION_COMPTABLE: mandated.slice(1),
  COMPTABILISEE: mandated.slice(2),
  MISE_EN_PAIEMENT: [],
  SUSPENDUE: [{ to: 'COMPLETEE', by: 'supplier', needs: [] }],
  A_RECYCLER: [{ to: 'EN_COURS_ACHEMINEMENT', by: 'supplier', needs: [] }],
  REJETEE: [],
};

describe('the invoice transition table', () => {
  it.each(STATUSES.map((s) => [s]))('allows exactly the expected steps from %s', (from) => {
    const sort = (ts: Transition[]) => [...ts].sort((a, b) => a.to.localeCompare(b.to));
    expect(sort(allowedNext(from))).toEqual(sort(EXPECTED[from]));
  });

  it.each([
    ['MISE_A_DISPOSITION', 'COMPLETEE'],
    ['MISE_A_DISPOSITION', 'MISE_A_DISPOSITION'],
    ['MISE_A_DISPOSITION', 'VALIDEE_1'],
    ['MANDATEE', 'SERVICE_FAIT'],
    ['MANDATEE', 'SUSPENDUE'],
    ['COMPTABILISEE', 'MANDATEE'],
    ['SUSPENDUE', 'MISE_EN_PAIEMENT'],
    ['A_RECYCLER', 'MISE_A_DISPOSITION'],
    ['DEPOSEE', 'MISE_A_DISPOSITION'],
    ['EN_COURS_ACHEMINEMENT', 'REJETEE'],
    ['MISE_EN_PAIEMENT', 'REJETEE'],
    ['REJETEE', 'COMPLETEE'],
    ['REFUSEE_1', 'VALIDEE_1'],
  ] as [InvoiceStatusCode, InvoiceStatusCode][])('forbids %s → %s', (from, to) => {
    expect(findTransition(from, to)).toBeUndefined();
  });

  it('lets no one change a final status', () => {
    expect(FINAL_STATUSES).toEqual(expect.arrayContaining(['REJETEE', 'MISE_EN_PAIEMENT']));
    for (const status of FINAL_STATUSES) expect(allowedNext(status)).toEqual([]);
  });

  it('says who acts: the buyer processes, the supplier answers, the validator decides', () => {
    expect(findTransition('MISE_A_DISPOSITION', 'SERVICE_FAIT')?.by).toBe('recipient');
    expect(findTransition('SUSPENDUE', 'COMPLETEE')?.by).toBe('supplier');
    expect(findTransition('A_RECYCLER', 'EN_COURS_ACHEMINEMENT')?.by).toBe('supplier');
    expect(findTransition('A_VALIDER_1', 'VALIDEE_1')?.by).toBe('validator');
  });

  it('asks a reason for SUSPENDUE, REJETEE (and A_RECYCLER, REFUSEE_1) and the mandate number for MANDATEE', () => {
    const needs = (from: InvoiceStatusCode, to: InvoiceStatusCode) => findTransition(from, to)?.needs;
    expect(needs('MISE_A_DISPOSITION', 'SUSPENDUE')).toEqual(['reason']);
    expect(needs('COMPLETEE', 'REJETEE')).toEqual(['reason']);
    expect(needs('SERVICE_FAIT', 'A_RECYCLER')).toEqual(['reason']);
    expect(needs('A_VALIDER_1', 'REFUSEE_1')).toEqual(['reason']);
    expect(needs('SERVICE_FAIT', 'MANDATEE')).toEqual(['mandateNumber']);
    expect(needs('MISE_A_DISPOSITION', 'MISE_EN_PAIEMENT')).toEqual([]);
  });
});

describe('reform status codes', () => {
  it.each([
    ['DEPOSEE', 'supplier', 200],
    ['EN_COURS_ACHEMINEMENT', 'platform', 201],
    ['MISE_A_DISPOSITION', 'platform', 203],
    ['A_VALIDER_1', 'platform', 203],
    ['SERVICE_FAIT', 'recipient', 204],
    ['MANDATEE', 'recipient', 205],
    ['MISE_A_DISPOSITION_COMPTABLE', 'recipient', 205],
    ['COMPTABILISEE', 'recipient', 205],
    ['VALIDEE_1', 'validator', 205],
    ['ABSENCE_VALIDATION_1_HORS_DELAI', 'platform', 205],
    ['A_RECYCLER', 'recipient', 207],
    ['SUSPENDUE', 'recipient', 208],
    ['COMPLETEE', 'supplier', 209],
    ['REJETEE', 'recipient', 210],
    ['REFUSEE_1', 'validator', 210],
    ['MISE_EN_PAIEMENT', 'recipient', 211],
    ['REJETEE', 'platform', 213],
  ] as const)('%s set by the %s is %i', (status, by, code) => {
    expect(reformCode(status, by)).toBe(code);
  });

  it('gives every status a code of the reform model', () => {
    for (const status of STATUSES) expect(reformCode(status, 'recipient')).toBeGreaterThanOrEqual(200);
  });
});

describe('the one status list', () => {
  it('labels every status in French, in lifecycle order', () => {
    expect(STATUS_OPTIONS.map(([code]) => code)).toEqual([...STATUSES]);
    expect(STATUS_OPTIONS).toContainEqual([
      'ABSENCE_VALIDATION_1_HORS_DELAI',
      'Absence de validation dans les délais',
    ]);
    expect(statusLabel('MISE_EN_PAIEMENT')).toBe('Mise en paiement');
    expect(statusLabel('INCONNU')).toBe('INCONNU');
  });
});
