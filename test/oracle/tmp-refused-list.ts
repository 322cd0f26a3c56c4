import { convertChecked } from '../../invoice/convert-check';
import { closeXsdEngines } from '../../invoice/xsd';
import { corpusSources } from '../invoice/conversion-corpus';
async function main() {
  const { sources } = await corpusSources();
  for (const s of sources)
    for (const target of ['ubl', 'cii', 'facturx'] as const) {
      const profile = target === 'ubl' ? undefined : (s.profile ?? (target === 'facturx' ? 'EN 16931' : undefined));
      const c = await convertChecked(s.verdict, target, { profile, date: new Date('2026-04-02') });
      if (c.introduced.length || c.findings.length)
        console.log(`${s.file} [${s.format} ${s.profile ?? ''}] → ${target}: introduced [${[...new Set(c.introduced.map((f) => f.rule))].join(' ')}] conv [${c.findings.map((f) => f.rule).join(' ')}]`);
    }
  await closeXsdEngines();
}
main();
