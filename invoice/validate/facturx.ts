import type { FacturXProfile } from '../cii/profile';
import type { XmlElement } from '../xml';
import type { Finding } from './finding';
import {
  facturXBasicSchematron,
  facturXBasicWlSchematron,
  facturXEn16931Schematron,
  facturXExtendedSchematron,
  facturXMinimumSchematron,
} from './rules';
import type { SchematronSchema } from './rules/types';
import { compileSchematron, runSchematron, type CompiledSchematron } from './schematron';

const schemas: Record<FacturXProfile, SchematronSchema> = {
  MINIMUM: facturXMinimumSchematron,
  'BASIC WL': facturXBasicWlSchematron,
  BASIC: facturXBasicSchematron,
  'EN 16931': facturXEn16931Schematron,
  EXTENDED: facturXExtendedSchematron,
};
const compiled: Partial<Record<FacturXProfile, CompiledSchematron>> = {};

/**
 * Checks a CII document against the Factur-X 1.09.2 Schematron of one profile (FNFE-MPE / FeRD), with
 * the published ids and messages. This is what judges MINIMUM and BASIC WL documents, which are not
 * EN 16931 invoices; elements or attributes the profile does not use are reported as FX-NOT-ALLOWED
 * (the published rules report them without an id).
 */
export function validateFacturXProfile(root: XmlElement, profile: FacturXProfile): Finding[] {
  // Rules compile on first use per profile, then every call only evaluates closures.
  const rules = (compiled[profile] ??= compileSchematron(schemas[profile]));
  return runSchematron(rules, root);
}
