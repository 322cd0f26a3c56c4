"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.partiesOf = partiesOf;
const pdf_layout_1 = require("./pdf-layout");
// A block's heading: "Client", "Facturé à", "Informations client", "Maître d'ouvrage :"…
const HEADING = String.raw `(?:(?:informations?|coordonnees|adresse|identite|vos coordonnees)\s+(?:du |de l'|de la )?)?`;
const BUYER = new RegExp(String.raw `^${HEADING}(?:client|facture a|adresse a|destinataire|acheteur|a l'attention de|livre et facture a|factures? a|donneur d'ordre|maitre d'ouvrage|commanditaire)(?![a-z])\s*:?\s*`);
const SELLER = new RegExp(String.raw `^(?:${HEADING}(?:emetteur|fournisseur|vendeur|prestataire|expediteur|entreprise|societe|titulaire)(?![a-z])\s*:?|de\s*:)\s*`);
const POSTCODE = /(?:^|\s|-)\d{5}\s+\p{L}/u;
const IDENTIFIER = /\b(?:siret|siren|tva|identifiant)\b/i;
const NOT_A_NAME = /^(?:facture|avoir|entrepreneur individuel|micro-entreprise|ei|sarl|sas|n°|date|echeance|page)(?![a-z])/;
/**
 * The parties from the blocks above the line table: the page is read as two columns (a block left,
 * a block right is how most invoices place the seller and the buyer), each cut into blocks where the
 * text leaves a gap. The buyer's block is the one its heading names ("Client", "Facturé à",
 * "Adressé à", "Destinataire"); identifiers labelled "SIRET client" are the buyer's wherever they stand.
 */
function partiesOf(lines, table) {
    const firstTable = lines.findIndex((_, i) => table.has(i));
    const head = lines.filter((l, i) => l.page === 0 && (firstTable < 0 || i < firstTable));
    const blocks = [...blocksOf(head, (x) => x < 290), ...blocksOf(head, (x) => x >= 290)].flatMap(splitAtBuyer);
    const parties = blocks.filter((b) => b.some((e) => POSTCODE.test(e.text) || IDENTIFIER.test(e.text)));
    const buyer = parties.find((b) => BUYER.test((0, pdf_layout_1.norm)(b[0].text))) ??
        parties.find((b) => b.some((e) => /^client\s*:/.test((0, pdf_layout_1.norm)(e.text))));
    const seller = parties.find((b) => b !== buyer && SELLER.test((0, pdf_layout_1.norm)(b[0].text))) ??
        parties.find((b) => b !== buyer && b.some((e) => IDENTIFIER.test(e.text))) ??
        parties.find((b) => b !== buyer);
    const buyerBlock = buyer ?? parties.find((b) => b !== seller && b.some((e) => POSTCODE.test(e.text)));
    const ids = (b) => identifiers(b ? b.map((e) => e.text).join('\n') : '');
    const s = ids(seller);
    const b = ids(buyerBlock);
    const explicit = explicitBuyerId(lines, table);
    return {
        sellerName: seller && nameOf(seller, SELLER),
        sellerSiret: s.siret,
        sellerSiren: s.siret ? undefined : s.siren,
        sellerVatId: s.vatId,
        buyerName: buyerBlock && nameOf(buyerBlock, BUYER),
        buyerSiret: explicit?.length === 14 ? explicit : explicit ? undefined : b.siret,
        buyerSiren: explicit?.length === 9 ? explicit : explicit || b.siret ? undefined : b.siren,
        buyerVatId: b.vatId,
    };
}
/** The blocks of one side of the page: its lines, cut where the gap exceeds about two lines. */
function blocksOf(lines, side) {
    const blocks = [];
    let last;
    for (const line of lines) {
        const cells = line.cells.filter((c) => side(c.x));
        if (!cells.length)
            continue;
        const entry = {
            y: line.y,
            size: Math.max(...cells.map((c) => c.size)),
            text: cells.map((c) => c.text).join(' '),
        };
        const gap = last ? last.y - entry.y : 0;
        if (!last || gap > Math.max(14, 1.9 * Math.max(last.size, entry.size)) || gap < 0)
            blocks.push([entry]);
        else
            blocks[blocks.length - 1].push(entry);
        last = entry;
    }
    return blocks;
}
/** A block that runs into the buyer's heading (text without positions) is two blocks. */
function splitAtBuyer(block) {
    const at = block.findIndex((e, i) => i > 0 && BUYER.test((0, pdf_layout_1.norm)(e.text)));
    return at > 0 ? [block.slice(0, at), ...splitAtBuyer(block.slice(at))] : [block];
}
/** The party's name: after its heading (on the heading's line or the next), else its first line. */
function nameOf(block, heading) {
    const m = heading.exec((0, pdf_layout_1.norm)(block[0].text));
    if (m) {
        const inline = block[0].text.slice(m[0].length).trim();
        if (inline)
            return inline;
    }
    return block
        .slice(m ? 1 : 0)
        .map((e) => e.text)
        .find((t) => !NOT_A_NAME.test((0, pdf_layout_1.norm)(t)) && !IDENTIFIER.test(t) && !POSTCODE.test(t) && /\p{L}{2}/u.test(t));
}
function identifiers(text) {
    const digits = (s) => s?.replace(/\D/g, '');
    const siret = /(?:siret|identifiant)\D{0,12}?(\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{5})(?!\d)/i.exec(text)?.[1];
    const siren = /siren\D{0,12}?(\d{3}[ .]?\d{3}[ .]?\d{3})(?![ .]?\d)/i.exec(text)?.[1];
    const vatId = /(?:[Tt][Vv][Aa]|VAT)[^A-Z\n]{0,30}?\b((?:FR|[A-Z]{2}) ?[0-9A-Z]{2} ?\d{3} ?\d{3} ?\d{3}|[A-Z]{2}[A-Z0-9.]{2,14})\b/.exec(text)?.[1];
    return { siret: digits(siret), siren: digits(siren), vatId: vatId?.replace(/ /g, '') };
}
/** "SIRET client : …", "SIREN du client …": the buyer's identifier wherever the invoice prints it. */
function explicitBuyerId(lines, skip) {
    const label = /(?:n° )?(?:siret|siren)(?: du| de l'| de la)? (?:client|acheteur|destinataire)\s*:?/;
    return (0, pdf_layout_1.valueOf)(lines, label, (t) => {
        const d = /^(\d{3}[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{5})?)(?!\d)/.exec(t.trim())?.[1]?.replace(/\D/g, '');
        return d && (d.length === 14 || d.length === 9) ? d : undefined;
    }, { skip });
}
//# sourceMappingURL=pdf-parties.js.map