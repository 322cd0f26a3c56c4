"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.profileFacts = exports.FacturXWriteError = exports.FACTURX_FILENAME = exports.toFacturX = exports.PdfError = exports.DEFAULT_EXTRACT_LIMITS = exports.extractFacturX = void 0;
var extract_1 = require("./extract");
Object.defineProperty(exports, "extractFacturX", { enumerable: true, get: function () { return extract_1.extractFacturX; } });
Object.defineProperty(exports, "DEFAULT_EXTRACT_LIMITS", { enumerable: true, get: function () { return extract_1.DEFAULT_EXTRACT_LIMITS; } });
var pdf_error_1 = require("./pdf-error");
Object.defineProperty(exports, "PdfError", { enumerable: true, get: function () { return pdf_error_1.PdfError; } });
var write_1 = require("./write");
Object.defineProperty(exports, "toFacturX", { enumerable: true, get: function () { return write_1.toFacturX; } });
Object.defineProperty(exports, "FACTURX_FILENAME", { enumerable: true, get: function () { return write_1.FACTURX_FILENAME; } });
var write_error_1 = require("./write-error");
Object.defineProperty(exports, "FacturXWriteError", { enumerable: true, get: function () { return write_error_1.FacturXWriteError; } });
var profiles_1 = require("./profiles");
Object.defineProperty(exports, "profileFacts", { enumerable: true, get: function () { return profiles_1.profileFacts; } });
//# sourceMappingURL=index.js.map