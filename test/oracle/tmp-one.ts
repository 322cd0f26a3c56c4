import fs from 'node:fs';
import { checkInvoiceFile } from '../../invoice/check';
import { convertChecked } from '../../invoice/convert-check';
import { closeXsdEngines } from '../../invoice/xsd';
async function main() {
  const verdict = await checkInvoiceFile(fs.readFileSync(process.argv[2]), { rules: 'en16931' });
  console.log('source', verdict.findings.filter((f) => f.severity === 'fatal').map((f) => f.rule));
  for (const target of ['ubl', 'cii', 'facturx'] as const) {
    const c = await convertChecked(verdict, target, { profile: target === 'ubl' ? undefined : verdict.profile, date: new Date('2026-04-02') });
    console.log(target, c.introduced.map((f) => `${f.rule} ${f.message.slice(0, 150)}`), c.findings.map((f) => f.rule));
    fs.writeFileSync(`/tmp/ff16/out.${target}`, c.output);
  }
  await closeXsdEngines();
}
main();
