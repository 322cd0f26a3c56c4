import Decimal from 'decimal.js';

/** The legal payment delays (days from the deposit date) per recipient category. */
export interface PaymentDelays {
  /** The State and local authorities (default 30). */
  standardDays: number;
  /** Public hospitals (default 50). */
  hospitalDays: number;
}

export const DEFAULT_PAYMENT_DELAYS: PaymentDelays = { standardDays: 30, hospitalDays: 50 };

/** Structures' payment category; only public hospitals have a delay of their own. */
export const PAYMENT_CATEGORIES = ['ETAT', 'COLLECTIVITE', 'HOSPITALIER'] as const;
export type PaymentCategory = (typeof PAYMENT_CATEGORIES)[number];

/** The flat indemnity for collection costs owed on any late payment (décret 2013-269). */
export const FLAT_INDEMNITY = '40.00';

/** Points added to the reference rate (the ECB main refinancing rate) for late-payment interest. */
export const INTEREST_MARGIN_POINTS = '8';

const DAY = 86_400_000;

export function paymentDelayDays(delays: PaymentDelays, category: string | undefined): number {
  return category === 'HOSPITALIER' ? delays.hospitalDays : delays.standardDays;
}

/** The last day of the payment period (YYYY-MM-DD): the deposit day plus the delay. */
export function dueDate(depositedAt: string, delayDays: number): string {
  const day = Date.parse(depositedAt.slice(0, 10));
  return new Date(day + delayDays * DAY).toISOString().slice(0, 10);
}

/** Whole days after the due date, on `on` (an ISO date or timestamp); never negative. */
export function daysLate(due: string, on: string): number {
  return Math.max(0, Math.round((Date.parse(on.slice(0, 10)) - Date.parse(due)) / DAY));
}

export interface LateCharges {
  daysLate: number;
  /** Annual rate in percent: reference rate + 8 points. */
  annualRate: string;
  /** Interest for the days late, rounded half-up to the cent (it is a sum owed, in the invoice's currency). */
  interest: string;
  /** Interest per day, to 4 decimals, as the notice shows it. */
  dailyInterest: string;
  indemnity: string;
}

/**
 * Late-payment interest: amount × (reference rate + 8 points) × days late / 365, in exact decimals.
 * The amount is what the invoice says is due (BT-115, else the total with VAT).
 */
export function lateCharges(amount: string, referenceRate: string, days: number): LateCharges {
  const annualRate = new Decimal(referenceRate).plus(INTEREST_MARGIN_POINTS);
  const perDay = new Decimal(amount).times(annualRate).dividedBy(100).dividedBy(365);
  return {
    daysLate: days,
    annualRate: annualRate.toString(),
    interest: perDay.times(days).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    dailyInterest: perDay.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
    indemnity: days > 0 ? FLAT_INDEMNITY : '0.00',
  };
}
