import Decimal from 'decimal.js';

/**
 * Exact arithmetic on the model's decimal text (never binary floats). Results keep the largest number
 * of fraction digits among the inputs, so "1273.00" + "225.00" is "1498.00", as an invoice writes it.
 */
export function decimalSum(values: string[]): string {
  const scale = Math.max(0, ...values.map(fractionDigits));
  return values.reduce((acc, v) => acc.plus(new Decimal(v)), new Decimal(0)).toFixed(scale);
}

export function decimalEquals(a: string, b: string): boolean {
  return isDecimal(a) && isDecimal(b) ? new Decimal(a).equals(new Decimal(b)) : a === b;
}

/** True for a plain decimal numeral (optional sign, digits, optional fraction), as EN 16931 amounts are. */
export function isDecimal(text: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim());
}

function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.trim().length - dot - 1;
}
