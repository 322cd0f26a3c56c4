"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.INTEREST_MARGIN_POINTS = exports.FLAT_INDEMNITY = exports.PAYMENT_CATEGORIES = exports.DEFAULT_PAYMENT_DELAYS = void 0;
exports.paymentDelayDays = paymentDelayDays;
exports.dueDate = dueDate;
exports.daysLate = daysLate;
exports.lateCharges = lateCharges;
const decimal_js_1 = __importDefault(require("decimal.js"));
exports.DEFAULT_PAYMENT_DELAYS = { standardDays: 30, hospitalDays: 50 };
/** Structures' payment category; only public hospitals have a delay of their own. */
exports.PAYMENT_CATEGORIES = ['ETAT', 'COLLECTIVITE', 'HOSPITALIER'];
/** The flat indemnity for collection costs owed on any late payment (décret 2013-269). */
exports.FLAT_INDEMNITY = '40.00';
/** Points added to the reference rate (the ECB main refinancing rate) for late-payment interest. */
exports.INTEREST_MARGIN_POINTS = '8';
const DAY = 86_400_000;
function paymentDelayDays(delays, category) {
    return category === 'HOSPITALIER' ? delays.hospitalDays : delays.standardDays;
}
/** The last day of the payment period (YYYY-MM-DD): the deposit day plus the delay. */
function dueDate(depositedAt, delayDays) {
    const day = Date.parse(depositedAt.slice(0, 10));
    return new Date(day + delayDays * DAY).toISOString().slice(0, 10);
}
/** Whole days after the due date, on `on` (an ISO date or timestamp); never negative. */
function daysLate(due, on) {
    return Math.max(0, Math.round((Date.parse(on.slice(0, 10)) - Date.parse(due)) / DAY));
}
/**
 * Late-payment interest: amount × (reference rate + 8 points) × days late / 365, in exact decimals.
 * The amount is what the invoice says is due (BT-115, else the total with VAT).
 */
function lateCharges(amount, referenceRate, days) {
    const annualRate = new decimal_js_1.default(referenceRate).plus(exports.INTEREST_MARGIN_POINTS);
    const perDay = new decimal_js_1.default(amount).times(annualRate).dividedBy(100).dividedBy(365);
    return {
        daysLate: days,
        annualRate: annualRate.toString(),
        interest: perDay.times(days).toDecimalPlaces(2, decimal_js_1.default.ROUND_HALF_UP).toFixed(2),
        dailyInterest: perDay.toDecimalPlaces(4, decimal_js_1.default.ROUND_HALF_UP).toFixed(4),
        indemnity: days > 0 ? exports.FLAT_INDEMNITY : '0.00',
    };
}
//# sourceMappingURL=payment.js.map