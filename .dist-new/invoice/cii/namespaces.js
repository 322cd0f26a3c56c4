"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CII_NS = void 0;
/** UN/CEFACT Cross Industry Invoice D16B namespaces (also used by Factur-X / ZUGFeRD 2.x). */
exports.CII_NS = {
    rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
    ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
    udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
    qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
};
//# sourceMappingURL=namespaces.js.map