import type { FacturXProfile } from '../cii/profile';
import { validateEn16931, type Finding } from '../validate';
import { CHECK_RULES, warning } from './findings';
import type { ReadInvoiceFile } from './read';

/**
 * Factur-X MINIMUM and BASIC WL are not EN 16931 invoices (no lines, partial totals): the EN 16931
 * rules would reject every one of them, so they are judged by their own profile rules instead.
 */
const NOT_EN16931_PROFILES: ReadonlySet<FacturXProfile> = new Set(['MINIMUM', 'BASIC WL']);

/** The official EN 16931 rules for documents that claim EN 16931 content. */
export function en16931Findings(file: ReadInvoiceFile): Finding[] {
  if (file.profile && NOT_EN16931_PROFILES.has(file.profile)) {
    return [
      warning(
        CHECK_RULES.profileNotChecked,
        `Factur-X profile ${file.profile} is not an EN 16931 invoice: EN 16931 rules do not apply, and the ` +
          `${file.profile} profile's own business rules (Factur-X Schematron) are not checked.`,
      ),
    ];
  }
  return validateEn16931(file.xml);
}
