export { validatePlatformRules } from './validate';
export type {
  PlatformContext,
  RecipientDirectory,
  RecipientParameters,
  RecipientService,
  DuplicateRegistry,
} from './context';
export { CADRES_DE_FACTURATION, isCadreDeFacturation } from './cadres';
export type { CadreDeFacturation } from './cadres';
export { digitsOnly, frenchVatKey, isValidSiren, isValidSiret, luhnValid } from './french-ids';
export { partyKeys } from './parties';
export type { PartyKeys } from './parties';
export { ibanProblem } from './iban';
export { checkRouting } from './routing';
export type { RoutingCheck } from './routing';
export { routingFactsOf } from './rules/routing';
export type { RoutingFacts } from './rules/routing';
export { BUSINESS_KEY_RULES, filingFindings } from './rules/filing';
export type { FilingRule } from './rules/filing';
