"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateFrench = exports.validateFacturXProfile = exports.prepareEn16931 = exports.en16931SyntaxOf = exports.validateEn16931 = void 0;
var en16931_1 = require("./en16931");
Object.defineProperty(exports, "validateEn16931", { enumerable: true, get: function () { return en16931_1.validateEn16931; } });
Object.defineProperty(exports, "en16931SyntaxOf", { enumerable: true, get: function () { return en16931_1.en16931SyntaxOf; } });
Object.defineProperty(exports, "prepareEn16931", { enumerable: true, get: function () { return en16931_1.prepareEn16931; } });
var facturx_1 = require("./facturx");
Object.defineProperty(exports, "validateFacturXProfile", { enumerable: true, get: function () { return facturx_1.validateFacturXProfile; } });
var french_1 = require("./french");
Object.defineProperty(exports, "validateFrench", { enumerable: true, get: function () { return french_1.validateFrench; } });
//# sourceMappingURL=index.js.map