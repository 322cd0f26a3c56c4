import { checkInvoiceFile, type RuleSet } from './check';
import { identityOf, type InvoiceIdentity } from './identify';
import type { Finding } from './validate';
import type { PlatformContext } from './platform-rules';

/**
 * Everything a deposit is judged by before it is routed: the file's own checks (format, XSD,
 * EN 16931, the platform's rules) and the identifiers routing needs. Never throws on bad input:
 * every problem is a finding.
 */
export async function checkDeposit(
  bytes: Uint8Array,
  rules: RuleSet = 'all',
  platform?: PlatformContext,
): Promise<Finding[]> {
  const result = await checkInvoiceFile(bytes, { rules, platform });
  if (!result.invoice) return result.findings;
  const syntax = result.format.startsWith('ubl') ? 'ubl' : 'cii';
  return [...result.findings, ...routingFindings(identityOf(result.invoice, syntax))];
}

export function routingFindings(id: InvoiceIdentity): Finding[] {
  const findings: Finding[] = [];
  const fatal = (rule: string, message: string, location: string) =>
    findings.push({ rule, severity: 'fatal', message, location });
  const ubl = id.syntax === 'ubl';
  if (!id.number)
    fatal(
      'FF-ROUTE-01',
      'The invoice number (BT-1) is missing.',
      ubl ? '/*/cbc:ID' : '//rsm:ExchangedDocument/ram:ID',
    );
  if (!id.issueDate || !/^\d{4}-\d{2}-\d{2}$/.test(id.issueDate)) {
    fatal(
      'FF-ROUTE-02',
      'The invoice issue date (BT-2) is missing or not a date.',
      ubl ? '/*/cbc:IssueDate' : '//ram:IssueDateTime',
    );
  }
  if (!id.seller.id) {
    fatal(
      'FF-ROUTE-03',
      'The seller (supplier) carries no identifier to file the invoice under (BT-30, BT-29, BT-31 or BT-34).',
      ubl ? '/*/cac:AccountingSupplierParty' : '//ram:SellerTradeParty',
    );
  }
  if (!id.buyer.id) {
    fatal(
      'FF-ROUTE-04',
      'The buyer (recipient) carries no identifier to route the invoice to (BT-47, BT-46, BT-48 or BT-49).',
      ubl ? '/*/cac:AccountingCustomerParty' : '//ram:BuyerTradeParty',
    );
  }
  return findings;
}
