/**
 * The official rule sets, loaded from their generated data (see README.md: source.json names the
 * pinned source, `npm run rules:generate` rewrites the JSON). Each code list is stored once in
 * code-lists.json; the tests and code-list documents that use it get its codes back here, so the
 * XPath engine sees the tests exactly as published.
 */
import codeListsData from './code-lists.json';
import ciiData from './cii.json';
import facturXBasicData from './facturx-basic.json';
import facturXBasicWlData from './facturx-basic-wl.json';
import facturXEn16931Data from './facturx-en16931.json';
import facturXExtendedData from './facturx-extended.json';
import facturXMinimumData from './facturx-minimum.json';
import frCiiData from './fr-cii.json';
import frUblData from './fr-ubl.json';
import peppolCiiData from './peppol-cii.json';
import peppolUblData from './peppol-ubl.json';
import ublData from './ubl.json';
import type { SchematronSchema, StoredSchematron } from './types';

const codeLists: Record<string, string[]> = codeListsData;
const PLACEHOLDER = /\{\{code-list:([^}]+)\}\}/g;

function codeList(name: string): string[] {
  const codes = codeLists[name];
  if (!codes) throw new Error(`rules data names an unknown code list ${name}`);
  return codes;
}

const withCodes = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => codeList(name).join(' '));

/** A stored schema as the engine takes it: placeholders and list names replaced by the codes. */
export function loadSchematron(data: object): SchematronSchema {
  // The generator wrote this shape (flags checked there); JSON imports only type flags as strings.
  const { source: _source, codeLists: documents, ...stored } = data as StoredSchematron;
  return {
    ...stored,
    ...(stored.lets ? { lets: stored.lets.map((l) => ({ name: l.name, value: withCodes(l.value) })) } : {}),
    patterns: stored.patterns.map((pattern) => ({
      id: pattern.id,
      rules: pattern.rules.map((rule) => ({
        context: rule.context,
        ...(rule.lets ? { lets: rule.lets.map((l) => ({ name: l.name, value: withCodes(l.value) })) } : {}),
        asserts: rule.asserts.map((a) => ({ ...a, test: withCodes(a.test) })),
      })),
    })),
    ...(documents
      ? {
          codeLists: Object.fromEntries(
            Object.entries(documents).map(([document, names]) => [
              document,
              Object.fromEntries(Object.entries(names).map(([id, name]) => [id, codeList(name)])),
            ]),
          ),
        }
      : {}),
  };
}

export const ublSchematron = loadSchematron(ublData);
export const ciiSchematron = loadSchematron(ciiData);
export const facturXMinimumSchematron = loadSchematron(facturXMinimumData);
export const facturXBasicWlSchematron = loadSchematron(facturXBasicWlData);
export const facturXBasicSchematron = loadSchematron(facturXBasicData);
export const facturXEn16931Schematron = loadSchematron(facturXEn16931Data);
export const facturXExtendedSchematron = loadSchematron(facturXExtendedData);
/** OpenPEPPOL BIS Billing 3.0 (UBL), with the national rules it carries; applied on top of EN 16931. */
export const peppolUblSchematron = loadSchematron(peppolUblData);
/** The same rules for CII, compiled from OpenPEPPOL's published Schematron (see source.json). */
export const peppolCiiSchematron = loadSchematron(peppolCiiData);
/** The French reform's BR-FR rules (FNFE-MPE), per syntax; applied on top of EN 16931. */
export const frUblSchematron = loadSchematron(frUblData);
export const frCiiSchematron = loadSchematron(frCiiData);
