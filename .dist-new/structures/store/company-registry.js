"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findCompany = findCompany;
exports.registryImported = registryImported;
exports.headOfficeOf = headOfficeOf;
exports.upsertCompanies = upsertCompanies;
/** SQL on company_registry, the platform's own copy of the company directory. */
async function findCompany(db, siret) {
    // A closed establishment (etatAdministratifEtablissement F) no longer invoices.
    const row = await db('company_registry')
        .where({ siret })
        .where((q) => q.whereNull('active').orWhere('active', true))
        .first();
    if (!row)
        return undefined;
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
async function registryImported(db) {
    return !!(await db('company_registry').first('siret'));
}
/** The registry's head office (siège) of this SIREN, when it knows it. */
async function headOfficeOf(db, siren) {
    const row = await db('company_registry')
        .where('siret', 'like', `${siren}_____`)
        .where({ head_office: true })
        .first('siret');
    return row?.siret;
}
/** Inserts the rows, or refreshes those whose SIRET is known. */
async function upsertCompanies(db, rows) {
    await db('company_registry')
        .insert(rows)
        .onConflict('siret')
        .merge(['name', 'street', 'postal_code', 'city', 'head_office', 'active', 'updated_at']);
}
//# sourceMappingURL=company-registry.js.map