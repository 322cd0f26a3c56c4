import { parseXml, type XmlElement } from '../xml';
import type { Finding } from './finding';
import { ciiSchematron, ublSchematron } from './rules';
import { compileSchematron, runSchematron, type CompiledSchematron } from './schematron';
import type { SchematronSchema } from './rules/types';

export type En16931Syntax = 'ubl' | 'cii';

const UBL_ROOTS = new Set([
  'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
]);
const CII_ROOT = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

const schemas: Record<En16931Syntax, SchematronSchema> = { ubl: ublSchematron, cii: ciiSchematron };
const compiled: Partial<Record<En16931Syntax, CompiledSchematron>> = {};

/** The syntax of an invoice by its root element's namespace, or undefined when it is neither. */
export function en16931SyntaxOf(root: XmlElement): En16931Syntax | undefined {
  if (UBL_ROOTS.has(root.ns)) return 'ubl';
  if (root.ns === CII_ROOT) return 'cii';
  return undefined;
}

/**
 * Checks an invoice against every rule of the official EN 16931 validation artefacts 1.3.16 for its
 * syntax (business rules BR-*, code lists BR-CL-*, decimals BR-DEC-*, VAT categories, and the syntax
 * rules UBL-SR/DT/CR or CII-SR/DT), with the official ids, messages and flags. Works on partial
 * documents: whatever is missing is reported, never thrown.
 */
export function validateEn16931(
  invoice: XmlElement | string | Uint8Array,
  syntax?: En16931Syntax,
): Finding[] {
  const root = typeof invoice === 'string' || invoice instanceof Uint8Array ? parseXml(invoice) : invoice;
  const which = syntax ?? en16931SyntaxOf(root);
  if (!which) {
    throw new Error(`not an EN 16931 UBL or CII invoice: root element {${root.ns}}${root.name}`);
  }
  // Rules compile on first use per syntax, then every call only evaluates closures.
  const rules = (compiled[which] ??= compileSchematron(schemas[which]));
  return runSchematron(rules, root);
}

/** Compiles a syntax's rules ahead of the first invoice (the CLI does it while the XSD worker compiles). */
export function prepareEn16931(syntax: En16931Syntax): void {
  compiled[syntax] ??= compileSchematron(schemas[syntax]);
}
