"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SireneError = void 0;
exports.sireneCompanyRegistry = sireneCompanyRegistry;
class SireneError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SireneError';
    }
}
exports.SireneError = SireneError;
/**
 * The company registry backed by the INSEE Sirene API (GET /siret/{siret}). A 404 means the SIRET does
 * not exist; any other failure is an error, so an outage is never mistaken for an unknown company.
 */
function sireneCompanyRegistry(settings) {
    const base = settings.baseUrl.replace(/\/+$/, '');
    return {
        async lookup(siret) {
            const res = await fetch(`${base}/siret/${encodeURIComponent(siret)}`, {
                headers: { accept: 'application/json', 'X-INSEE-Api-Key-Integration': settings.apiKey },
                signal: AbortSignal.timeout(settings.timeoutMs ?? 5000),
            });
            if (res.status === 404)
                return undefined;
            if (!res.ok)
                throw new SireneError(`Sirene answered ${res.status} for a SIRET lookup`);
            const { etablissement } = (await res.json());
            return toRecord(etablissement);
        },
    };
}
function toRecord(e) {
    const unit = e.uniteLegale ?? {};
    // A company has a denomination; a sole trader is named by first name and surname.
    const name = unit.denominationUniteLegale || [unit.prenom1UniteLegale, unit.nomUniteLegale].filter(Boolean).join(' ');
    const a = e.adresseEtablissement ?? {};
    const street = [a.numeroVoieEtablissement, a.typeVoieEtablissement, a.libelleVoieEtablissement]
        .filter(Boolean)
        .join(' ');
    return {
        siret: e.siret,
        name,
        address: {
            street: street || undefined,
            postalCode: a.codePostalEtablissement ?? undefined,
            city: a.libelleCommuneEtablissement ?? undefined,
        },
    };
}
//# sourceMappingURL=sirene.js.map