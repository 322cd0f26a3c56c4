"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROFILE_CHOICES = void 0;
exports.parseProfile = parseProfile;
const commander_1 = require("commander");
const profile_1 = require("../invoice/cii/profile");
const PROFILES = Object.keys(profile_1.PROFILE_GUIDELINE);
const squash = (s) => s.toUpperCase().replace(/[\s_-]/g, '');
/** Accepts a profile as people type it on a command line: `basicwl`, `en16931`, "BASIC WL". */
function parseProfile(text) {
    const profile = PROFILES.find((p) => squash(p) === squash(text));
    if (!profile)
        throw new commander_1.InvalidArgumentError(`unknown Factur-X profile "${text}" (one of: ${PROFILES.join(', ')})`);
    return profile;
}
exports.PROFILE_CHOICES = PROFILES.map(squash).map((p) => p.toLowerCase());
//# sourceMappingURL=profile-option.js.map