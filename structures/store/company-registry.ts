import type { Db } from '../../platform/db';
import type { CompanyRecord } from '../registry';

/** SQL on company_registry, the platform's own copy of the company directory. */

export async function findCompany(db: Db, siret: string): Promise<CompanyRecord | undefined> {
  const row = await db('company_registry').where({ siret }).first();
  if (!row) return undefined;
  return {
    siret: row.siret,
    name: row.name,
    address: {
      street: row.street ?? undefined,
      postalCode: row.postal_code ?? undefined,
      city: row.city ?? undefined,
    },
  };
}

/** Inserts the rows, or refreshes those whose SIRET is known. */
export async function upsertCompanies(db: Db, rows: Record<string, string | null>[]): Promise<void> {
  await db('company_registry')
    .insert(rows)
    .onConflict('siret')
    .merge(['name', 'street', 'postal_code', 'city', 'updated_at']);
}
