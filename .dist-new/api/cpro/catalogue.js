"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cproCatalogue = cproCatalogue;
const factures_1 = require("./factures");
const structures_1 = require("./structures");
const transverses_1 = require("./transverses");
const utilisateurs_1 = require("./utilisateurs");
/** Every group of the published catalogue: the router serves it, the OpenAPI document describes it. */
function cproCatalogue() {
    return [factures_1.facturesGroup, structures_1.structuresGroup, utilisateurs_1.utilisateursGroup, transverses_1.transversesGroup];
}
//# sourceMappingURL=catalogue.js.map