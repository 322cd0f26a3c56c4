/**
 * Invoice core benchmark on the third-party corpus, in one run:
 * 1. parse + EN 16931 validation per invoice, per format (UBL, CII, Factur-X PDF), on one thread,
 *    next to the official EN 16931 XSLT under Saxon-HE in one warmed-up JVM on the same files;
 * 2. Factur-X generation next to @e-invoice-eu/core on the same invoices.
 * Usage: npm run bench:invoice [-- --seconds 2] [-- --smoke]; BENCH_DEBUG=1 prints why @e-invoice-eu/core
 * refuses an input. Prints the figures of issue 18 ("today") beside the new ones, and a final JSON line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkInvoiceFile } from '../invoice/check';
import { extractFacturX, toFacturX } from '../invoice/facturx';
import type { Invoice } from '../invoice/model';
import { parseInvoice } from '../invoice/parse';
import { toPdf } from '../invoice/pdf';
import { toUbl } from '../invoice/ubl/write';
import { en16931SyntaxOf, validateEn16931 } from '../invoice/validate';
import { ciiSchematron, ublSchematron } from '../invoice/validate/rules';
import { compileSchematron, runSchematron } from '../invoice/validate/schematron';
import { parseXml, type XmlElement } from '../invoice/xml';
import { closeXsdEngines } from '../invoice/xsd';
import { BASELINE, CORPUS, fmt, printFigures, printTable, smoke } from './report';

const SAXON_JAR = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
const XSLT = {
  ubl: path.join(CORPUS, 'ConnectingEurope/eInvoicing-EN16931/ubl/xslt/EN16931-UBL-validation.xslt'),
  cii: path.join(CORPUS, 'ConnectingEurope/eInvoicing-EN16931/cii/xslt/EN16931-CII-validation.xslt'),
};
const secondsArg = process.argv.indexOf('--seconds');
/** Measured time per case; each case is warmed up first for a third of it. */
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : smoke ? 0.15 : 2;
/** Files per group in smoke mode: enough to run every path once. */
const SMOKE_FILES = 3;
const TARGET_SPEEDUP = 100;
const TARGET_PER_SECOND = 1000;

interface Sample {
  path: string;
  bytes: Uint8Array;
  /** The invoice XML: the file itself, or the XML embedded in the PDF (what the XSLT is given). */
  xml: Uint8Array;
}

/** Corpus documents the official XSLT could judge (EXPECTED.tsv), grouped by the syntax we read. */
async function corpusSamples(): Promise<Record<'ubl' | 'cii' | 'pdf', Sample[]>> {
  const groups: Record<'ubl' | 'cii' | 'pdf', Sample[]> = { ubl: [], cii: [], pdf: [] };
  const rows = fs.readFileSync(path.join(CORPUS, 'EXPECTED.tsv'), 'utf8').split('\n');
  for (const cols of rows.map((r) => r.split('\t'))) {
    const [file, format, , , en16931, , xsd] = cols;
    if (!en16931 || !/^(PASS|FAIL:)/.test(en16931) || xsd?.startsWith('cii:ERR')) continue;
    const group =
      format === 'pdf' ? 'pdf' : format === 'cii' ? 'cii' : format.startsWith('ubl') ? 'ubl' : undefined;
    // A smoke run reads (and extracts) no more files than it measures.
    if (!group || (smoke && groups[group].length >= SMOKE_FILES)) continue;
    const bytes = fs.readFileSync(path.join(CORPUS, file));
    groups[group].push({
      path: file,
      bytes,
      xml: group === 'pdf' ? (await extractFacturX(bytes)).xml : bytes,
    });
  }
  return groups;
}

/** Mean seconds per call of `fn` over the samples, after a warm-up, looping whole passes. */
async function perInvoice<T>(samples: T[], fn: (s: T) => unknown): Promise<number> {
  const pass = async () => {
    for (const s of samples) await fn(s);
  };
  for (const until = Date.now() + (SECONDS * 1000) / 3; Date.now() < until;) await pass();
  let calls = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(SECONDS * 1e9));
  let now = start;
  while (now < end) {
    await pass();
    calls += samples.length;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / 1e9 / calls;
}

const parseAndValidateXml = (s: Sample) => validateEn16931(parseInvoice(s.bytes).xml);
const parseAndValidatePdf = async (s: Sample) =>
  validateEn16931(parseInvoice((await extractFacturX(s.bytes)).xml).xml);

