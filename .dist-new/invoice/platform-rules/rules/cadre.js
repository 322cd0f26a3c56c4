"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FF_CADRE_01 = FF_CADRE_01;
const cadres_1 = require("../cadres");
const finding_1 = require("./finding");
/** FF-CADRE-01: a cadre de facturation, when given, is one the platform knows. */
function FF_CADRE_01(invoice) {
    const code = invoice.cadreDeFacturation;
    if (code === undefined || (0, cadres_1.isCadreDeFacturation)(code))
        return [];
    return [
        (0, finding_1.platformFinding)('FF-CADRE-01', `Cadre de facturation inconnu : "${code}". / Unknown billing framework (cadre de facturation) "${code}".`, 'cadreDeFacturation'),
    ];
}
//# sourceMappingURL=cadre.js.map