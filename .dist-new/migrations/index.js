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
exports.migrations = void 0;
const m001 = __importStar(require("./001_foundation"));
const m002 = __importStar(require("./002_accounts"));
const m003 = __importStar(require("./003_structures"));
const m004 = __importStar(require("./004_lifecycle"));
const m005 = __importStar(require("./005_deposits"));
const m006 = __importStar(require("./006_connectors"));
const m007 = __importStar(require("./007_support"));
const m008 = __importStar(require("./008_service_mode"));
const m009 = __importStar(require("./009_identity_verification"));
const m010 = __importStar(require("./010_rule_sets"));
const m011 = __importStar(require("./011_cpro_sequences"));
const m013 = __importStar(require("./013_draft_prefill"));
const m012 = __importStar(require("./012_party_identity"));
const m014 = __importStar(require("./014_notification_preferences"));
const m015 = __importStar(require("./015_credential_throttle"));
const m016 = __importStar(require("./016_directory_search"));
const m018 = __importStar(require("./018_connector_record_errors"));
const m017 = __importStar(require("./017_notification_digest"));
/** Every migration, by name; applied in name order on SQLite and PostgreSQL alike. */
exports.migrations = {
    '001_foundation': m001,
    '002_accounts': m002,
    '003_structures': m003,
    '004_lifecycle': m004,
    '005_deposits': m005,
    '006_connectors': m006,
    '007_support': m007,
    '008_service_mode': m008,
    '009_identity_verification': m009,
    '010_rule_sets': m010,
    '011_cpro_sequences': m011,
    '012_party_identity': m012,
    '013_draft_prefill': m013,
    '014_notification_preferences': m014,
    '015_credential_throttle': m015,
    '016_directory_search': m016,
    '018_connector_record_errors': m018,
    '017_notification_digest': m017,
};
//# sourceMappingURL=index.js.map