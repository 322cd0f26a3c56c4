import type { Db } from '../platform/db';
import { findCompany, registryImported } from './store/company-registry';

/** What a company registry knows of an establishment. */
export interface CompanyRecord {
  siret: string;
  name: string;
  address: { street?: string; postalCode?: string; city?: string };
}

/** The company-registry port: does this SIRET exist, under what name and address. */
export interface CompanyRegistry {
  lookup(siret: string): Promise<CompanyRecord | undefined>;
  /**
   * Whether an unknown SIRET is really unknown. A registry that holds nothing (a fresh install, no
   * Sirene key, no import) proves nothing: a SIRET with a valid key is then taken, unverified.
   */
  authoritative?(): Promise<boolean>;
}

/**
 * The default registry: the platform's own directory table, filled by `npm run import:registry`;
 * authoritative once something was imported.
 */
export function dbCompanyRegistry(db: Db): CompanyRegistry {
  return { lookup: (siret) => findCompany(db, siret), authoritative: () => registryImported(db) };
}
