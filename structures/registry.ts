import type { Db } from '../platform/db';
import { findCompany } from './store/company-registry';

/** What a company registry knows of an establishment. */
export interface CompanyRecord {
  siret: string;
  name: string;
  address: { street?: string; postalCode?: string; city?: string };
}

/** The company-registry port: does this SIRET exist, under what name and address. */
export interface CompanyRegistry {
  lookup(siret: string): Promise<CompanyRecord | undefined>;
}

/** The default registry: the platform's own directory table, filled by `npm run import:registry`. */
export function dbCompanyRegistry(db: Db): CompanyRegistry {
  return { lookup: (siret) => findCompany(db, siret) };
}
