"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SPACES = exports.ROLES = void 0;
exports.ROLES = ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'];
/** The spaces of the portal a structure may show (personalisation). */
exports.SPACES = [
    'FACTURES_EMISES',
    'FACTURES_RECUES',
    'FACTURES_TRAVAUX',
    'MEMOIRES_JUSTICE',
    'ENGAGEMENTS',
    'SOLLICITATIONS',
];
//# sourceMappingURL=types.js.map