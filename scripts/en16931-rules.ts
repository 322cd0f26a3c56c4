/**
 * Reads the official EN 16931 validation artefacts (CEN/TC 434) as a SchematronSchema: every rule id,
 * flag, test and message exactly as published. The pinned source ships the compiled Schematron
 * (ISO skeleton XSLT), which keeps the Schematron's structure: the root template lists the patterns
 * in order (`svrl:active-pattern`, then the mode that runs it), each rule is a template of that mode
 * with its context in `svrl:fired-rule`, each assert an `xsl:choose` whose `svrl:failed-assert`
 * carries the original test, id, flag and message; a rule's `<let>`s are the template's variables.
 */
import { child, children, parseXml, type XmlElement } from '../invoice/xml';
import type { SchematronAssert, SchematronSchema } from '../invoice/validate/rules/types';

const allText = (el: XmlElement): string => el.text + el.children.map(allText).join('');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The value an `<xsl:attribute name="…">` child gives to the SVRL element. */
function svrlAttribute(el: XmlElement, name: string): string | undefined {
  const attr = children(el, 'attribute').find((a) => a.attrs.name === name);
  return attr && squash(allText(attr));
}

function readAssert(choose: XmlElement): SchematronAssert {
  const failed = child(child(choose, 'otherwise'), 'failed-assert');
  if (!failed) throw new Error(`xsl:choose without svrl:failed-assert at line ${choose.line}`);
  const id = svrlAttribute(failed, 'id');
  const flag = svrlAttribute(failed, 'flag');
  if (!id) throw new Error(`assert without id at line ${failed.line}`);
  if (flag !== 'fatal' && flag !== 'warning') throw new Error(`${id}: unexpected flag ${flag}`);
  return { id, flag, test: squash(failed.attrs.test), message: squash(allText(child(failed, 'text')!)) };
}

export function readEn16931Xslt(xslt: Uint8Array | XmlElement): SchematronSchema {
  const root = xslt instanceof Uint8Array ? parseXml(xslt) : xslt;
  const templates = children(root, 'template');
  const output = child(
    templates.find((t) => t.attrs.match === '/' && !t.attrs.mode),
    'schematron-output',
  );
  if (!output) throw new Error('not a Schematron skeleton XSLT: no svrl:schematron-output');
  const namespaces: Record<string, string> = {};
  for (const ns of children(output, 'ns-prefix-in-attribute-values'))
    namespaces[ns.attrs.prefix] = ns.attrs.uri;
  const patterns = output.children.flatMap((el, i) => {
    if (el.name !== 'active-pattern') return [];
    const mode = output.children[i + 1]?.attrs.mode;
    const rules = templates
      .filter((t) => t.attrs.mode === mode && child(t, 'fired-rule'))
      .map((t) => {
        const lets = children(t, 'variable').map((v) => ({
          name: v.attrs.name,
          value: squash(v.attrs.select),
        }));
        return {
          context: squash(child(t, 'fired-rule')!.attrs.context),
          ...(lets.length ? { lets } : {}),
          asserts: children(t, 'choose').map(readAssert),
        };
      });
    // Peppol's national patterns have no id: they are named by their place.
    return [{ id: svrlAttribute(el, 'id') ?? `pattern-${i}`, rules }];
  });
  return { title: squash(output.attrs.title), namespaces, patterns };
}
