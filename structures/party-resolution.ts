import type { Db } from '../platform/db';
import type { PartyKeys } from '../invoice/platform-rules/parties';
import { headOfficeOf } from './store/company-registry';
import { identityKey } from './identifiers';
import { structuresOfSiren, structuresWithIdentifiers, type IdentifiedStructure } from './store/structures';

export type { IdentifiedStructure };

/** Which structure an invoice party is, or why none can be said to be. */
export type PartyResolution =
  | { outcome: 'resolved'; structure: IdentifiedStructure; by: 'identifier' | 'siren' | 'head-office' }
  | { outcome: 'ambiguous'; siren: string; matches: IdentifiedStructure[] }
  | { outcome: 'unknown' };

/**
 * The structure a party's identifiers name, in this order: a registered SIRET, or another identifier
 * registered as is (a foreign VAT number…); else a SIREN of which exactly one establishment is
 * registered, or, when several are, the one the company registry knows as head office; else none
 * (unknown), or several (ambiguous: the supplier must name the establishment).
 */
export async function resolveParty(db: Db, keys: PartyKeys): Promise<PartyResolution> {
  const exact = [...keys.sirets, ...keys.others];
  const registered = await structuresWithIdentifiers(db, exact);
  for (const identifier of exact) {
    const key = identityKey(identifier);
    const structure = registered.find((s) => s.identifier === identifier || s.identityKey === key);
    if (structure) return { outcome: 'resolved', structure, by: 'identifier' };
  }
  let ambiguous: PartyResolution | undefined;
  for (const siren of keys.sirens) {
    const matches = await structuresOfSiren(db, siren);
    if (matches.length === 1) return { outcome: 'resolved', structure: matches[0], by: 'siren' };
    if (matches.length === 0) continue;
    const headOffice = await headOfficeOf(db, siren);
    const structure = matches.find((s) => s.identifier === headOffice);
    if (structure) return { outcome: 'resolved', structure, by: 'head-office' };
    ambiguous ??= { outcome: 'ambiguous', siren, matches };
  }
  return ambiguous ?? { outcome: 'unknown' };
}
