import type { CompanyRecord, CompanyRegistry } from './registry';

/** Where the INSEE Sirene API is and the integration key the INSEE API portal issued. */
export interface SireneSettings {
  /** e.g. https://api.insee.fr/api-sirene/3.11 */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}

interface SireneEstablishment {
  siret: string;
  uniteLegale?: {
    denominationUniteLegale?: string | null;
    nomUniteLegale?: string | null;
    prenom1UniteLegale?: string | null;
  };
  adresseEtablissement?: {
    numeroVoieEtablissement?: string | null;
    typeVoieEtablissement?: string | null;
    libelleVoieEtablissement?: string | null;
    codePostalEtablissement?: string | null;
    libelleCommuneEtablissement?: string | null;
  };
}

export class SireneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SireneError';
  }
}

/**
 * The company registry backed by the INSEE Sirene API (GET /siret/{siret}). A 404 means the SIRET does
 * not exist; any other failure is an error, so an outage is never mistaken for an unknown company.
 */
export function sireneCompanyRegistry(settings: SireneSettings): CompanyRegistry {
  const base = settings.baseUrl.replace(/\/+$/, '');
  return {
    async lookup(siret) {
      const res = await fetch(`${base}/siret/${encodeURIComponent(siret)}`, {
        headers: { accept: 'application/json', 'X-INSEE-Api-Key-Integration': settings.apiKey },
        signal: AbortSignal.timeout(settings.timeoutMs ?? 5000),
      });
      if (res.status === 404) return undefined;
      if (!res.ok) throw new SireneError(`Sirene answered ${res.status} for a SIRET lookup`);
      const { etablissement } = (await res.json()) as { etablissement: SireneEstablishment };
      return toRecord(etablissement);
    },
  };
}

function toRecord(e: SireneEstablishment): CompanyRecord {
  const unit = e.uniteLegale ?? {};
  // A company has a denomination; a sole trader is named by first name and surname.
  const name =
    unit.denominationUniteLegale || [unit.prenom1UniteLegale, unit.nomUniteLegale].filter(Boolean).join(' ');
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
