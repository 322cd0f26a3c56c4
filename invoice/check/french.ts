import { validateFrench, type Finding } from '../validate';
import type { ReadInvoiceFile } from './read';

/** The French reform's BR-FR rules, asked for by name (`fr`): they are not yet part of a deposit's check. */
export function frenchFindings(file: ReadInvoiceFile): Finding[] {
  return validateFrench(file.xml);
}
