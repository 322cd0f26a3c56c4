import { readPdfLayout, readPdfText } from '../../invoicing/drafts/pdf-text';
import { renderDepositCertificate } from '../../invoicing/lifecycle/certificate';
import { reportPdf } from '../../flows/reports';

const certificate = {
  invoiceId: 'invoice/73282932000074/2026/FA-2026-0002',
  number: 'FA-2026-0002',
  supplier: 'Atelier Dupont SARL — 73282932000074',
  recipient: 'Commune de Villefranche-sur-Saône — 21690123100011',
  // 13:05 UTC in December is 14:05 in Paris.
  depositedAt: '2026-12-02T13:05:00.000Z',
  depositMode: 'SAISIE_PORTAIL',
  sha256: 'a3f1'.repeat(16),
  size: 18_432,
};

describe('deposit certificate PDF, read back from its text layer', () => {
  let lines: string[];
  beforeAll(async () => {
    lines = (await readPdfText(await renderDepositCertificate(certificate))).flat();
  });

  it('prints every identifier whole, on one line', () => {
    for (const id of [
      'FA-2026-0002',
      certificate.invoiceId,
      '73282932000074',
      '21690123100011',
      certificate.sha256,
    ])
      expect(lines.some((l) => l.includes(id))).toBe(true);
  });

  it('gives the deposit date in Paris time as dd/mm/yyyy hh:mm, and the deposit mode in words', () => {
    const text = lines.join('\n');
    expect(text).toContain('02/12/2026 14:05');
    expect(text).not.toContain('2026-12-02T');
    expect(text).toContain('Saisie sur le portail');
    expect(text).not.toContain('SAISIE_PORTAIL');
  });

  it('keeps labels clear of their values: no label runs into the next column', async () => {
    const pages = await readPdfLayout(await renderDepositCertificate(certificate));
    for (const line of pages.flat())
      for (let i = 1; i < line.cells.length; i++)
        expect(line.cells[i].x).toBeGreaterThanOrEqual(line.cells[i - 1].x2);
    expect(lines.join('\n')).not.toMatch(/Deposit mode\S/);
  });
});

describe('flow integration report PDF, read back from its text layer', () => {
  const errors = Array.from({ length: 3 }, (_, i) => ({
    fichier: `lot-decembre-2026/facture-fournisseur-atelier-dupont-${i + 1}.xml`,
    numeroDP: `FA-2026-00${i + 10}`,
    identifiantFournisseur: '73282932000074',
    identifiantDestinataire: '21690123100011',
    libelleErreurDP:
      'FF-SERVICE-01 : Le code service est obligatoire pour ce destinataire : indiquez le service destinataire (BT-10) | BR-CO-10 : La somme des montants nets des lignes doit être égale au total HT',
  }));
  const report = {
    numeroFluxDepot: 'FLUX-2026-000000123',
    syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
    etatCourantFlux: 'IN_INTEGRE_PARTIEL' as const,
    nombreFactures: 5,
    nombreFacturesIntegrees: 2,
    listeErreurDP: errors,
  };

  it('wraps between words only: identifiers and words stay whole', async () => {
    const text = (await readPdfText(await reportPdf(report))).flat();
    const words = text.join(' ').split(/\s+/);
    for (const whole of [
      '73282932000074',
      '21690123100011',
      'FA-2026-0010',
      'FLUX-2026-000000123',
      'destinataire',
      errors[0].fichier,
    ])
      expect(words).toContain(whole);
    // Every word of the source comes back whole, none cut in two.
    const source = errors.flatMap((e) => `${e.fichier} ${e.libelleErreurDP}`.split(/\s+/));
    for (const word of source) expect(words).toContain(word);
  });
});
