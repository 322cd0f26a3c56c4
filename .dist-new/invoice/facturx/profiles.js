"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.profileFacts = profileFacts;
const profile_1 = require("../cii/profile");
const RELATIONSHIP = {
    MINIMUM: 'Data',
    'BASIC WL': 'Data',
    BASIC: 'Alternative',
    'EN 16931': 'Alternative',
    EXTENDED: 'Alternative',
};
/** The profile names double as the XMP ConformanceLevel values ('BASIC WL', 'EN 16931', ...). */
function profileFacts(profile) {
    return {
        guidelineId: profile_1.PROFILE_GUIDELINE[profile],
        conformanceLevel: profile,
        relationship: RELATIONSHIP[profile],
    };
}
//# sourceMappingURL=profiles.js.map