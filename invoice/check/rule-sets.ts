import type { FacturXProfile } from '../cii/profile';

/** The Factur-X 1.09.2 Schematron of one profile, by the name the command line and the API use. */
export type FacturXRuleSet =
  'facturx-minimum' | 'facturx-basicwl' | 'facturx-basic' | 'facturx-en16931' | 'facturx-extended';

/** Which rules to judge a file by (the schemas of its syntax and profile run under every set but `platform`). */
export type RuleSet = 'en16931' | FacturXRuleSet | 'peppol' | 'fr' | 'platform' | 'all';

const FACTURX_PROFILES: Record<FacturXRuleSet, FacturXProfile> = {
  'facturx-minimum': 'MINIMUM',
  'facturx-basicwl': 'BASIC WL',
  'facturx-basic': 'BASIC',
  'facturx-en16931': 'EN 16931',
  'facturx-extended': 'EXTENDED',
};

/** What each set applies, as `facturflow validate --rules` lists them. */
export const RULE_SET_DESCRIPTIONS: Record<RuleSet, string> = {
  en16931:
    'EN 16931 (CEN/TC 434 1.3.16); Factur-X MINIMUM, BASIC WL and EXTENDED documents by their profile instead',
  'facturx-minimum': 'Factur-X 1.09.2 MINIMUM profile rules, on any CII document',
  'facturx-basicwl': 'Factur-X 1.09.2 BASIC WL profile rules, on any CII document',
  'facturx-basic': 'Factur-X 1.09.2 BASIC profile rules, on any CII document',
  'facturx-en16931': 'Factur-X 1.09.2 EN 16931 profile rules, on any CII document',
  'facturx-extended': 'Factur-X 1.09.2 EXTENDED profile rules, on any CII document',
  peppol: 'en16931, plus Peppol BIS Billing 3.0 (OpenPEPPOL 3.0.19) on any UBL or CII document',
  fr: "en16931, plus the French e-invoicing reform's BR-FR rules (FNFE-MPE Schematron V1.3.0), UBL and CII",
  platform: "the platform's deposit rules only (recipient, duplicates, identifiers, bank details)",
  all: 'en16931, Peppol BIS on documents that declare it, and the platform rules: what a deposit applies',
};

export const RULE_SETS = Object.keys(RULE_SET_DESCRIPTIONS) as RuleSet[];

export function isFacturXRuleSet(rules: RuleSet): rules is FacturXRuleSet {
  return rules in FACTURX_PROFILES;
}

export function profileOfRuleSet(rules: FacturXRuleSet): FacturXProfile {
  return FACTURX_PROFILES[rules];
}

/** `facturx-extended` for EXTENDED: the name of a profile's rule set. */
export function facturXRuleSet(profile: FacturXProfile): FacturXRuleSet {
  return `facturx-${profile.toLowerCase().replace(/\s+/g, '')}` as FacturXRuleSet;
}
