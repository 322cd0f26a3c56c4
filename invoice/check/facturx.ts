import type { Finding } from '../validate';
import { CHECK_RULES, warning } from './findings';
import type { ReadInvoiceFile } from './read';

/**
 * Facts of the PDF envelope worth telling the supplier about. They are warnings: the invoice itself
 * is in the XML, and readers (ours included) take the profile from BT-24, not from the XMP.
 */
export function facturXFindings(file: ReadInvoiceFile): Finding[] {
  const pdf = file.pdf;
  if (!pdf) return [];
  if (pdf.xmpError) {
    return [warning(CHECK_RULES.xmpUnreadable, `The PDF's XMP metadata cannot be read: ${pdf.xmpError}`)];
  }
  const declared = pdf.profile?.trim();
  if (!declared) {
    return [
      warning(CHECK_RULES.xmpUnreadable, 'The PDF carries no Factur-X ConformanceLevel in its XMP metadata.'),
    ];
  }
  if (file.profile && normalise(declared) !== normalise(file.profile)) {
    return [
      warning(
        CHECK_RULES.xmpProfileMismatch,
        `The XMP ConformanceLevel "${declared}" disagrees with the profile ${file.profile} the embedded XML declares (BT-24).`,
      ),
    ];
  }
  return [];
}

function normalise(profile: string): string {
  return profile.toUpperCase().replace(/[\s_-]/g, '');
}
