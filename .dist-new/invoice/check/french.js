"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.frenchFindings = frenchFindings;
const validate_1 = require("../validate");
/** The French reform's BR-FR rules, asked for by name (`fr`): they are not yet part of a deposit's check. */
function frenchFindings(file) {
    return (0, validate_1.validateFrench)(file.xml);
}
//# sourceMappingURL=french.js.map