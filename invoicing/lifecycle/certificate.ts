import { PDFDocument } from 'pdf-lib';
import { Canvas, COLORS, CONTENT_WIDTH, lineHeight, PAGE } from '../../invoice/pdf/canvas';
import { embedFonts } from '../../invoice/pdf/fonts';

/** The facts a deposit certificate attests. */
export interface DepositCertificate {
  invoiceId: string;
  number: string;
  supplier: string;
  recipient?: string;
  depositedAt: string;
  depositMode: string;
  /** SHA-256 of the deposited file, as stored. */
  sha256: string;
  size: number;
}

/**
 * The deposit certificate (attestation de dépôt): the deposit date starts the legal payment period,
 * and the file's SHA-256 lets anyone check which bytes were deposited. Drawn with the invoice core's
 * PDF tools and fonts; the creation date is the deposit date, so the same deposit renders the same bytes.
 */
export async function renderDepositCertificate(c: DepositCertificate): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const date = new Date(c.depositedAt);
  doc.setTitle(`Attestation de dépôt ${c.number}`);
  doc.setProducer('facturflow');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const canvas = new Canvas(doc, await embedFonts(doc));
  const x = PAGE.margin;
  const title = { bold: true, size: 16, color: COLORS.accent };
  canvas.text('Attestation de dépôt / Deposit certificate', x, canvas.y, title);
  canvas.y -= 2 * lineHeight(title);
  const rows: [string, string][] = [
    ['Facture / Invoice', c.number],
    ['Identifiant / Id', c.invoiceId],
    ['Fournisseur / Supplier', c.supplier],
    ['Destinataire / Recipient', c.recipient ?? '-'],
    ['Date de dépôt / Deposit date', c.depositedAt],
    ['Mode de dépôt / Deposit mode', c.depositMode],
    ['Taille / Size', `${c.size} octets / bytes`],
    ['SHA-256', c.sha256],
  ];
  const valueX = x + 170;
  for (const [label, value] of rows) {
    canvas.text(label, x, canvas.y, { bold: true, size: 10 });
    // A long value (the SHA-256, an id) is set smaller (down to a tenth of a point, so it is never a
    // hair too wide), then wrapped, rather than run off the page: every digit of the hash must be
    // printed, on one line where possible so it can be copied.
    const room = CONTENT_WIDTH - (valueX - x);
    const size = Math.max(
      7,
      Math.min(10, Math.floor((100 * room) / canvas.widthOf(value, { size: 10 })) / 10),
    );
    const lines = canvas.wrap(value, room, { size });
    lines.forEach((line, i) => {
      canvas.text(line, valueX, canvas.y, { size });
      if (i < lines.length - 1) canvas.y -= lineHeight({ size });
    });
    canvas.y -= lineHeight({ size: 10 }) * 1.4;
  }
  canvas.y -= 12;
  canvas.text(
    'La date de dépôt fait courir le délai global de paiement. / The deposit date starts the legal payment period.',
    x,
    canvas.y,
    { size: 8, color: COLORS.muted },
  );
  return doc.save();
}
