import fs from 'node:fs';
import { ublSchematron, ciiSchematron } from './invoice/validate/rules';
import { compileSchematron, runSchematron } from './invoice/validate/schematron';
import { parseXml } from './invoice/xml';
const files = fs.readFileSync('/tmp/corpus.txt','utf8').split('\n').filter(f=>f.endsWith('.xml'));
for (const [name, schema] of [['ubl', ublSchematron], ['cii', ciiSchematron]] as const) {
  const g = compileSchematron(schema, { engine: 'generated' });
  const i = compileSchematron(schema, { engine: 'interpreter' });
  console.log(name, g.engine.tests, g.engine.fallbacks, JSON.stringify(g.engine.fallbackKinds));
  const roots = files.map(f=>{try{return parseXml(fs.readFileSync(f))}catch{return undefined}}).filter(r=>r && (name==='ubl'?r.ns.includes('ubl:schema'):r.ns.includes('CrossIndustryInvoice')))!;
  const time=(c: typeof g)=>{const t=performance.now(); for(let k=0;k<10;k++) for(const r of roots) runSchematron(c,r!); return (performance.now()-t)/(10*roots.length);};
  for (let rep=0; rep<3; rep++) console.log(name, 'ms/doc interpreter', time(i).toFixed(3), 'generated', time(g).toFixed(3));
}
