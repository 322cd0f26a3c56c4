import type { XmlElement } from '../xml';
import { en16931SyntaxOf } from './en16931';
import type { Finding } from './finding';
import { frCiiSchematron, frUblSchematron } from './rules';
import { compileSchematron, runSchematron, type CompiledSchematron } from './schematron';

const compiled: { ubl?: CompiledSchematron; cii?: CompiledSchematron } = {};

/**
 * Checks a UBL or CII invoice against the French e-invoicing reform's BR-FR rules (FNFE-MPE Schematron
 * V1.3.0, "Flux 2": SIREN and SIRET of the parties, invoice type codes, billing framework, VAT exemption
 * mentions, …), with the published ids, messages and flags. These come on top of EN 16931.
 */
export function validateFrench(root: XmlElement): Finding[] {
  const syntax = en16931SyntaxOf(root);
  if (!syntax) throw new Error(`not a UBL or CII invoice: {${root.ns}}${root.name}`);
  if (syntax === 'cii') return runSchematron((compiled.cii ??= compileSchematron(frCiiSchematron)), root);
  return runSchematron((compiled.ubl ??= compileSchematron(frUblSchematron)), root);
}
