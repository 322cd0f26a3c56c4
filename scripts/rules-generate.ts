/**
 * Regenerates the validation rules data (invoice/validate/rules/*.json) from the pinned official
 * artefacts named in invoice/validate/rules/source.json, fetching them from Maven Central first if the
 * local Maven repository lacks them. Usage: npm run rules:generate
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateRulesData } from './rules-data';
import { fetchSource, readSource } from './rules-source';

const outDir = path.join(__dirname, '..', 'invoice', 'validate', 'rules');

async function main(): Promise<void> {
  fetchSource();
  const files = generateRulesData(await readSource());
  for (const [name, text] of files) {
    fs.writeFileSync(path.join(outDir, name), text);
    console.log(`${name}: ${text.split('\n').length - 1} lines, ${Math.round(text.length / 1024)} KiB`);
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
