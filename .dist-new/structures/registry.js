"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dbCompanyRegistry = dbCompanyRegistry;
const company_registry_1 = require("./store/company-registry");
/**
 * The default registry: the platform's own directory table, filled by `npm run import:registry`;
 * authoritative once something was imported.
 */
function dbCompanyRegistry(db) {
    return { lookup: (siret) => (0, company_registry_1.findCompany)(db, siret), authoritative: () => (0, company_registry_1.registryImported)(db) };
}
//# sourceMappingURL=registry.js.map