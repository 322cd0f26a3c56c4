/**
 * Reads the FNFE-MPE/FeRD Factur-X 1.09.2 Schematron of each profile (as shipped by Mustang, ZF_250),
 * with its `_codedb.xml` code lists as data, so the profile rules run on the same engine as EN 16931
 * with the published tests and messages. The published `<report>`s carry no id; they all say that an
 * element or attribute is not used in the profile, and get our stable id FX-NOT-ALLOWED. Flag-less
 * rules are errors, as the XSLT treats them.
 */
import { children, parseXml, type XmlElement } from '../invoice/xml';
import type { SchematronSchema } from '../invoice/validate/rules/types';

export const FACTURX_PROFILES = ['MINIMUM', 'BASIC-WL', 'BASIC', 'EN16931', 'EXTENDED'] as const;
export type FacturXProfileName = (typeof FACTURX_PROFILES)[number];

const NOT_ALLOWED = 'FX-NOT-ALLOWED';

const allText = (el: XmlElement): string => el.text + el.children.map(allText).join('');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function readCodeLists(bytes: Uint8Array): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const cl of children(parseXml(bytes), 'cl')) {
    lists[cl.attrs.id] = children(cl, 'enumeration').map((e) => e.attrs.value);
  }
  return lists;
}

/** One profile's schema; `files` holds the Schematron folder's files by name. */
export function readFacturXSchematron(
  profile: FacturXProfileName,
  files: ReadonlyMap<string, Uint8Array>,
): SchematronSchema {
  const file = (name: string) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`Factur-X source has no ${name}`);
    return bytes;
  };
  const root = parseXml(file(`FACTUR-X_${profile}.sch`));
  const namespaces: Record<string, string> = {};
  for (const ns of children(root, 'ns')) namespaces[ns.attrs.prefix] = ns.attrs.uri;
  const documents = new Set<string>();
  const schema: SchematronSchema = {
    title: squash(allText(children(root, 'title')[0] ?? root)),
    namespaces,
    patterns: children(root, 'pattern').map((pattern, p) => ({
      id: pattern.attrs.id ?? `pattern-${p + 1}`,
      rules: children(pattern, 'rule').map((rule) => {
        const lets = children(rule, 'let').map((l) => ({ name: l.attrs.name, value: squash(l.attrs.value) }));
        return {
          context: squash(rule.attrs.context),
          ...(lets.length ? { lets } : {}),
          asserts: rule.children
            .filter((a) => a.name === 'assert' || a.name === 'report')
            .map((a) => {
              const flag = a.attrs.flag ?? rule.attrs.flag ?? 'fatal';
              if (flag !== 'fatal' && flag !== 'warning')
                throw new Error(`${a.attrs.id}: unexpected flag ${flag}`);
              const test = squash(a.attrs.test);
              for (const m of test.matchAll(/document\('([^']+)'\)/g)) documents.add(m[1]);
              const report = a.name === 'report';
              const id = a.attrs.id ?? (report ? NOT_ALLOWED : undefined);
              if (!id) throw new Error(`assert without id in ${rule.attrs.context}`);
              return { id, flag, test, message: squash(allText(a)), ...(report ? { report } : {}) };
            }),
        };
      }),
    })),
  };
  schema.codeLists = Object.fromEntries([...documents].map((name) => [name, readCodeLists(file(name))]));
  return schema;
}
