"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROFILE_GUIDELINE = void 0;
exports.profileOfGuideline = profileOfGuideline;
/** The BT-24 guideline identifier the CII writer emits for each profile (Factur-X 1.0 ids). */
exports.PROFILE_GUIDELINE = {
    MINIMUM: 'urn:factur-x.eu:1p0:minimum',
    'BASIC WL': 'urn:factur-x.eu:1p0:basicwl',
    BASIC: 'urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic',
    'EN 16931': 'urn:cen.eu:en16931:2017',
    EXTENDED: 'urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended',
};
/**
 * Recognised guideline ids, most specific first: Factur-X 1.0 (urn:factur-x.eu:1p0:*), ZUGFeRD 2.x
 * (urn:zugferd.de:2p0:*), ZUGFeRD 1.0 profile names used in the CEN CII examples (urn:ferd:...:comfort),
 * and "#conformant#" extensions such as the French urn.cpro.gouv.fr:1p0:extended-ctc-fr.
 */
const GUIDELINE_PATTERNS = [
    [/^urn:(factur-x\.eu:1p0|zugferd\.de:2p0):minimum$/, 'MINIMUM'],
    [/^urn:(factur-x\.eu:1p0|zugferd\.de:2p0):basicwl$/, 'BASIC WL'],
    [/^urn:cen\.eu:en16931:2017[#:]compliant[#:]urn:(factur-x\.eu|zugferd\.de):[12]p0:basic$/, 'BASIC'],
    [/^urn:ferd:CrossIndustryDocument:invoice:1p0:basic$/, 'BASIC'],
    [/^urn:cen\.eu:en16931:2017[#:]conformant[#:]/, 'EXTENDED'],
    [/^urn:ferd:CrossIndustryDocument:invoice:1p0:extended$/, 'EXTENDED'],
    [/^urn:ferd:CrossIndustryDocument:invoice:1p0:comfort$/, 'EN 16931'],
    // Plain EN 16931 and every other CIUS of it (XRechnung, PEPPOL, factur-x en16931) carry EN 16931 content.
    [/^urn:cen\.eu:en16931:2017/, 'EN 16931'],
];
/** The profile a BT-24 guideline id declares, or undefined for ids outside the EN 16931 family. */
function profileOfGuideline(guideline) {
    const id = guideline?.trim();
    if (!id)
        return undefined;
    return GUIDELINE_PATTERNS.find(([pattern]) => pattern.test(id))?.[1];
}
//# sourceMappingURL=profile.js.map