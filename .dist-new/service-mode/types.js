"use strict";
/** Service mode's shapes: applications and their onboarding (raccordement), technical accounts, wire ids. */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map