import { createPdf } from '../../invoice/pdf/flate';
import { Canvas, COLORS, CONTENT_WIDTH, lineHeight, PAGE } from '../../invoice/pdf/canvas';
import { embedFonts } from '../../invoice/pdf/fonts';
import type { DepositCertificate } from './certificate';

/** modeDepot as people read it. */
const DEPOSIT_MODES: Record<string, string> = {
  SAISIE_PORTAIL: 'Saisie sur le portail',
  DEPOT_PDF_PORTAIL: 'Dépôt PDF sur le portail',
  UPLOAD_PORTAIL: 'Fichier structuré déposé sur le portail',
  SAISIE_API: 'Saisie par l’API',
  DEPOT_PDF_API: 'Dépôt PDF par l’API',
  UPLOAD_API: 'Fichier structuré déposé par l’API',
  EDI: 'Flux EDI',
};

/** An instant as "02/12/2026 14:05", Paris time. */
export function parisDateTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** `renderDepositCertificate`'s drawing, run in a thread of the document pool. */
export async function drawDepositCertificate(c: DepositCertificate): Promise<Uint8Array> {
  const doc = await createPdf();
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
    ['Date de dépôt (heure de Paris) / Deposit date (Paris time)', parisDateTime(c.depositedAt)],
    ['Mode de dépôt / Deposit mode', DEPOSIT_MODES[c.depositMode] ?? c.depositMode],
    ['Taille / Size', `${c.size} octets / bytes`],
    ['SHA-256', c.sha256],
  ];
  const valueX = x + 170;
  for (const [label, value] of rows) {
    // The label wraps at its words within its column, so it never runs into the value.
    const labelLines = canvas.wrap(label, valueX - x - 10, { bold: true, size: 10 });
    const top = canvas.y;
    labelLines.forEach((line, i) =>
      canvas.text(line, x, top - i * lineHeight({ size: 10 }), { bold: true, size: 10 }),
    );
    const labelBottom = top - (labelLines.length - 1) * lineHeight({ size: 10 });
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
    canvas.y = Math.min(canvas.y, labelBottom) - lineHeight({ size: 10 }) * 1.4;
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
