import { invoicesCsv } from '../../api/invoice-csv';
import { cadreLabel } from '../../portal/cadres';
import { CADRES_DE_FACTURATION } from '../../invoice/platform-rules/cadres';

/** A CSV as a French spreadsheet reads it: `;` between cells, "" inside quotes, CRLF between rows. */
function parseFrenchCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ';') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

const invoice = {
  id: 'invoice/73282932000074/2026/FA-2026-0002',
  number: 'FA-2026-0002',
  status: 'MISE_EN_PAIEMENT',
  reformCode: 212,
  // 23:30 UTC on 1 December is already 2 December in Paris.
  depositedAt: '2026-12-01T23:30:00.000Z',
  issueDate: '2026-11-28',
  cadre: 'A1_FACTURE_FOURNISSEUR',
  supplier: { id: '73282932000074', name: 'Atelier Dupont; fils' },
  recipient: { id: '21750001600019', name: 'Commune de Villefranche', serviceCode: 'SERV-A' },
  currency: 'EUR',
  totalWithVat: '1234.50',
  amountDue: '-12.5',
};

describe('invoice exports for French spreadsheets', () => {
  it('writes a UTF-8 BOM, `;` cells, French headers, dd/mm/yyyy in Paris time and a decimal comma', () => {
    const csv = invoicesCsv([invoice], 'csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = parseFrenchCsv(csv.slice(1));
    const byHeader = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    expect(byHeader).toMatchObject({
      Numéro: 'FA-2026-0002',
      Statut: 'Mise en paiement',
      'Date de dépôt': '02/12/2026',
      'Date de facture': '28/11/2026',
      Fournisseur: 'Atelier Dupont; fils',
      'Montant TTC': '1234,50',
      'Montant à payer': '-12,5',
      'Identifiant de la facture': invoice.id,
    });
    expect(header).toHaveLength(row.length);
  });

  it('keeps an international variant: commas, ISO dates, dotted decimals, API field names', () => {
    const csv = invoicesCsv([invoice], 'csv-international');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe(
      'id,number,status,reformCode,depositedAt,issueDate,cadre,supplier,recipient,serviceCode,currency,totalWithVat,amountDue',
    );
    expect(row).toContain('"2026-12-01T23:30:00.000Z","2026-11-28"');
    expect(row).toContain('"1234.50"');
  });
});

describe('reference-list labels', () => {
  it('names every cadre de facturation with its accents', () => {
    expect(cadreLabel('A2_FACTURE_FOURNISSEUR_DEJA_PAYEE')).toBe('A2 — Facture de fournisseur déjà payée');
    expect(cadreLabel('A3_MEMOIRE_JUSTICE')).toBe('A3 — Mémoire de frais de justice');
    // No label is the code's own words run together: each cadre has a written label.
    for (const code of CADRES_DE_FACTURATION)
      expect(cadreLabel(code).toLowerCase()).not.toContain(code.split('_').slice(1).join(' ').toLowerCase());
  });
});
