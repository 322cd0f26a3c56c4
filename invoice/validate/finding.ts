/** One violated EN 16931 rule, reported with the official id, message and flag. */
export interface Finding {
  /** Official rule id, e.g. "BR-CO-10", "UBL-SR-12", "CII-DT-013". */
  rule: string;
  severity: 'fatal' | 'warning';
  /** Official message text of the rule. */
  message: string;
  /** Path of the element the rule was checked on, e.g. /Invoice/cac:InvoiceLine[2]. */
  location?: string;
}
