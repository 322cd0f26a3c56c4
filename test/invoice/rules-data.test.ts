import fs from 'node:fs';
import path from 'node:path';
import * as rules from '../../invoice/validate/rules';
import type { StoredSchematron } from '../../invoice/validate/rules/types';
import { CODE_LISTS_FILE, codesOfLiteral, generateRulesData } from '../../scripts/rules-data';
import { jarPath, PINNED, readSource, sourceAvailable } from '../../scripts/rules-source';
import { describeNeeding } from '../support/requirements';

const RULES_DIR = path.join(__dirname, '..', '..', 'invoice', 'validate', 'rules');
const committed = (name: string) => fs.readFileSync(path.join(RULES_DIR, name), 'utf8');
const dataFiles = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.json') && f !== 'source.json');
const PLACEHOLDER = /\{\{code-list:([^}]+)\}\}/g;

const pinnedSource = {
  what: 'the pinned official rule artefacts',
  available: sourceAvailable(),
  missing:
    `pinned rule artefacts not in the local Maven repository (${jarPath(PINNED.en16931.maven)}, ` +
    `${jarPath(PINNED.facturx.maven)}, ${jarPath(PINNED.peppol.maven)}, ${jarPath(PINNED.france.maven)}): ` +
    'run npm run rules:fetch',
};

describeNeeding(pinnedSource, 'validation rules data regenerates from its pinned source', () => {
  it('gives, byte for byte, the committed data files and no others', async () => {
    const generated = generateRulesData(await readSource());
    expect([...generated.keys()].sort()).toEqual([...dataFiles].sort());
    for (const [name, text] of generated) expect({ name, text }).toEqual({ name, text: committed(name) });
  });
});

describe('validation rules data', () => {
  const codeLists: Record<string, string[]> = JSON.parse(committed(CODE_LISTS_FILE));

  it('holds each code list once', () => {
    const contents = Object.values(codeLists).map((codes) => JSON.stringify(codes));
    expect(new Set(contents).size).toBe(contents.length);
    for (const file of dataFiles.filter((f) => f !== CODE_LISTS_FILE)) {
      const stored = JSON.parse(committed(file)) as StoredSchematron;
      const expressions = [
        ...(stored.lets ?? []).map((l) => l.value),
        ...stored.patterns.flatMap((p) =>
          p.rules.flatMap((r) => [...r.asserts.map((a) => a.test), ...(r.lets ?? []).map((l) => l.value)]),
        ),
      ];
      const literals = expressions.flatMap((x) =>
        [...x.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]),
      );
      expect({ file, inlined: literals.filter((l) => codesOfLiteral(l)) }).toEqual({ file, inlined: [] });
    }
  });

  it('gives the engine each stored test with its code lists back in place', () => {
    const loaded: Record<string, (typeof rules)['ublSchematron']> = {
      'ubl.json': rules.ublSchematron,
      'cii.json': rules.ciiSchematron,
      'facturx-minimum.json': rules.facturXMinimumSchematron,
      'facturx-basic-wl.json': rules.facturXBasicWlSchematron,
      'facturx-basic.json': rules.facturXBasicSchematron,
      'facturx-en16931.json': rules.facturXEn16931Schematron,
      'facturx-extended.json': rules.facturXExtendedSchematron,
      'peppol-ubl.json': rules.peppolUblSchematron,
      'peppol-cii.json': rules.peppolCiiSchematron,
      'fr-ubl.json': rules.frUblSchematron,
      'fr-cii.json': rules.frCiiSchematron,
    };
    expect(Object.keys(loaded).sort()).toEqual(dataFiles.filter((f) => f !== CODE_LISTS_FILE).sort());
    let placeholders = 0;
    for (const [file, schema] of Object.entries(loaded)) {
      const stored = JSON.parse(committed(file)) as StoredSchematron;
      const tests = (s: { patterns: StoredSchematron['patterns'] }) =>
        s.patterns.flatMap((p) => p.rules.flatMap((r) => r.asserts.map((a) => a.test)));
      const expected = tests(stored).map((test) =>
        test.replace(PLACEHOLDER, (_, name: string) => {
          placeholders++;
          return codeLists[name].join(' ');
        }),
      );
      expect(tests(schema)).toEqual(expected);
      for (const [document, names] of Object.entries(stored.codeLists ?? {}))
        for (const [id, name] of Object.entries(names))
          expect(schema.codeLists?.[document][id]).toEqual(codeLists[name]);
    }
    expect(placeholders).toBeGreaterThan(0);
  });
});
