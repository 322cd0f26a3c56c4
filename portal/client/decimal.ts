/**
 * Exact decimal arithmetic for the form's live totals: amounts are text in the invoice model, never
 * binary floats, so they are computed here as integers of millionths.
 */
const DIGITS = 6;
const ONE = 10n ** BigInt(DIGITS);

/** "1 234,5" or "1234.50" → millionths; undefined when not a number. */
export function parseDecimal(text: string): bigint | undefined {
  const m = /^(-?)(\d+)(?:[.,](\d{0,6}))?$/.exec(text.trim().replace(/\s/g, ''));
  if (!m) return undefined;
  const value = BigInt(m[2]) * ONE + BigInt((m[3] ?? '').padEnd(DIGITS, '0'));
  return m[1] ? -value : value;
}

/** n / d rounded half away from zero (the commercial rounding of EN 16931 amounts). */
function divide(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  return 2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q;
}

export const multiply = (a: bigint, b: bigint) => divide(a * b, ONE);

export function round(a: bigint, decimals = 2): bigint {
  const f = 10n ** BigInt(DIGITS - decimals);
  return divide(a, f) * f;
}

/** Millionths → "1234.50" (the model's decimal text). */
export function formatDecimal(a: bigint, decimals = 2): string {
  const r = round(a, decimals);
  const abs = r < 0n ? -r : r;
  const fraction = (abs % ONE).toString().padStart(DIGITS, '0').slice(0, decimals);
  return `${r < 0n ? '-' : ''}${abs / ONE}${decimals ? `.${fraction}` : ''}`;
}

/** "20" (percent) → the rate as a factor in millionths. */
export const percent = (rate: bigint) => rate / 100n;
