import type { Invoice } from '../../model';
import type { Finding } from '../../validate/finding';
import { isCadreDeFacturation } from '../cadres';
import { platformFinding } from './finding';

/** FF-CADRE-01: a cadre de facturation, when given, is one the platform knows. */
export function FF_CADRE_01(invoice: Invoice): Finding[] {
  const code = invoice.cadreDeFacturation;
  if (code === undefined || isCadreDeFacturation(code)) return [];
  return [
    platformFinding(
      'FF-CADRE-01',
      `Cadre de facturation inconnu : "${code}". / Unknown billing framework (cadre de facturation) "${code}".`,
      'cadreDeFacturation',
    ),
  ];
}
