import { frenchHolidays, isOpen, nextOpening } from '../../support/opening-hours';

const at = (iso: string) => Date.parse(iso);

describe('support opening hours (Monday–Friday 8:30–18:30, Paris time, working days)', () => {
  it('opens at 8:30 and closes at 18:30 Paris time, in winter (UTC+1) and summer (UTC+2)', () => {
    // Tuesday 1 December 2026, winter time.
    expect(isOpen(at('2026-12-01T07:29:00Z'))).toBe(false);
    expect(isOpen(at('2026-12-01T07:30:00Z'))).toBe(true);
    expect(isOpen(at('2026-12-01T17:29:00Z'))).toBe(true);
    expect(isOpen(at('2026-12-01T17:30:00Z'))).toBe(false);
    // Tuesday 16 June 2026, summer time.
    expect(isOpen(at('2026-06-16T06:30:00Z'))).toBe(true);
    expect(isOpen(at('2026-06-16T16:30:00Z'))).toBe(false);
  });

  it('is closed on weekends, French public holidays and configured days', () => {
    expect(isOpen(at('2026-11-28T10:00:00Z'))).toBe(false); // Saturday
    expect(frenchHolidays(2026)).toEqual(
      expect.arrayContaining(['2026-04-06', '2026-05-14', '2026-05-25', '2026-07-14', '2026-12-25']),
    );
    expect(isOpen(at('2026-04-06T10:00:00Z'))).toBe(false); // Easter Monday
    expect(isOpen(at('2026-12-02T10:00:00Z'), { extraHolidays: ['2026-12-02'] })).toBe(false);
  });

  it('finds the next opening after a weekend', () => {
    expect(new Date(nextOpening(at('2026-11-28T10:00:00Z'))).toISOString()).toBe('2026-11-30T07:30:00.000Z');
  });
});
