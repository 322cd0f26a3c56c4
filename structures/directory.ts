import type { Db } from '../platform/db';
import type { RecipientDirectory } from '../invoice/platform-rules/context';
import { listServices } from './services';
import { directoryEntries, findStructure } from './store/structures';
import { partyKeys } from '../invoice/platform-rules/parties';
import { resolveParty } from './party-resolution';
import type { DirectoryEntry } from './types';

/**
 * The structures table as the recipient directory the invoice checks call: a buyer's parameters and
 * services by its identifiers, resolved as identification resolves any party (structures/party-resolution). A service outside its validity dates counts as inactive on `today`.
 */
export function dbRecipientDirectory(
  db: Db,
  today = () => new Date().toISOString().slice(0, 10),
): RecipientDirectory {
  return {
    async find(identifier, scheme, all) {
      const keys = partyKeys(all ?? [{ term: 'BT-46', value: identifier, scheme }]);
      const resolution = await resolveParty(db, keys);
      if (resolution.outcome !== 'resolved') return undefined;
      const structure = (await findStructure(db, resolution.structure.id))!;
      const day = today();
      const services = await listServices(db, structure.id);
      return {
        ...structure.parameters,
        public: structure.public,
        identityVerified: structure.identityVerified,
        services: services.map((s) => ({
          code: s.code,
          active: s.active && (!s.validFrom || s.validFrom <= day) && (!s.validTo || day <= s.validTo),
          engagementRequired: s.engagementRequired,
        })),
      };
    },
  };
}

/**
 * rechercher structure: the public directory entries of structures, by identifier (so that a user
 * who knows a SIRET can find a structure and its active services to ask to be a member) or by ids.
 */
export async function findInDirectory(
  db: Db,
  by: { identifier: string } | { ids: string[] },
): Promise<DirectoryEntry[]> {
  return directoryEntries(db, by);
}