/** The same rules with their tests generated as JavaScript (invoice/validate/xpath/generate.ts). */
const generated = {
  ubl: compileSchematron(ublSchematron, { engine: 'generated' }),
  cii: compileSchematron(ciiSchematron, { engine: 'generated' }),
};
const validateGenerated = (root: XmlElement) =>
  runSchematron(generated[en16931SyntaxOf(root) ?? 'ubl'], root);
const parseAndValidateXmlGenerated = (s: Sample) => validateGenerated(parseInvoice(s.bytes).xml);
const parseAndValidatePdfGenerated = async (s: Sample) =>
  validateGenerated(parseInvoice((await extractFacturX(s.bytes)).xml).xml);

/**
 * Saxon driver: compiles the XSLT once, holds the inputs in memory, warms up, then times whole passes
 * (XML parse + transform + SVRL serialisation, as the oracle runs it). JVM start is not counted.
 */
const SAXON_DRIVER = `
import java.io.*; import java.nio.file.*; import java.util.*;
import javax.xml.transform.stream.StreamSource; import net.sf.saxon.s9api.*;
public class SaxonBench {
  public static void main(String[] a) throws Exception {
    Processor p = new Processor(false);
    XsltExecutable x = p.newXsltCompiler().compile(new StreamSource(new File(a[0])));
    long nanos = (long) (Double.parseDouble(a[1]) * 1e9);
    List<byte[]> docs = new ArrayList<>();
    for (int i = 2; i < a.length; i++) docs.add(Files.readAllBytes(Paths.get(a[i])));
    for (long until = System.nanoTime() + nanos / 3; System.nanoTime() < until; ) pass(p, x, docs);
    long start = System.nanoTime(), now = start, calls = 0;
    while (now - start < nanos) { pass(p, x, docs); calls += docs.size(); now = System.nanoTime(); }
    System.out.println((now - start) / 1e9 / calls);
  }
  static void pass(Processor p, XsltExecutable x, List<byte[]> docs) throws Exception {
    for (byte[] d : docs) {
      x.load30().transform(new StreamSource(new ByteArrayInputStream(d)), p.newSerializer(new StringWriter()));
    }
  }
}`;

/** The folder holding the compiled driver, or undefined (and a note) when Java or Saxon-HE is missing. */
function compileSaxonDriver(dir: string): string | undefined {
  if (!fs.existsSync(SAXON_JAR)) {
    console.log(`Saxon-HE not found at ${SAXON_JAR} (SAXON_JAR): the XSLT columns stay empty.`);
    return undefined;
  }
  fs.writeFileSync(path.join(dir, 'SaxonBench.java'), SAXON_DRIVER);
  execFileSync('javac', ['-cp', SAXON_JAR, '-d', dir, path.join(dir, 'SaxonBench.java')]);
  return dir;
}

/** Seconds per invoice for the official XSLT, the JVM held to one processor like our single thread. */
function saxonPerInvoice(dir: string | undefined, xslt: string, samples: Sample[]): number {
  if (!dir) return NaN;
  const files = samples.map((s, i) => {
    const file = path.join(dir, `in-${path.basename(xslt)}-${i}.xml`);
    fs.writeFileSync(file, s.xml);
    return file;
  });
  const java = [
    'java',
    '-XX:ActiveProcessorCount=1',
    '-XX:+UseSerialGC',
    '-cp',
    `${SAXON_JAR}${path.delimiter}${dir}`,
  ];
  const args = [...java, 'SaxonBench', xslt, String(SECONDS), ...files];
  const out = fs.existsSync('/usr/bin/taskset')
    ? execFileSync('taskset', ['-c', '0', ...args], { encoding: 'utf8' })
    : execFileSync(args[0], args.slice(1), { encoding: 'utf8' });
  return Number(out.trim());
}

/**
 * @e-invoice-eu/core takes an invoice as JSON keyed like UBL ("cbc:ID", "cbc:InvoicedQuantity@unitCode"),
 * with arrays where its schema says so. We produce it from our own UBL, walking their JSON schema.
 */
type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema };
function ublToEInvoiceJson(el: XmlElement, schema: JsonSchema): unknown {
  if (!schema.properties) return el.text;
  const out: Record<string, unknown> = {};
  for (const child of el.children) {
    const key = child.qname;
    const prop = schema.properties[key];
    if (!prop) continue;
    const value = ublToEInvoiceJson(child, prop.type === 'array' ? (prop.items ?? {}) : prop);
    if (prop.type === 'array') ((out[key] ??= []) as unknown[]).push(value);
    else out[key] = value;
    for (const [attr, text] of Object.entries(child.attrs)) {
      if (schema.properties[`${key}@${attr}`]) out[`${key}@${attr}`] = text;
    }
  }
  return out;
}

