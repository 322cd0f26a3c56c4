"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.documentTitle = exports.formatNumber = exports.formatDate = exports.formatAmount = exports.pdfTitle = exports.renderInvoice = exports.toPdf = void 0;
var render_1 = require("./render");
Object.defineProperty(exports, "toPdf", { enumerable: true, get: function () { return render_1.toPdf; } });
Object.defineProperty(exports, "renderInvoice", { enumerable: true, get: function () { return render_1.renderInvoice; } });
Object.defineProperty(exports, "pdfTitle", { enumerable: true, get: function () { return render_1.pdfTitle; } });
var format_1 = require("./format");
Object.defineProperty(exports, "formatAmount", { enumerable: true, get: function () { return format_1.formatAmount; } });
Object.defineProperty(exports, "formatDate", { enumerable: true, get: function () { return format_1.formatDate; } });
Object.defineProperty(exports, "formatNumber", { enumerable: true, get: function () { return format_1.formatNumber; } });
Object.defineProperty(exports, "documentTitle", { enumerable: true, get: function () { return format_1.documentTitle; } });
//# sourceMappingURL=index.js.map