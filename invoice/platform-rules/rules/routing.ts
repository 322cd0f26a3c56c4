import type { PartyIdentifier } from '../../identify';
import type { Identifier, Invoice } from '../../model';
import type { Finding } from '../../validate/finding';
import type { RecipientParameters, RecipientService } from '../context';
import { given, platformFinding } from './finding';

/** Longest engagement number (numéro d'engagement juridique) the platform accepts. */
export const MAX_ENGAGEMENT_LENGTH = 50;

/**
 * The facts an invoice is routed on, and the only ones a recycle may correct: so the routing rules
 * judge a deposited file and a corrected routing alike.
 */
export interface RoutingFacts {
  /** The buyer identifier routed on: legal registration (BT-47), else BT-46, else BT-49. */
  recipient?: Identifier;
  /** All the buyer's identifiers (BT-47, BT-46, BT-48, BT-49), which identification reads together. */
  recipientIdentifiers?: PartyIdentifier[];
  /** BT-10, codeServiceExecutant. */
  serviceCode?: string;
  /** BT-13, numéro d'engagement juridique. */
  engagementNumber?: string;
}

export function routingFactsOf(invoice: Invoice): RoutingFacts {
  const { legalRegistrationId, identifier, electronicAddress, vatId } = invoice.buyer;
  const termed: [string, Identifier | undefined][] = [
    ['BT-47', legalRegistrationId],
    ['BT-46', identifier],
    ['BT-48', vatId ? { value: vatId } : undefined],
    ['BT-49', electronicAddress],
  ];
  return {
    recipient: [legalRegistrationId, identifier, electronicAddress].find((id) => given(id?.value)),
    recipientIdentifiers: termed.flatMap(([term, id]) => {
      const value = given(id?.value);
      return value ? [{ term, value, ...(given(id?.schemeId) && { scheme: given(id?.schemeId) }) }] : [];
    }),
    serviceCode: invoice.buyerReference,
    engagementNumber: invoice.purchaseOrderReference,
  };
}

/** The recipient's service named by the service code (BT-10), if any. */
function chosenService(facts: RoutingFacts, recipient: RecipientParameters): RecipientService | undefined {
  const code = given(facts.serviceCode);
  return code === undefined ? undefined : recipient.services.find((service) => service.code === code);
}

/** FF-RECIPIENT-01: the buyer is a structure the platform's directory knows. */
export function FF_RECIPIENT_01(facts: RoutingFacts, recipient: RecipientParameters | undefined): Finding[] {
  if (recipient) return [];
  const id = facts.recipient;
  const shown = id ? `"${id.value.trim()}"${id.schemeId ? ` (${id.schemeId})` : ''}` : '(aucun / none)';
  return [
    platformFinding(
      'FF-RECIPIENT-01',
      `Destinataire inconnu de l'annuaire : ${shown}. / Recipient unknown to the directory: ${shown}.`,
      'BG-7',
    ),
  ];
}

/**
 * FF-RECIPIENT-02: the buyer's structure has a confirmed identity. Whoever claims an identifier
 * first does not receive the invoices addressed to it until the registry or an operator confirms it.
 */
export function FF_RECIPIENT_02(facts: RoutingFacts, recipient: RecipientParameters | undefined): Finding[] {
  if (!recipient || recipient.identityVerified !== false) return [];
  const shown = facts.recipient ? `"${facts.recipient.value.trim()}"` : '';
  return [
    platformFinding(
      'FF-RECIPIENT-02',
      `Le destinataire ${shown} est inscrit mais son identité n'est pas vérifiée : la facture ne lui est pas acheminée. / ` +
        `Recipient ${shown} is registered but its identity is not verified: the invoice is not routed to it.`,
      'BG-7',
    ),
  ];
}

/** FF-SERVICE-01: the service code (BT-10) is given when required, and names an active service. */
export function FF_SERVICE_01(facts: RoutingFacts, recipient: RecipientParameters): Finding[] {
  const code = given(facts.serviceCode);
  if (code === undefined) {
    if (!recipient.codeServiceDoitEtreRenseigne) return [];
    return [
      platformFinding(
        'FF-SERVICE-01',
        'Le code service est obligatoire pour ce destinataire. / This recipient requires a service code (BT-10).',
        'BT-10',
      ),
    ];
  }
  const service = chosenService(facts, recipient);
  if (service?.active) return [];
  const [fr, en] = service ? ['inactif', 'inactive'] : ['inconnu', 'unknown'];
  return [
    platformFinding(
      'FF-SERVICE-01',
      `Code service "${code}" ${fr} chez ce destinataire. / Service code "${code}" is ${en} for this recipient.`,
      'BT-10',
    ),
  ];
}

/**
 * FF-EJ-01: the engagement number (BT-13) is at most 50 characters, and is given when the recipient
 * (numeroEJDoitEtreRenseigne) or the chosen service (numeroEngagement) requires it.
 */
export function FF_EJ_01(facts: RoutingFacts, recipient: RecipientParameters | undefined): Finding[] {
  const engagement = given(facts.engagementNumber);
  if (engagement !== undefined) {
    if (engagement.length <= MAX_ENGAGEMENT_LENGTH) return [];
    return [
      platformFinding(
        'FF-EJ-01',
        `Le numéro d'engagement dépasse ${MAX_ENGAGEMENT_LENGTH} caractères (${engagement.length}). / ` +
          `The engagement number exceeds ${MAX_ENGAGEMENT_LENGTH} characters (${engagement.length}).`,
        'BT-13',
      ),
    ];
  }
  if (!recipient) return [];
  const service = chosenService(facts, recipient);
  const requiredBy: [string, string] | undefined = recipient.numeroEJDoitEtreRenseigne
    ? ['ce destinataire', 'this recipient']
    : service?.engagementRequired
      ? [`le service ${service.code}`, `service ${service.code}`]
      : undefined;
  if (!requiredBy) return [];
  const [fr, en] = requiredBy;
  return [
    platformFinding(
      'FF-EJ-01',
      `Le numéro d'engagement est obligatoire pour ${fr}. / An engagement number (BT-13) is required by ${en}.`,
      'BT-13',
    ),
  ];
}

/** FF-EJ-02: a recipient with gestionNumeroEJOuCodeService needs the service code or the engagement number. */
export function FF_EJ_02(facts: RoutingFacts, recipient: RecipientParameters): Finding[] {
  if (!recipient.gestionNumeroEJOuCodeService) return [];
  if (given(facts.serviceCode) || given(facts.engagementNumber)) return [];
  return [
    platformFinding(
      'FF-EJ-02',
      "Le code service ou le numéro d'engagement est obligatoire pour ce destinataire. / " +
        'This recipient requires a service code (BT-10) or an engagement number (BT-13).',
      'BT-10',
    ),
  ];
}

/** FF-EUR-01: invoices to a public buyer are in euros (BT-5). */
export function FF_EUR_01(invoice: Invoice, recipient: RecipientParameters): Finding[] {
  const currency = invoice.currencyCode?.trim();
  if (!recipient.public || currency === 'EUR') return [];
  return [
    platformFinding(
      'FF-EUR-01',
      `Une facture à un destinataire public doit être en EUR, pas en ${currency || '(vide)'}. / ` +
        `Invoices to a public buyer must be in EUR, not ${currency || '(empty)'}.`,
      'BT-5',
    ),
  ];
}
