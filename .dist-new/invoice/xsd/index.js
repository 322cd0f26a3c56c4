"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.closeXsdEngines = exports.defaultSchemaRoots = exports.xsdRuleId = exports.XsdSchemaUnavailableError = exports.validateXsd = exports.prepareXsd = void 0;
var validate_1 = require("./validate");
Object.defineProperty(exports, "prepareXsd", { enumerable: true, get: function () { return validate_1.prepareXsd; } });
Object.defineProperty(exports, "validateXsd", { enumerable: true, get: function () { return validate_1.validateXsd; } });
var schemas_1 = require("./schemas");
Object.defineProperty(exports, "XsdSchemaUnavailableError", { enumerable: true, get: function () { return schemas_1.XsdSchemaUnavailableError; } });
Object.defineProperty(exports, "xsdRuleId", { enumerable: true, get: function () { return schemas_1.xsdRuleId; } });
Object.defineProperty(exports, "defaultSchemaRoots", { enumerable: true, get: function () { return schemas_1.defaultSchemaRoots; } });
var engine_1 = require("./engine");
Object.defineProperty(exports, "closeXsdEngines", { enumerable: true, get: function () { return engine_1.closeXsdEngines; } });
//# sourceMappingURL=index.js.map