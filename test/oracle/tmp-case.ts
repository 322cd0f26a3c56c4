import { checkInvoiceFile } from '../../invoice/check';
import { convertXml } from '../../invoice/convert';
import { officialCases } from './cases';
async function main() {
  for (const name of process.argv.slice(2)) {
    const c = officialCases().find((x) => x.name === name)!;
    const v = await checkInvoiceFile(Buffer.from(c.xml), { rules: 'en16931' });
    const out = convertXml(v.invoice!, c.syntax === 'ubl' ? 'cii' : 'ubl');
    console.log('=====', name, c.expects, '\n', c.xml, '\n----- converted:\n', out.output, out.findings.map((f) => f.rule));
  }
  process.exit(0);
}
main();
