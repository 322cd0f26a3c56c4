import fs from 'node:fs';
import { ublSchematron } from './invoice/validate/rules';
import { generateTests } from './invoice/validate/xpath/generate';
import { parseXPath } from './invoice/validate/xpath/parser';
const src = ublSchematron.patterns.flatMap(p=>p.rules.flatMap(r=>r.asserts.map(a=>a.test)));
const g = generateTests(src.map(parseXPath), ublSchematron.namespaces);
fs.writeFileSync('/tmp/gen-ubl.js', g.source); console.log(g.source.length, g.constants.length);