interface GenerationCase {
  invoice: Invoice;
  theirs?: unknown;
  pdf: Uint8Array;
}

async function generationCases(samples: Sample[]): Promise<{ cases: GenerationCase[]; refused: number }> {
  const { InvoiceService, invoiceSchema } = await import('@e-invoice-eu/core');
  const service = new InvoiceService(quietLogger);
  const rootSchema = (invoiceSchema as JsonSchema).properties!['ubl:Invoice'];
  const cases: GenerationCase[] = [];
  let refused = 0;
  for (const s of samples) {
    const invoice = parseInvoice(s.xml).invoice;
    const ubl = parseXml(toUbl(invoice));
    if (ubl.name !== 'Invoice') continue; // @e-invoice-eu/core models invoices only, no credit notes.
    if (smoke && cases.length >= SMOKE_FILES) break;
    const theirs = { 'ubl:Invoice': ublToEInvoiceJson(ubl, rootSchema) };
    const pdf = await toPdf(invoice);
    try {
      await service.generate(theirs as never, eInvoiceOptions(pdf));
      cases.push({ invoice, theirs, pdf });
    } catch (err) {
      if (process.env.BENCH_DEBUG)
        console.error(
          s.path,
          (err as Error).message.slice(0, 300),
          JSON.stringify((err as { errors?: unknown }).errors ?? (err as Error).cause ?? '').slice(0, 400),
        );
      refused++;
    }
  }
  return { cases, refused };
}

const quietLogger = { log() {}, warn() {}, error() {} };
const eInvoiceOptions = (pdf: Uint8Array) => ({
  format: 'Factur-X-EN16931',
  lang: 'en-us',
  noWarnings: true,
  pdf: { buffer: pdf, filename: 'invoice.pdf', mimetype: 'application/pdf' },
});

const ms = (seconds: number) => fmt(seconds * 1000, 3);
const mark = (ok: boolean) => (ok ? 'yes' : 'NO');

interface RuleRow {
  format: string;
  files: number;
  msPerInvoice: number;
  /** The same with the rule tests generated as JavaScript. */
  generatedMsPerInvoice: number;
  perSecond: number;
  checkPerSecond: number;
  xsltMsPerInvoice: number;
  speedup: number;
  todayMs: number;
}

/** Parse + EN 16931 rules per format, ours then the official XSLT on the same files. */
async function measureRules(groups: Record<'ubl' | 'cii' | 'pdf', Sample[]>, saxonDir?: string) {
  const cases = [
    {
      label: 'UBL',
      samples: groups.ubl,
      ours: parseAndValidateXml,
      generated: parseAndValidateXmlGenerated,
      xslt: XSLT.ubl,
      today: BASELINE.ublMsPerInvoice,
    },
    {
      label: 'CII',
      samples: groups.cii,
      ours: parseAndValidateXml,
      generated: parseAndValidateXmlGenerated,
      xslt: XSLT.cii,
      today: BASELINE.ciiMsPerInvoice,
    },
    {
      label: 'Factur-X PDF',
      samples: groups.pdf,
      ours: parseAndValidatePdf,
      generated: parseAndValidatePdfGenerated,
      xslt: XSLT.cii,
      today: BASELINE.facturXMsPerInvoice,
    },
  ];
  const rows: RuleRow[] = [];
  for (const c of cases) {
    const ours = await perInvoice(c.samples, c.ours);
    const oursGenerated = await perInvoice(c.samples, c.generated);
    const full = await perInvoice(c.samples, (s) => checkInvoiceFile(s.bytes, { rules: 'en16931' }));
    const saxon = saxonPerInvoice(saxonDir, c.xslt, c.samples);
    rows.push({
      format: c.label,
      files: c.samples.length,
      msPerInvoice: ours * 1000,
      generatedMsPerInvoice: oursGenerated * 1000,
      perSecond: 1 / ours,
      checkPerSecond: 1 / full,
      xsltMsPerInvoice: saxon * 1000,
      speedup: saxon / ours,
      todayMs: c.today,
    });
  }
  printTable(
    [
      'format',
      'files',
      'today ms/inv',
      'ours ms/inv',
      'generated JS ms/inv',
      'ours inv/s',
      'check+XSD inv/s',
      'XSLT ms/inv',
      'speed-up',
      `≥${TARGET_SPEEDUP}×`,
      `≥${fmt(TARGET_PER_SECOND)}/s`,
    ],
    rows.map((r) => [
      r.format,
      String(r.files),
      fmt(r.todayMs, 1),
      fmt(r.msPerInvoice, 3),
      fmt(r.generatedMsPerInvoice, 3),
      fmt(r.perSecond),
      fmt(r.checkPerSecond),
      fmt(r.xsltMsPerInvoice, 3),
      `${fmt(r.speedup, 1)}×`,
      mark(r.speedup >= TARGET_SPEEDUP),
      mark(r.perSecond >= TARGET_PER_SECOND),
    ]),
  );
  console.log(
    'Factur-X PDF: ours includes PDF parsing and XML extraction; the XSLT is given the extracted XML.',
  );
  console.log(
    'ours: the rule tests as closures (the default); generated JS: the same tests generated as JavaScript ' +
      `(${generated.ubl.engine.functions} functions for ${generated.ubl.engine.tests} UBL tests, ` +
      `${generated.cii.engine.functions} for ${generated.cii.engine.tests} CII tests), leaving ` +
      `${generated.ubl.engine.fallbacks} and ${generated.cii.engine.fallbacks} sub-expressions to the closures.`,
  );
  console.log(
    `check+XSD: checkInvoiceFile (envelope, XSDs in a libxml2 worker thread, EN 16931); today ${BASELINE.checkPerSecond}/s. ` +
      `Speed-up over the XSLT today: ${BASELINE.xsltSpeedup}.`,
  );
  return rows;
}

