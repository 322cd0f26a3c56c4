import { checkInvoiceFile } from '../../invoice/check';
import { convertChecked } from '../../invoice/convert-check';
import { closeXsdEngines } from '../../invoice/xsd';
import { officialCases } from './cases';
async function main() {
  const cases = officialCases().filter((c) => c.name.startsWith('test/'));
  let unreadable = 0, n = 0;
  const tally = new Map<string, number>();
  for (const c of cases) {
    const verdict = await checkInvoiceFile(Buffer.from(c.xml), { rules: 'en16931' });
    if (!verdict.invoice) { unreadable++; console.log('UNREADABLE', c.name, verdict.findings[0]?.message.slice(0, 100)); continue; }
    if (verdict.findings.some((f) => f.rule.startsWith('XSD-'))) continue;
    n++;
    for (const target of ['ubl', 'cii', 'facturx'] as const) {
      try {
        const ch = await convertChecked(verdict, target, { profile: target === 'facturx' ? 'EN 16931' : undefined, date: new Date('2026-04-02') });
        const rules = [...new Set(ch.introduced.map((f) => f.rule))];
        if (rules.length) { console.log(`${c.name} → ${target}: [${rules.join(' ')}]`); for (const r of rules) tally.set(r, (tally.get(r) ?? 0) + 1); }
      } catch (e) { console.log(`${c.name} → ${target}: THROWS ${(e as Error).message.slice(0, 200)}`); }
    }
  }
  console.log('cases', cases.length, 'readable', n, 'unreadable', unreadable, [...tally].sort((a, b) => b[1] - a[1]));
  await closeXsdEngines();
}
main();
