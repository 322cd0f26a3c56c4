"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DIRECTORY_PAGE = void 0;
exports.dbRecipientDirectory = dbRecipientDirectory;
exports.findInDirectory = findInDirectory;
exports.searchInDirectory = searchInDirectory;
const services_1 = require("./services");
const structures_1 = require("./store/structures");
const directory_1 = require("./store/directory");
const search_text_1 = require("./search-text");
const domain_error_1 = require("../platform/domain-error");
const parties_1 = require("../invoice/platform-rules/parties");
const party_resolution_1 = require("./party-resolution");
/**
 * The structures table as the recipient directory the invoice checks call: a buyer's parameters and
 * services by its identifiers, resolved as identification resolves any party (structures/party-resolution). A service outside its validity dates counts as inactive on `today`.
 */
function dbRecipientDirectory(db, today = () => new Date().toISOString().slice(0, 10)) {
    return {
        async find(identifier, scheme, all) {
            const keys = (0, parties_1.partyKeys)(all ?? [{ term: 'BT-46', value: identifier, scheme }]);
            const resolution = await (0, party_resolution_1.resolveParty)(db, keys);
            if (resolution.outcome !== 'resolved')
                return undefined;
            const structure = (await (0, structures_1.findStructure)(db, resolution.structure.id));
            const day = today();
            const services = await (0, services_1.listServices)(db, structure.id);
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
async function findInDirectory(db, by, today = () => new Date().toISOString().slice(0, 10)) {
    return (0, directory_1.directoryEntries)(db, by, today());
}
/** Results per page of a directory search, unless asked otherwise, and at most. */
exports.DIRECTORY_PAGE = { default: 20, max: 100 };
/**
 * Searches the directory by name, town or the start of an identifier, whatever the case and accents
 * ("villeurbanne" finds "VILLEURBANNE", "2169" the SIRETs starting with it). Public structures appear
 * once their identity is verified, as in every directory answer.
 */
async function searchInDirectory(db, text, page = {}, today = () => new Date().toISOString().slice(0, 10)) {
    const query = directoryQuery(text);
    const perPage = page.perPage ?? exports.DIRECTORY_PAGE.default;
    const number = page.page ?? 1;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > exports.DIRECTORY_PAGE.max)
        throw new domain_error_1.DomainError('INVALID_INPUT', `perPage is a whole number from 1 to ${exports.DIRECTORY_PAGE.max}.`, {
            field: 'query.perPage',
        });
    if (!Number.isInteger(number) || number < 1 || number > 10_000)
        throw new domain_error_1.DomainError('INVALID_INPUT', 'page is a whole number from 1.', { field: 'query.page' });
    const found = await (0, directory_1.searchDirectory)(db, query, { limit: perPage, offset: (number - 1) * perPage }, today());
    return { ...found, page: number, perPage };
}
/** Digits alone (spaces and dots allowed) are the start of an identifier; anything else, words. */
function directoryQuery(text) {
    const trimmed = text.trim();
    if (trimmed.length > 100)
        throw new domain_error_1.DomainError('INVALID_INPUT', 'q is 100 characters at most.', { field: 'query.q' });
    if (/^[\d\s.]+$/.test(trimmed)) {
        const identifierPrefix = trimmed.replace(/[\s.]/g, '');
        if (identifierPrefix.length >= 2)
            return { identifierPrefix };
    }
    const words = (0, search_text_1.searchWords)(trimmed);
    if (words.join('').length < 2)
        throw new domain_error_1.DomainError('INVALID_INPUT', 'q needs at least two letters or digits.', { field: 'query.q' });
    return { words: words.slice(0, 10) };
}
//# sourceMappingURL=directory.js.map