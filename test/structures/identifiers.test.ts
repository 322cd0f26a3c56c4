import {
  bicProblem,
  frenchVatKey,
  identifierProblem,
  maskIban,
  vatNumberProblem,
} from '../../structures/identifiers';

describe('structure identifiers', () => {
  it('checks SIRETs by Luhn, with La Poste’s digit-sum exception', () => {
    expect(identifierProblem('SIRET', '73282932000074')).toBeUndefined();
    expect(identifierProblem('SIRET', '35600000000048')).toBeUndefined();
    // La Poste establishment: not Luhn-valid, digit sum a multiple of 5.
    expect(identifierProblem('SIRET', '35600000012346')).toBeUndefined();
    expect(identifierProblem('SIRET', '73282932000075')).toMatchObject({
      code: 'SIRET_INVALID',
      field: 'body.identifier',
    });
    expect(identifierProblem('SIRET', '7328293200007')?.code).toBe('SIRET_INVALID');
  });

  it('checks the shape of identifiers of other types', () => {
    expect(identifierProblem('UE_HORS_FRANCE', 'DE123456789')).toBeUndefined();
    expect(identifierProblem('RIDET', '1234567001')).toBeUndefined();
    expect(identifierProblem('RIDET', '12345')?.code).toBe('IDENTIFIER_INVALID');
    expect(identifierProblem('PARTICULIER', 'Jean Dupont')).toBeUndefined();
  });

  it('checks the French VAT key: (12 + 3 × (SIREN mod 97)) mod 97', () => {
    expect(frenchVatKey('732829320')).toBe('44');
    expect(vatNumberProblem('FR44732829320')).toBeUndefined();
    expect(vatNumberProblem('FR44732829320', '73282932000074')).toBeUndefined();
    expect(vatNumberProblem('FR45732829320')).toMatchObject({
      code: 'VAT_NUMBER_INVALID',
      field: 'body.vatNumber',
    });
    expect(vatNumberProblem('FR44732829320', '35600000000048')?.code).toBe('VAT_NUMBER_INVALID');
    expect(vatNumberProblem('DE123456789')).toBeUndefined();
    expect(vatNumberProblem('fr44')?.code).toBe('VAT_NUMBER_INVALID');
  });

  it('checks BICs and masks IBANs', () => {
    expect(bicProblem('BNPAFRPP')).toBeUndefined();
    expect(bicProblem('BNPAFRPPXXX')).toBeUndefined();
    expect(bicProblem('BNPA12PP')).toMatchObject({ code: 'BIC_INVALID', field: 'body.bic' });
    expect(maskIban('FR7630006000011234567890189')).toBe('FR76*******************0189');
  });
});
