import {
  DEFAULT_PAYMENT_DELAYS,
  daysLate,
  dueDate,
  lateCharges,
  paymentDelayDays,
} from '../../invoicing/lifecycle/payment';

describe('legal payment delay', () => {
  it.each([
    ['ETAT', 30],
    ['COLLECTIVITE', 30],
    ['HOSPITALIER', 50],
    [undefined, 30],
  ])('is %s days for a %s recipient', (category, days) => {
    expect(paymentDelayDays(DEFAULT_PAYMENT_DELAYS, category)).toBe(days);
  });

  it('uses the configured delays', () => {
    const delays = { standardDays: 20, hospitalDays: 60 };
    expect(paymentDelayDays(delays, 'HOSPITALIER')).toBe(60);
    expect(paymentDelayDays(delays, 'ETAT')).toBe(20);
  });

  it('runs from the deposit day, across month and year ends', () => {
    expect(dueDate('2026-03-02T10:15:00.000Z', 30)).toBe('2026-04-01');
    expect(dueDate('2026-12-15T23:59:59.000Z', 50)).toBe('2027-02-03');
    expect(dueDate('2028-02-01T08:00:00.000Z', 30)).toBe('2028-03-02');
  });

  it('counts whole days late after the due day, never negative', () => {
    expect(daysLate('2026-04-01', '2026-04-01T23:30:00.000Z')).toBe(0);
    expect(daysLate('2026-04-01', '2026-03-20')).toBe(0);
    expect(daysLate('2026-04-01', '2026-04-02T00:10:00.000Z')).toBe(1);
    expect(daysLate('2026-04-01', '2026-05-16')).toBe(45);
  });
});

describe('late-payment interest and indemnity', () => {
  it('is the reference rate + 8 points, prorated by day over 365, in exact decimals', () => {
    // 1 000.00 × 11.15 % × 45 / 365 = 13.746575… → 13.75
    expect(lateCharges('1000.00', '3.15', 45)).toEqual({
      daysLate: 45,
      annualRate: '11.15',
      interest: '13.75',
      dailyInterest: '0.3055',
      indemnity: '40.00',
    });
    // 1 200.00 × 12.5 % / 365 = 0.410958… a day
    expect(lateCharges('1200.00', '4.5', 10)).toMatchObject({
      annualRate: '12.5',
      interest: '4.11',
      dailyInterest: '0.4110',
    });
  });

  it('rounds a sum owed half up to the cent, on the exact tie', () => {
    // 36.50 × 12.5 % / 365 = 0.0125 a day exactly; two days: 0.025 → 0.03.
    expect(lateCharges('36.50', '4.5', 2)).toMatchObject({ interest: '0.03', dailyInterest: '0.0125' });
  });

  it('owes nothing, not even the indemnity, when paid in time', () => {
    expect(lateCharges('1000.00', '3.15', 0)).toMatchObject({
      interest: '0.00',
      indemnity: '0.00',
      annualRate: '11.15',
    });
  });

  it('owes the flat 40 EUR indemnity from the first day late, whatever the amount', () => {
    expect(lateCharges('0.50', '0', 1)).toMatchObject({
      annualRate: '8',
      interest: '0.00',
      indemnity: '40.00',
    });
  });
});
