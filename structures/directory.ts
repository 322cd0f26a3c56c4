import type { Db } from '../platform/db';
import type { RecipientDirectory } from '../invoice/platform-rules/context';
import { listServices } from './services';
import { findStructure } from './store/structures';
import { directoryEntries, searchDirectory, type DirectoryQuery } from './store/directory';
import { searchWords } from './search-text';
import { DomainError } from '../platform/domain-error';
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
 * Services are those a supplier may address today: active and within their validity dates.
 */
export async function findInDirectory(
  db: Db,
  by: { identifier: string } | { ids: string[] },
  today = () => new Date().toISOString().slice(0, 10),
): Promise<DirectoryEntry[]> {
  return directoryEntries(db, by, today());
}

/** Results per page of a directory search, unless asked otherwise, and at most. */
export const DIRECTORY_PAGE = { default: 20, max: 100 };

/**
 * Searches the directory by name, town or the start of an identifier, whatever the case and accents
 * ("villeurbanne" finds "VILLEURBANNE", "2169" the SIRETs starting with it). Public structures appear
 * once their identity is verified, as in every directory answer.
 */
export async function searchInDirectory(
  db: Db,
  text: string,
  page: { page?: number; perPage?: number } = {},
  today = () => new Date().toISOString().slice(0, 10),
): Promise<{ total: number; page: number; perPage: number; items: DirectoryEntry[] }> {
  const query = directoryQuery(text);
  const perPage = page.perPage ?? DIRECTORY_PAGE.default;
  const number = page.page ?? 1;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > DIRECTORY_PAGE.max)
    throw new DomainError('INVALID_INPUT', `perPage is a whole number from 1 to ${DIRECTORY_PAGE.max}.`, {
      field: 'query.perPage',
    });
  if (!Number.isInteger(number) || number < 1 || number > 10_000)
    throw new DomainError('INVALID_INPUT', 'page is a whole number from 1.', { field: 'query.page' });
  const found = await searchDirectory(db, query, { limit: perPage, offset: (number - 1) * perPage }, today());
  return { ...found, page: number, perPage };
}

/** Digits alone (spaces and dots allowed) are the start of an identifier; anything else, words. */
function directoryQuery(text: string): DirectoryQuery {
  const trimmed = text.trim();
  if (trimmed.length > 100)
    throw new DomainError('INVALID_INPUT', 'q is 100 characters at most.', { field: 'query.q' });
  if (/^[\d\s.]+$/.test(trimmed)) {
    const identifierPrefix = trimmed.replace(/[\s.]/g, '');
    if (identifierPrefix.length >= 2) return { identifierPrefix };
  }
  const words = searchWords(trimmed);
  if (words.join('').length < 2)
    throw new DomainError('INVALID_INPUT', 'q needs at least two letters or digits.', { field: 'query.q' });
  return { words: words.slice(0, 10) };
}
