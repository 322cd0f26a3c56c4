import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { httpErrorOf } from '../../api/errors';
import { drawReportPdf, reportPdf } from '../../flows/reports';
import { readPdfText } from '../../invoicing/drafts/pdf-text';
import { drawDepositCertificate } from '../../invoicing/lifecycle/certificate-drawing';
import { renderDepositCertificate } from '../../invoicing/lifecycle/certificate';
import { convertInThread } from '../../invoicing/lifecycle/rendition-work';
import { renderAs, renderForDelivery, RenditionTooComplex } from '../../invoicing/lifecycle/renditions';
import { DomainError } from '../../platform/domain-error';
import { configureDocumentPool } from '../../platform/document-pool';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { withLines } from './hostile';

// A real invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml).
const ordinary = () => fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml'));
const DEPOSITED_AT = new Date('2026-12-02T13:05:00.000Z');

const certificate = {
  invoiceId: 'invoice/73282932000074/2026/FA-2026-0002',
  number: 'FA-2026-0002',
  supplier: 'Atelier Dupont SARL — 73282932000074',
  recipient: 'Commune de Villefranche-sur-Saône — 21690123100011',
  depositedAt: DEPOSITED_AT.toISOString(),
  depositMode: 'SAISIE_PORTAIL',
  sha256: 'a3f1'.repeat(16),
  size: 18_432,
};

const report = {
  numeroFluxDepot: 'FLUX-2026-000000123',
  syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
  etatCourantFlux: 'IN_INTEGRE_PARTIEL' as const,
  nombreFactures: 2,
  nombreFacturesIntegrees: 1,
  listeErreurDP: [
    {
      fichier: 'lot-decembre-2026/facture-1.xml',
      numeroDP: 'FA-2026-0010',
      identifiantFournisseur: '73282932000074',
      identifiantDestinataire: '21690123100011',
      libelleErreurDP: 'BR-CO-10 : La somme des montants nets des lignes doit être égale au total HT',
    },
  ],
};

describe('PDF work in the document pool: the same documents as drawn directly', () => {
  beforeAll(() => configureDocumentPool({ size: 1 }).start());
  afterAll(() => configureDocumentPool({}).close());

  it('draws the deposit certificate byte for byte as the direct drawing', async () => {
    const pooled = await renderDepositCertificate(certificate);
    const direct = await drawDepositCertificate(certificate);
    expect(Buffer.compare(Buffer.from(pooled), Buffer.from(direct))).toBe(0);
    expect((await readPdfText(pooled)).flat().join('\n')).toContain('02/12/2026 14:05');
  });

  it('draws the flow report byte for byte as the direct drawing, dated as asked', async () => {
    const pooled = await reportPdf(report, DEPOSITED_AT);
    const direct = await drawReportPdf(report, DEPOSITED_AT.toISOString());
    expect(Buffer.compare(Buffer.from(pooled), Buffer.from(direct))).toBe(0);
    expect((await PDFDocument.load(pooled)).getCreationDate()).toEqual(DEPOSITED_AT);
    const text = (await readPdfText(pooled)).flat();
    expect(text).toEqual((await readPdfText(direct)).flat());
    expect(text.join(' ')).toContain('FLUX-2026-000000123');
  });
});

describeWithCorpus('renditions in the document pool', () => {
  afterEach(() => configureDocumentPool({}).close());

  it('renders a deposited invoice as PDF, Factur-X and CII byte for byte as the direct conversion', async () => {
    configureDocumentPool({ size: 1 });
    for (const format of ['pdf', 'facturx', 'cii'] as const) {
      const pooled = await renderAs(ordinary(), format, DEPOSITED_AT);
      const direct = await convertInThread(ordinary(), format, DEPOSITED_AT, undefined, undefined);
      expect([format, Buffer.compare(Buffer.from(pooled.bytes), Buffer.from(direct.output))]).toEqual([
        format,
        0,
      ]);
    }
    const pdf = await renderAs(ordinary(), 'pdf', DEPOSITED_AT);
    expect((await readPdfText(pdf.bytes)).flat().join(' ')).toContain('F124212');
  }, 120_000);

  it('refuses a rendition over budget with DOCUMENT_TOO_COMPLEX while the event loop keeps turning', async () => {
    // Within every XML limit, yet its check and PDF take seconds on any machine: far past 500 ms.
    const heavy = Buffer.from(withLines(ordinary().toString('utf8'), 9999));
    await configureDocumentPool({ size: 1, checkTimeoutMs: 500 }).start();
    let ticks = 0;
    const beat = setInterval(() => (ticks += 1), 5);
    const err = await renderAs(heavy, 'pdf', DEPOSITED_AT).catch((e: Error) => e);
    clearInterval(beat);
    expect(ticks).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(RenditionTooComplex);
    // The API answers it in its usual error shape.
    const answer = httpErrorOf(err as DomainError);
    expect([answer.status, answer.code]).toEqual([422, 'DOCUMENT_TOO_COMPLEX']);
    expect(answer.message).toMatch(/500 ms of processing/);
    expect(answer.details).toEqual({ field: 'params.format' });

    // Delivery hands over the deposited file instead, and says why.
    const delivered = await renderForDelivery(heavy, 'pdf', DEPOSITED_AT);
    expect(delivered.format).toBe('original');
    expect(Buffer.compare(Buffer.from(delivered.rendition.bytes), heavy)).toBe(0);
    expect(delivered.refused?.format).toBe('pdf');
    expect(delivered.refused?.findings.map((f) => f.rule)).toEqual(['DOCUMENT_TOO_COMPLEX']);
  }, 120_000);
});
