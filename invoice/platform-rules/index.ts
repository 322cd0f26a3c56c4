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
export { isValidSiren, isValidSiret, luhnValid } from './french-ids';
export { ibanProblem } from './iban';