/** Factur-X generation, ours next to @e-invoice-eu/core on the same invoices. */
async function measureGeneration(groups: Record<'ubl' | 'cii' | 'pdf', Sample[]>) {
  console.log(
    '\nFactur-X generation (EN 16931 profile) from the EN 16931 invoices of the corpus (UBL + CII)',
  );
  const { cases: gen, refused } = await generationCases([...groups.ubl, ...groups.cii]);
  const ours = await perInvoice(gen, (c) => toFacturX(c.invoice, { profile: 'EN 16931' }));
  const { InvoiceService } = await import('@e-invoice-eu/core');
  const service = new InvoiceService(quietLogger);
  const theirs = await perInvoice(gen, (c) => service.generate(c.theirs as never, eInvoiceOptions(c.pdf)));
  printTable(
    ['generator', 'invoices', 'today ms/inv', 'ms/inv', 'inv/s'],
    [
      [
        'facturflow toFacturX (renders the PDF too)',
        String(gen.length),
        fmt(BASELINE.facturXGenerationMs),
        ms(ours),
        fmt(1 / ours),
      ],
      [
        '@e-invoice-eu/core (embeds in a given PDF)',
        String(gen.length),
        fmt(BASELINE.eInvoiceEuGenerationMs),
        ms(theirs),
        fmt(1 / theirs),
      ],
    ],
  );
  const ratio = theirs / ours;
  console.log(
    `Ratio @e-invoice-eu/core / facturflow: ${fmt(ratio, 2)}× (today ` +
      `${fmt(BASELINE.eInvoiceEuGenerationMs / BASELINE.facturXGenerationMs, 1)}×; aim ≥ 10×). Credit notes left out; ` +
      `${refused} invoice(s) refused by @e-invoice-eu/core's input schema, e.g. prices with more than 2 decimals.`,
  );
  return { invoices: gen.length, msPerInvoice: ours * 1000, eInvoiceEuMsPerInvoice: theirs * 1000, ratio };
}

async function main(): Promise<void> {
  const groups = await corpusSamples();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-bench-'));
  try {
    const saxonDir = compileSaxonDriver(tmp);
    console.log(
      `Corpus ${CORPUS}; ${SECONDS} s measured per case after warm-up${smoke ? ' (smoke run: figures are not comparable)' : ''}; ` +
        `node ${process.version}, ${os.cpus()[0]?.model}`,
    );
    console.log(
      '\nParse + EN 16931 validation per invoice (one thread; Saxon: one JVM, one processor, start excluded)',
    );
    const rules = await measureRules(groups, saxonDir);
    const generation = await measureGeneration(groups);
    printFigures('invoice', { seconds: SECONDS, rules, generation });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await closeXsdEngines();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
