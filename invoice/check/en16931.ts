import type { FacturXProfile } from '../cii/profile';
import { validateEn16931, validateFacturXProfile, type Finding } from '../validate';
import type { ReadInvoiceFile } from './read';

/**
 * Factur-X MINIMUM and BASIC WL are not EN 16931 invoices (no lines, partial totals): the EN 16931
 * rules would reject every one of them, so they are judged by their own profile's official rules.
 */
const NOT_EN16931_PROFILES: ReadonlySet<FacturXProfile> = new Set(['MINIMUM', 'BASIC WL']);

/** The official EN 16931 rules, or the Factur-X profile rules for documents that are not EN 16931 invoices. */
export function en16931Findings(file: ReadInvoiceFile): Finding[] {
  if (file.profile && NOT_EN16931_PROFILES.has(file.profile)) {
    return validateFacturXProfile(file.xml, file.profile);
  }
  return validateEn16931(file.xml);
}
