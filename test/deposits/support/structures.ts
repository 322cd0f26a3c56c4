import type { Db } from '../../../platform/db';
import { frenchIban } from '../../support/people';

/** A Luhn-valid SIRET from its first 13 digits (the check digit computed; the SIREN part must be valid already). */
export function siret(first13: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = `${first13}${d}`;
    let sum = 0;
    [...candidate].reverse().forEach((c, i) => {
      const n = Number(c) * (i % 2 === 1 ? 2 : 1);
      sum += n > 9 ? n - 9 : n;
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

export const SUPPLIER_SIRET = siret('7328293200007');
export const BUYER_SIRET = siret('2175000160001');
export const SUPPLIER_IBAN = frenchIban('30006000011234567890189');

/**
 * A supplier structure with its address and bank account, the user as its main manager, and a public
 * buyer: written straight into the tables (the structures API has tests of its own).
 */
export async function seedParties(db: Db, userId: string): Promise<{ supplierId: string; buyerId: string }> {
  const now = new Date().toISOString();
  const base = { country_code: 'FR', public: false, created_at: now, updated_at: now };
  await db('structures').insert([
    {
      ...base,
      id: 'st-supplier',
      identifier_type: 'SIRET',
      identifier: SUPPLIER_SIRET,
      name: 'Atelier Dupont SARL',
      street: '12 rue des Lilas',
      postal_code: '69003',
      city: 'Lyon',
    },
    {
      ...base,
      id: 'st-buyer',
      identifier_type: 'SIRET',
      identifier: BUYER_SIRET,
      name: 'Commune de Villefranche',
      street: '1 place de la Mairie',
      postal_code: '69400',
      city: 'Villefranche-sur-Saône',
      public: true,
    },
  ]);
  await db('structure_members').insert({
    structure_id: 'st-supplier',
    user_id: userId,
    role: 'PRINCIPAL',
    services: '[]',
    created_at: now,
  });
  await db('structure_bank_accounts').insert({
    id: 'ba-1',
    structure_id: 'st-supplier',
    iban: SUPPLIER_IBAN,
    bic: 'AGRIFRPP',
    factor: false,
    created_at: now,
  });
  return { supplierId: 'st-supplier', buyerId: 'st-buyer' };
}
