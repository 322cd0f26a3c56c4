/**
 * Turns the official rule sets into the committed data of invoice/validate/rules/: one JSON file per
 * rule set, and every code list once in code-lists.json. A code list is either a string literal of
 * codes inside a test (`contains(' AD AE … ', …)`) or a list of a Factur-X `_codedb.xml`; tests keep
 * `{{code-list:NAME}}` in the literal's place and code-list documents name their lists, and the
 * loader (invoice/validate/rules/index.ts) puts the codes back, so the engine sees the published tests.
 */
import { readEn16931Xslt } from './en16931-rules';
import { FACTURX_PROFILES, readFacturXSchematron } from './facturx-rules';
import { readPeppolXslt } from './peppol-rules';
import { PINNED, type RulesSource } from './rules-source';
import type { SchematronSchema, StoredSchematron } from '../invoice/validate/rules/types';

/** Fewer codes than this in a literal is a small set written out by a rule, not a code list. */
export const MIN_CODES = 10;
const CODE = /^[A-Za-z0-9][A-Za-z0-9.:_-]*$/;
export const CODE_LISTS_FILE = 'code-lists.json';

/** The codes of a test's string literal that is a code list (space-separated codes), else undefined. */
export function codesOfLiteral(inner: string): string[] | undefined {
  const codes = inner.trim().split(' ');
  return codes.length >= MIN_CODES && codes.every((code) => CODE.test(code)) ? codes : undefined;
}

/** Every code list once, by name; a list is named after the first rule that uses it. */
class CodeLists {
  readonly byName: Record<string, string[]> = {};
  private readonly byContent = new Map<string, string>();

  name(codes: string[], suggested: string): string {
    const key = JSON.stringify(codes);
    const known = this.byContent.get(key);
    if (known) return known;
    let name = suggested;
    for (let n = 2; name in this.byName; n++) name = `${suggested}-${n}`;
    this.byName[name] = codes;
    this.byContent.set(key, name);
    return name;
  }
}

/** A test with each code-list literal replaced by its placeholder (surrounding spaces kept). */
function shareLiterals(test: string, ruleId: string, lists: CodeLists): string {
  return test.replace(/'[^']*'|"[^"]*"/g, (literal) => {
    const inner = literal.slice(1, -1);
    const codes = codesOfLiteral(inner);
    if (!codes) return literal;
    const [, before, after] = /^(\s*)[^]*?(\s*)$/.exec(inner)!;
    const quote = literal[0];
    return `${quote}${before}{{code-list:${lists.name(codes, ruleId)}}}${after}${quote}`;
  });
}

function store(schema: SchematronSchema, source: string, lists: CodeLists): StoredSchematron {
  const patterns = schema.patterns.map((pattern) => ({
    id: pattern.id,
    rules: pattern.rules.map((rule) => {
      const ruleId = rule.asserts[0]?.id ?? pattern.id;
      return {
        context: rule.context,
        ...(rule.lets
          ? { lets: rule.lets.map((l) => ({ name: l.name, value: shareLiterals(l.value, ruleId, lists) })) }
          : {}),
        asserts: rule.asserts.map((a) => ({ ...a, test: shareLiterals(a.test, a.id, lists) })),
      };
    }),
  }));
  const firstUser = (document: string, id: string) =>
    schema.patterns
      .flatMap((p) => p.rules.flatMap((r) => r.asserts))
      .find((a) => a.test.includes(`document('${document}')/codedb/cl[@id=${id}]`))?.id;
  const codeLists = schema.codeLists
    ? Object.fromEntries(
        Object.entries(schema.codeLists).map(([document, byId]) => [
          document,
          Object.fromEntries(
            Object.entries(byId).map(([id, codes]) => [
              id,
              lists.name(codes, firstUser(document, id) ?? `${document.replace(/\.xml$/, '')}-${id}`),
            ]),
          ),
        ]),
      )
    : undefined;
  const lets = schema.lets?.map((l) => ({ name: l.name, value: shareLiterals(l.value, l.name, lists) }));
  return {
    source,
    title: schema.title,
    namespaces: schema.namespaces,
    ...(lets ? { lets } : {}),
    ...(schema.functions ? { functions: schema.functions } : {}),
    patterns,
    ...(codeLists ? { codeLists } : {}),
  };
}

/**
 * JSON laid out for reviewable diffs: containers down to `inlineFrom` levels one entry per line,
 * anything deeper (an assert, a code list) on one line.
 */
export function formatJson(value: unknown, inlineFrom: number, depth = 0, indent = ''): string {
  if (depth >= inlineFrom || value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((v) => inner + formatJson(v, inlineFrom, depth + 1, inner))
    : Object.entries(value).map(
        ([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inlineFrom, depth + 1, inner)}`,
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return entries.length ? `${open}\n${entries.join(',\n')}\n${indent}${close}` : `${open}${close}`;
}

/** The rule sets, by data file name (without .json), with what each is read from. */
function ruleSets(source: RulesSource): { file: string; from: string; schema: SchematronSchema }[] {
  const en16931 = (syntax: 'ubl' | 'cii') => ({
    file: syntax,
    from: `${PINNED.en16931.maven} ${syntax} XSLT`,
    schema: readEn16931Xslt(source.en16931[syntax]),
  });
  return [
    en16931('ubl'),
    en16931('cii'),
    ...FACTURX_PROFILES.map((profile) => ({
      file: `facturx-${profile.toLowerCase()}`,
      from: `${PINNED.facturx.maven} FACTUR-X_${profile}.sch`,
      schema: readFacturXSchematron(profile, source.facturx),
    })),
    {
      file: 'peppol-ubl',
      from: `${PINNED.peppol.maven} UBL XSLT`,
      schema: readPeppolXslt(source.peppol.ubl),
    },
    // The BR-FR XSLTs are skeleton output like Peppol's: lets and functions read the same way.
    ...(['ubl', 'cii'] as const).map((syntax) => ({
      file: `fr-${syntax}`,
      from: `${PINNED.france.maven} BR-FR ${syntax.toUpperCase()} XSLT`,
      schema: readPeppolXslt(source.france[syntax]),
    })),
    // Last, so that the code lists it adds come after the others' and their names stay put.
    {
      file: 'peppol-cii',
      from: `OpenPEPPOL's PEPPOL-EN16931-CII.sch compiled by the ISO skeleton of ${PINNED.peppolCii.maven}`,
      schema: readPeppolXslt(source.peppol.cii),
    },
  ];
}

/** Every data file of invoice/validate/rules/, by file name, as the generator writes it. */
export function generateRulesData(source: RulesSource): Map<string, string> {
  const lists = new CodeLists();
  const files = new Map<string, string>();
  for (const { file, from, schema } of ruleSets(source)) {
    const stored = store(
      schema,
      `${from} (see source.json). Generated by npm run rules:generate: do not edit.`,
      lists,
    );
    // Schema, patterns, a pattern, its rules, a rule, its asserts: one line per assert.
    files.set(`${file}.json`, `${formatJson(stored, 6)}\n`);
  }
  files.set(CODE_LISTS_FILE, `${formatJson(lists.byName, 1)}\n`);
  return files;
}
