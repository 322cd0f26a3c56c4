import type { Db } from '../../platform/db';
import type { CompanyRecord } from '../registry';

/** SQL on company_registry, the platform's own copy of the company directory. */

export async function findCompany(db: Db, siret: string): Promise<CompanyRecord | undefined> {
  // A closed establishment (etatAdministratifEtablissement F) no longer invoices.
  const row = await db('company_registry')
    .where({ siret })
    .where((q) => q.whereNull('active').orWhere('active', true))
    .first();
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

/** Whether the registry copy holds anything: an empty one has not been imported, so it proves nothing. */
export async function registryImported(db: Db): Promise<boolean> {
  return !!(await db('company_registry').first('siret'));
}

/** The registry's head office (siège) of this SIREN, when it knows it. */
export async function headOfficeOf(db: Db, siren: string): Promise<string | undefined> {
  const row = await db('company_registry')
    .where('siret', 'like', `${siren}_____`)
    .where({ head_office: true })
    .first('siret');
  return row?.siret;
}

/** Inserts the rows, or refreshes those whose SIRET is known. */
export async function upsertCompanies(
  db: Db,
  rows: Record<string, string | boolean | null>[],
): Promise<void> {
  await db('company_registry')
    .insert(rows)
    .onConflict('siret')
    .merge(['name', 'street', 'postal_code', 'city', 'head_office', 'active', 'updated_at']);
}
