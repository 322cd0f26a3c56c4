import type { FacturXProfile } from '../cii/profile';
import { validateEn16931, validateFacturXProfile, type Finding } from '../validate';
import { CHECK_RULES, fatal } from './findings';
import type { ReadInvoiceFile } from './read';
import { facturXRuleSet, profileOfRuleSet, type FacturXRuleSet } from './rule-sets';

/**
 * Factur-X MINIMUM and BASIC WL are not EN 16931 invoices (no lines, partial totals), and EXTENDED
 * extends it (terms and cardinalities EN 16931 forbids): the EN 16931 rules would misjudge them, so
 * they are judged by their own profile's official rules.
 */
const OWN_RULES_PROFILES: ReadonlySet<FacturXProfile> = new Set(['MINIMUM', 'BASIC WL', 'EXTENDED']);

/**
 * The EXTENDED profile's rules accept only Factur-X's and ZUGFeRD's own EXTENDED ids: other "#conformant#"
 * extensions (the French EXTENDED-CTC-FR, for one) are read as EXTENDED but stay under EN 16931.
 */
const FACTURX_EXTENDED =
  /^urn:cen\.eu:en16931:2017#conformant#urn:(factur-x\.eu:1p0|zugferd\.de:2p0):extended$/;

function ownRulesProfile(file: ReadInvoiceFile): FacturXProfile | undefined {
  if (!file.profile || !OWN_RULES_PROFILES.has(file.profile)) return undefined;
  if (file.profile === 'EXTENDED' && !FACTURX_EXTENDED.test(file.invoice.specificationId?.trim() ?? ''))
    return undefined;
  return file.profile;
}

/** The official EN 16931 rules, or the Factur-X profile rules for documents judged by their profile. */
export function en16931Findings(file: ReadInvoiceFile): Finding[] {
  const profile = ownRulesProfile(file);
  return profile ? validateFacturXProfile(file.xml, profile) : validateEn16931(file.xml);
}

/** The name of the rule set `en16931Findings` applies to a file. */
export function en16931RuleSet(file: ReadInvoiceFile): string {
  const profile = ownRulesProfile(file);
  return profile ? facturXRuleSet(profile) : 'en16931';
}

/** The Factur-X Schematron of the profile asked for, whatever the CII document declares. */
export function facturXProfileFindings(file: ReadInvoiceFile, rules: FacturXRuleSet): Finding[] {
  if (file.format !== 'cii')
    return [
      fatal(CHECK_RULES.rulesNotRun, `The ${rules} rules judge CII documents; this one is ${file.format}.`),
    ];
  return validateFacturXProfile(file.xml, profileOfRuleSet(rules));
}
