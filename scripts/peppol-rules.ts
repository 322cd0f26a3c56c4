/**
 * Reads the OpenPEPPOL BIS Billing 3.0 rules from their official compiled Schematron (ISO skeleton
 * XSLT, as OpenPEPPOL publishes it): the patterns like the EN 16931 ones (see en16931-rules.ts), plus
 * what the Peppol Schematron adds: schema- and pattern-level `<let>`s, which the skeleton turns into
 * global variables, and the check-digit functions (`u:gln`, `u:mod11`, …) it defines in XSLT.
 */
import { child, children, parseXml, type XmlElement } from '../invoice/xml';
import type { FunctionStep, SchematronFunction, SchematronSchema } from '../invoice/validate/rules/types';
import { readEn16931Xslt } from './en16931-rules';

const allText = (el: XmlElement): string => el.text + el.children.map(allText).join('');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The skeleton's own variable (the SVRL's document URI), not a rule's; its params have no select. */
const SKELETON_VARIABLES = new Set(['document-uri']);

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const typed = (as: string | undefined) => (as ? { as } : {});

function readVariable(v: XmlElement): FunctionStep {
  if (v.attrs.select !== undefined)
    return { let: v.attrs.name, value: squash(v.attrs.select), ...typed(v.attrs.as) };
  const valueOf = child(v, 'value-of');
  if (valueOf)
    return { let: v.attrs.name, value: squash(valueOf.attrs.select), ...typed(v.attrs.as), text: true };
  return { let: v.attrs.name, value: literal(allText(v)), ...typed(v.attrs.as) };
}

function readSteps(parent: XmlElement): FunctionStep[] {
  return parent.children.flatMap((el): FunctionStep[] => {
    switch (el.name) {
      case 'param':
        return [];
      case 'variable':
        return [readVariable(el)];
      case 'value-of':
        return [{ result: squash(el.attrs.select), text: true }];
      case 'sequence':
        return [{ result: squash(el.attrs.select) }];
      case 'choose':
        return [
          {
            choose: children(el, 'when').map((w) => ({ test: squash(w.attrs.test), steps: readSteps(w) })),
            otherwise: readSteps(child(el, 'otherwise') ?? el),
          },
        ];
      default:
        throw new Error(`unsupported xsl:${el.name} in an xsl:function at line ${el.line}`);
    }
  });
}

function readFunction(fn: XmlElement): SchematronFunction {
  return {
    name: fn.attrs.name,
    ...typed(fn.attrs.as),
    params: children(fn, 'param').map((p) => ({ name: p.attrs.name, ...typed(p.attrs.as) })),
    steps: readSteps(fn),
  };
}

export function readPeppolXslt(xslt: Uint8Array): SchematronSchema {
  const root = parseXml(xslt);
  const schema = readEn16931Xslt(root);
  // The skeleton writes schema-level lets as global params, pattern-level ones as global variables.
  const lets = root.children
    .filter((v) => (v.name === 'variable' || v.name === 'param') && !SKELETON_VARIABLES.has(v.attrs.name))
    .filter((v) => v.attrs.select !== undefined)
    .map((v) => ({ name: v.attrs.name, value: squash(v.attrs.select) }));
  const { title, namespaces, patterns } = schema;
  return { title, namespaces, lets, functions: children(root, 'function').map(readFunction), patterns };
}
