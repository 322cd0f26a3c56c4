"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.createMembershipActivities = createMembershipActivities;
const steps = __importStar(require("../structures/membership-request-steps"));
/**
 * Side effects of the membership request workflow, each safe to retry. The activity names are those
 * recorded in workflow histories (hence "attachment" in two of them): they do not change.
 */
function createMembershipActivities(deps) {
    const { db } = deps;
    return {
        recordAttachmentRequest: (s) => steps.recordMembershipRequest(db, s),
        loadManagers: (r) => steps.loadManagers(db, r),
        notifyManagers: (s) => steps.notifyManagers(deps, s),
        escalateAttachment: (s) => steps.escalateMembershipRequest(db, s),
        applyDecision: (s) => steps.applyDecision(db, s),
        closeRequest: (s) => steps.closeMembershipRequest(db, s),
        notifyRequester: (s) => steps.notifyRequester(deps, s),
    };
}
//# sourceMappingURL=membership.js.map