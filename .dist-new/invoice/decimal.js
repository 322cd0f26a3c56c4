"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.decimalSum = decimalSum;
exports.decimalEquals = decimalEquals;
exports.isDecimal = isDecimal;
const decimal_js_1 = __importDefault(require("decimal.js"));
/**
 * Exact arithmetic on the model's decimal text (never binary floats). Results keep the largest number
 * of fraction digits among the inputs, so "1273.00" + "225.00" is "1498.00", as an invoice writes it.
 */
function decimalSum(values) {
    const scale = Math.max(0, ...values.map(fractionDigits));
    return values.reduce((acc, v) => acc.plus(new decimal_js_1.default(v)), new decimal_js_1.default(0)).toFixed(scale);
}
function decimalEquals(a, b) {
    return isDecimal(a) && isDecimal(b) ? new decimal_js_1.default(a).equals(new decimal_js_1.default(b)) : a === b;
}
/** True for a plain decimal numeral (optional sign, digits, optional fraction), as EN 16931 amounts are. */
function isDecimal(text) {
    return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim());
}
function fractionDigits(text) {
    const dot = text.indexOf('.');
    return dot < 0 ? 0 : text.trim().length - dot - 1;
}
//# sourceMappingURL=decimal.js.map