"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXIT = void 0;
/** Process exit codes shared by every command; scripts and CI jobs branch on them. */
exports.EXIT = {
    /** Every file is a valid invoice / the command did what was asked. */
    ok: 0,
    /** Some invoice is invalid, or the command could not complete (e.g. it refused to overwrite). */
    invalid: 1,
    /** Some file is unreadable or not an invoice. */
    unreadable: 2,
};
//# sourceMappingURL=exit-codes.js.map