import type { Identifier, Invoice, PostalAddress } from '../../model';
import type { Finding } from '../../validate/finding';
import { isValidSiren, isValidSiret } from '../french-ids';
import { platformFinding } from './finding';

/** ISO 6523 ICD codes of the French registers. */
const SIREN_SCHEME = '0002';
const SIRET_SCHEME = '0009';

interface PartyIdentifier {
  value: string;
  /** The business term that carries it, e.g. BT-30. */
  term: string;
  kind: 'siret' | 'siren';
}

function isFrench(address: PostalAddress | undefined, vatId: string | undefined): boolean {
  return address?.countryCode?.trim().toUpperCase() === 'FR' || /^FR/i.test(vatId?.trim() ?? '');
}

/**
 * The kind of register number an identifier claims to be: by its scheme, or, for the legal registration
 * id of a French party written without a scheme, by its length (9 digits SIREN, 14 digits SIRET).
 */
function kindOf(id: Identifier, legalIdOfFrenchParty: boolean): PartyIdentifier['kind'] | undefined {
  const scheme = id.schemeId?.trim();
  if (scheme === SIRET_SCHEME) return 'siret';
  if (scheme === SIREN_SCHEME) return 'siren';
  if (scheme || !legalIdOfFrenchParty) return undefined;
  if (/^\d{14}$/.test(id.value.trim())) return 'siret';
  if (/^\d{9}$/.test(id.value.trim())) return 'siren';
  return undefined;
}

/** Seller (BT-29, BT-30) and buyer (BT-46, BT-47) identifiers that are SIREN or SIRET numbers. */
function registerNumbers(invoice: Invoice): PartyIdentifier[] {
  const { seller, buyer } = invoice;
  const sellerFrench = isFrench(seller.address, seller.vatId);
  const buyerFrench = isFrench(buyer.address, buyer.vatId);
  const candidates: [Identifier | undefined, string, boolean][] = [
    ...seller.identifiers.map((id): [Identifier, string, boolean] => [id, 'BT-29', false]),
    [seller.legalRegistrationId, 'BT-30', sellerFrench],
    [buyer.identifier, 'BT-46', false],
    [buyer.legalRegistrationId, 'BT-47', buyerFrench],
  ];
  return candidates.flatMap(([id, term, legalIdOfFrenchParty]) => {
    const kind = id && kindOf(id, legalIdOfFrenchParty);
    return kind ? [{ value: id.value.trim(), term, kind }] : [];
  });
}

/** FF-SIRET-01: a SIRET has 14 digits and a valid checksum (Luhn, or La Poste's digit sum). */
export function FF_SIRET_01(invoice: Invoice): Finding[] {
  return registerNumbers(invoice)
    .filter(({ kind, value }) => kind === 'siret' && !isValidSiret(value))
    .map(({ value, term }) =>
      platformFinding(
        'FF-SIRET-01',
        `Le SIRET "${value}" est invalide (14 chiffres et clé de contrôle attendus). / ` +
          `SIRET "${value}" is invalid (14 digits with a valid check digit expected).`,
        term,
      ),
    );
}

/** FF-SIREN-01: a SIREN has 9 digits and a valid Luhn checksum. */
export function FF_SIREN_01(invoice: Invoice): Finding[] {
  return registerNumbers(invoice)
    .filter(({ kind, value }) => kind === 'siren' && !isValidSiren(value))
    .map(({ value, term }) =>
      platformFinding(
        'FF-SIREN-01',
        `Le SIREN "${value}" est invalide (9 chiffres et clé de contrôle attendus). / ` +
          `SIREN "${value}" is invalid (9 digits with a valid check digit expected).`,
        term,
      ),
    );
}
