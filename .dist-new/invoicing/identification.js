"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.identifyParty = identifyParty;
const parties_1 = require("../invoice/platform-rules/parties");
const domain_error_1 = require("../platform/domain-error");
const party_resolution_1 = require("../structures/party-resolution");
/** How identification names each party to a supplier, and the business terms that name an establishment. */
const SIDES = {
    seller: { who: 'Le fournisseur (vendeur)', siret: 'BT-29', address: 'BT-34' },
    buyer: { who: 'Le destinataire (acheteur)', siret: 'BT-46', address: 'BT-49' },
};
/**
 * The structure an invoice party is: every French identifier the invoice carries (SIRET, SIREN, VAT
 * number, electronic address) resolved as structures/party-resolution orders them. The deposit, on every
 * channel, and the recipient check (the directory) resolve parties this one way.
 * Ambiguous: PARTY_AMBIGUOUS. Unknown: PARTY_UNRESOLVED when `required`, else undefined.
 */
async function identifyParty(db, side, party, required) {
    const resolution = await (0, party_resolution_1.resolveParty)(db, (0, parties_1.partyKeys)(party.identifiers));
    if (resolution.outcome === 'resolved')
        return resolution.structure;
    const { who, siret, address } = SIDES[side];
    const fill = `Indiquez le SIRET de l'établissement en ${siret} (schéma 0009) ou en adresse électronique ${address} (schéma 0009 ou 0225).`;
    if (resolution.outcome === 'ambiguous') {
        const listed = resolution.matches.map((s) => `${s.identifier} (${s.name})`).join(', ');
        throw new domain_error_1.DomainError('PARTY_AMBIGUOUS', `${who} est désigné par le SIREN ${resolution.siren}, qui correspond à plusieurs structures de la plateforme : ${listed}. ${fill}`, {
            field: siret,
            party: side,
            siren: resolution.siren,
            matches: resolution.matches.map((s) => ({ identifier: s.identifier, name: s.name })),
        });
    }
    if (!required)
        return undefined;
    const read = party.identifiers.map((id) => `${id.value} en ${id.term}`).join(', ') || 'aucun identifiant';
    throw new domain_error_1.DomainError('PARTY_UNRESOLVED', `${who} ne correspond à aucune structure de la plateforme (lu : ${read}). ${fill} ` +
        'Si la structure n’existe pas encore, créez-la avant de déposer.', { field: siret, party: side, identifiers: party.identifiers });
}
//# sourceMappingURL=identification.js.map