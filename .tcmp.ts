import fs from 'node:fs';
import { ublSchematron, ciiSchematron } from './invoice/validate/rules';
import { compileSchematron, runSchematron } from './invoice/validate/schematron';
import { parseXml } from './invoice/xml';
const files = fs.readFileSync('/tmp/corpus.txt','utf8').split('\n').filter(f=>f.endsWith('.xml'));
for (const [name, schema] of [['ubl', ublSchematron], ['cii', ciiSchematron]] as const) {
  let t = performance.now();
  const g = compileSchematron(schema, { engine: 'generated' });
  const tg = performance.now() - t; t = performance.now();
  const i = compileSchematron(schema, { engine: 'interpreter' });
  const ti = performance.now() - t;
  console.log(name, 'compile ms generated', tg.toFixed(0), 'interpreter', ti.toFixed(0), g.engine);
  let n = 0, diff = 0;
  for (const f of files) {
    let root; try { root = parseXml(fs.readFileSync(f)); } catch { continue; }
    const ns = root.ns;
    if (name === 'ubl' ? !ns.includes('ubl:schema') : !ns.includes('CrossIndustryInvoice')) continue;
    const a = JSON.stringify(runSchematron(i, root)); const b = JSON.stringify(runSchematron(g, root));
    n++; if (a !== b) { diff++; if (diff < 3) console.log('DIFF', f, a.slice(0, 300), '\n', b.slice(0, 300)); }
  }
  console.log(name, 'docs', n, 'diffs', diff);
}
