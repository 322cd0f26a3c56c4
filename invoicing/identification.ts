import type { Db } from '../platform/db';
import type { PartyIdentity } from '../invoice/identify';
import { partyKeys } from '../invoice/platform-rules/parties';
import { DomainError } from '../platform/domain-error';
import { resolveParty, type IdentifiedStructure } from '../structures/party-resolution';

export type { IdentifiedStructure };

type Side = 'seller' | 'buyer';

/** How identification names each party to a supplier, and the business terms that name an establishment. */
const SIDES: Record<Side, { who: string; siret: string; address: string }> = {
  seller: { who: 'Le fournisseur (vendeur)', siret: 'BT-29', address: 'BT-34' },
  buyer: { who: 'Le destinataire (acheteur)', siret: 'BT-46', address: 'BT-49' },
};

/**
 * The structure an invoice party is: every French identifier the invoice carries (SIRET, SIREN, VAT
 * number, electronic address) resolved as structures/party-resolution orders them. The deposit, on every
 * channel, and the recipient check (the directory) resolve parties this one way.
 * Ambiguous: PARTY_AMBIGUOUS. Unknown: PARTY_UNRESOLVED when `required`, else undefined.
 */
export async function identifyParty(
  db: Db,
  side: Side,
  party: PartyIdentity,
  required: boolean,
): Promise<IdentifiedStructure | undefined> {
  const resolution = await resolveParty(db, partyKeys(party.identifiers));
  if (resolution.outcome === 'resolved') return resolution.structure;
  const { who, siret, address } = SIDES[side];
  const fill = `Indiquez le SIRET de l'établissement en ${siret} (schéma 0009) ou en adresse électronique ${address} (schéma 0009 ou 0225).`;
  if (resolution.outcome === 'ambiguous') {
    const listed = resolution.matches.map((s) => `${s.identifier} (${s.name})`).join(', ');
    throw new DomainError(
      'PARTY_AMBIGUOUS',
      `${who} est désigné par le SIREN ${resolution.siren}, qui correspond à plusieurs structures de la plateforme : ${listed}. ${fill}`,
      {
        field: siret,
        party: side,
        siren: resolution.siren,
        matches: resolution.matches.map((s) => ({ identifier: s.identifier, name: s.name })),
      },
    );
  }
  if (!required) return undefined;
  const read = party.identifiers.map((id) => `${id.value} en ${id.term}`).join(', ') || 'aucun identifiant';
  throw new DomainError(
    'PARTY_UNRESOLVED',
    `${who} ne correspond à aucune structure de la plateforme (lu : ${read}). ${fill} ` +
      'Si la structure n’existe pas encore, créez-la avant de déposer.',
    { field: siret, party: side, identifiers: party.identifiers },
  );
}
