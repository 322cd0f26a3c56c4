import type { Invoice } from '../../invoice';
import type { RecipientDirectory } from '../../invoice/platform-rules/context';
import {
  FF_EJ_01,
  FF_EJ_02,
  FF_RECIPIENT_01,
  FF_SERVICE_01,
} from '../../invoice/platform-rules/rules/routing';
import type { Finding } from '../../invoice/validate/finding';

export interface RoutingData {
  recipientId?: string;
  serviceCode?: string;
  engagementNumber?: string;
}

/**
 * The platform's routing rules (recipient known, service code and engagement number as the recipient
 * requires) on routing data alone: a recycled invoice is routed on the corrected data, not its file's.
 */
export async function routingProblems(directory: RecipientDirectory, r: RoutingData): Promise<Finding[]> {
  // Only the fields these rules read: the buyer identifier, BT-10 and BT-13.
  const invoice = {
    buyer: { legalRegistrationId: r.recipientId ? { value: r.recipientId } : undefined },
    buyerReference: r.serviceCode,
    purchaseOrderReference: r.engagementNumber,
  } as unknown as Invoice;
  const recipient = r.recipientId ? await directory.find(r.recipientId) : undefined;
  const findings = [...FF_RECIPIENT_01(invoice, recipient), ...FF_EJ_01(invoice, recipient)];
  if (recipient) findings.push(...FF_SERVICE_01(invoice, recipient), ...FF_EJ_02(invoice, recipient));
  return findings.filter((f) => f.severity === 'fatal');
}
