import { Buyer, Invoice, PostalAddress, Seller } from '../model';
import { blockHeight, drawBlock, flow, labelled, Run, runs } from './blocks';
import { Canvas, COLORS, CONTENT_WIDTH, PAGE } from './canvas';
import { documentTitle, formatDate, identifierLabel } from './format';

const COLUMN_GAP = 24;
const RIGHT_WIDTH = 220;
const LEFT_WIDTH = CONTENT_WIDTH - RIGHT_WIDTH - COLUMN_GAP;
const RIGHT_X = PAGE.margin + LEFT_WIDTH + COLUMN_GAP;
const SMALL = { size: 8, color: COLORS.muted };

const COUNTRIES: Record<string, string> = {
  FR: 'France',
  DE: 'Allemagne',
  BE: 'Belgique',
  LU: 'Luxembourg',
  CH: 'Suisse',
  IT: 'Italie',
  ES: 'Espagne',
  NL: 'Pays-Bas',
  GB: 'Royaume-Uni',
};

function addressRuns(a: PostalAddress | undefined): Run[] {
  if (!a) return [];
  const cityLine = [a.postCode, a.city].filter(Boolean).join(' ');
  const country = a.countryCode ? (COUNTRIES[a.countryCode] ?? a.countryCode) : undefined;
  return runs(a.line1, a.line2, a.line3, cityLine, a.countrySubdivision, country);
}

function sellerRuns(s: Seller): Run[] {
  const ids = s.identifiers.filter((i) => i.value !== s.legalRegistrationId?.value);
  return runs(
    { text: s.name ?? '', style: { bold: true, size: 12 } },
    s.tradingName && s.tradingName !== s.name ? s.tradingName : undefined,
    ...addressRuns(s.address),
    s.legalRegistrationId && identifierLabel(s.legalRegistrationId),
    ...ids.map(identifierLabel),
    labelled('N° TVA', s.vatId),
    labelled('N° fiscal', s.taxRegistrationId),
    labelled('Contact', s.contact?.name),
    labelled('Tél.', s.contact?.telephone),
    labelled('Courriel', s.contact?.email),
    s.additionalLegalInfo && { text: s.additionalLegalInfo, style: SMALL },
  );
}

function buyerRuns(b: Buyer): Run[] {
  return runs(
    { text: 'Adressé à', style: SMALL },
    { text: b.name ?? '', style: { bold: true, size: 10.5 } },
    b.tradingName && b.tradingName !== b.name ? b.tradingName : undefined,
    ...addressRuns(b.address),
    b.legalRegistrationId && identifierLabel(b.legalRegistrationId),
    b.identifier && b.identifier.value !== b.legalRegistrationId?.value
      ? identifierLabel(b.identifier)
      : undefined,
    labelled('N° TVA', b.vatId),
    labelled('Contact', b.contact?.name),
    labelled('Courriel', b.contact?.email),
  );
}

function titleRuns(inv: Invoice): Run[] {
  return runs(
    { text: documentTitle(inv).toUpperCase(), style: { bold: true, size: 18, color: COLORS.accent } },
    { text: `N° ${inv.number}`, style: { bold: true, size: 11 } },
    labelled("Date d'émission", formatDate(inv.issueDate)),
    labelled("Date d'échéance", formatDate(inv.dueDate)),
    labelled('Date de TVA', formatDate(inv.vatPointDate)),
    inv.currencyCode && inv.currencyCode !== 'EUR' ? labelled('Devise', inv.currencyCode) : undefined,
  );
}

/** Chorus Pro routing data first: a public buyer sorts invoices by service code and engagement number. */
function referenceRuns(inv: Invoice): Run[] {
  const period = inv.invoicingPeriod;
  const periodText =
    period && (period.startDate || period.endDate)
      ? `du ${formatDate(period.startDate) || '…'} au ${formatDate(period.endDate) || '…'}`
      : undefined;
  const bold = { bold: true };
  return runs(
    labelled('Code service', inv.buyerReference, bold),
    labelled("N° d'engagement", inv.purchaseOrderReference, bold),
    labelled('Marché', inv.contractReference),
    labelled('Projet', inv.projectReference),
    labelled('Commande fournisseur', inv.salesOrderReference),
    labelled('Bon de livraison', inv.despatchAdviceReference),
    labelled('Réf. comptable acheteur', inv.buyerAccountingReference),
    labelled('Période de facturation', periodText),
    labelled('Livraison', formatDate(inv.delivery?.actualDeliveryDate)),
    labelled('Livré à', inv.delivery?.name),
    ...inv.precedingInvoices.map((p) =>
      labelled(
        'Facture d’origine',
        [p.reference, p.issueDate && `du ${formatDate(p.issueDate)}`].filter(Boolean).join(' '),
      ),
    ),
  );
}

/** Seller and document title side by side, then references and buyer, then notes. */
export function drawHeader(canvas: Canvas, inv: Invoice): void {
  const top = canvas.y;
  const leftBottom = drawBlock(canvas, PAGE.margin, top, LEFT_WIDTH, sellerRuns(inv.seller));
  const rightBottom = drawBlock(canvas, RIGHT_X, top, RIGHT_WIDTH, titleRuns(inv));
  canvas.y = Math.min(leftBottom, rightBottom) - 14;
  canvas.rule(PAGE.margin, canvas.y + 6, CONTENT_WIDTH);

  const references = referenceRuns(inv);
  const buyer = buyerRuns(inv.buyer);
  const secondTop = canvas.y - 4;
  const refBottom = references.length
    ? drawBlock(canvas, PAGE.margin, secondTop, LEFT_WIDTH, [
        { text: 'Références', style: SMALL },
        ...references,
      ])
    : secondTop;
  canvas.rect(
    RIGHT_X - 8,
    secondTop - blockHeight(canvas, RIGHT_WIDTH, buyer) - 8,
    RIGHT_WIDTH + 8,
    blockHeight(canvas, RIGHT_WIDTH, buyer) + 10,
    COLORS.band,
  );
  const buyerBottom = drawBlock(canvas, RIGHT_X, secondTop, RIGHT_WIDTH - 4, buyer);
  canvas.y = Math.min(refBottom, buyerBottom - 8) - 16;

  const notes = inv.notes.filter((n) => n.text.trim());
  if (notes.length) {
    canvas.ensure(40);
    flow(canvas, PAGE.margin, CONTENT_WIDTH, [
      { text: 'Mentions', style: SMALL },
      ...notes.map((n) => ({ text: n.text, style: { size: 8 } })),
    ]);
    canvas.y -= 12;
  }
}
