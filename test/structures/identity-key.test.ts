import { companyOf, identityKey, mislabelledFrenchId } from '../../structures/identifiers';
import { frenchVat, siren, siret } from '../invoicing/french-numbers';

describe('identity keys: one party whatever the type label', () => {
  it('reads an identifier as people type it', () => {
    expect(identityKey('123 456 789')).toBe('123456789');
    expect(identityKey('ch-123.456')).toBe('CH123456');
  });

  it('names the company (SIREN) of a SIRET, a 9-digit number and a French VAT number', () => {
    const company = siren('41234567');
    expect(companyOf(siret(company, '0001'))).toBe(company);
    expect(companyOf(company)).toBe(company);
    expect(companyOf(frenchVat(company))).toBe(company);
    expect(companyOf('CH123456')).toBeUndefined();
  });

  it('takes a SIRET or a French VAT number only under the SIRET type', () => {
    const company = siren('41234567');
    expect(mislabelledFrenchId('PARTICULIER', siret(company, '0001'))?.code).toBe('IDENTIFIER_TYPE_MISMATCH');
    expect(mislabelledFrenchId('UE_HORS_FRANCE', frenchVat(company))?.code).toBe('IDENTIFIER_TYPE_MISMATCH');
    expect(mislabelledFrenchId('SIRET', siret(company, '0001'))).toBeUndefined();
    expect(mislabelledFrenchId('HORS_UE', '123456789')).toBeUndefined();
  });
});
