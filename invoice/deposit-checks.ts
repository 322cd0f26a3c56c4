import { identifyInvoice, InvoiceIdentity } from './identify';
import { XmlError } from './xml';

export interface DepositFinding {
  rule: string;
  severity: 'fatal' | 'warning';
  message: string;
  location?: string;
}

/**
 * The checks every deposit goes through before it is routed: the file is a well-formed UBL or CII
 * invoice and carries the identifiers routing needs. Never throws on bad input: every problem is a finding.
 */
export function checkDeposit(bytes: Uint8Array): DepositFinding[] {
  let identity: InvoiceIdentity;
  try {
    identity = identifyInvoice(bytes);
  } catch (err) {
    const line = err instanceof XmlError && err.line ? `line ${err.line}` : undefined;
    return [{ rule: 'FF-FORMAT-01', severity: 'fatal', message: (err as Error).message, location: line }];
  }
  return routingFindings(identity);
}

export function routingFindings(id: InvoiceIdentity): DepositFinding[] {
  const findings: DepositFinding[] = [];
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
