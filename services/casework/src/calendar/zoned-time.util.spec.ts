import { instantAt, isoWeekdayOf, localDateOf, offsetAt, plusDays } from './zoned-time.util';

const NEW_YORK = 'America/New_York';
const HOUR_MS = 3_600_000;

describe('wall-clock time in a zone (Intl)', () => {
  it.each<[string, string, number]>([
    ['winter', '2026-01-15T12:00:00Z', -5],
    ['summer', '2026-07-15T12:00:00Z', -4],
    ['the last instant before spring forward (01:59:59 EST)', '2026-03-08T06:59:59Z', -5],
    ['spring forward (03:00 EDT)', '2026-03-08T07:00:00Z', -4],
    ['the last instant before fall back (01:59:59 EDT)', '2026-11-01T05:59:59Z', -4],
    ['fall back (01:00 EST)', '2026-11-01T06:00:00Z', -5],
  ])('knows the New York offset in %s', (_case, instant, hours) => {
    expect(offsetAt(Date.parse(instant), NEW_YORK)).toBe(hours * HOUR_MS);
  });

  it.each<[string, { year: number; month: number; day: number }, number, string]>([
    ['09:00 in winter', { year: 2026, month: 1, day: 15 }, 540, '2026-01-15T14:00:00.000Z'],
    ['09:00 in summer', { year: 2026, month: 7, day: 15 }, 540, '2026-07-15T13:00:00.000Z'],
    ['24:00 is the next midnight', { year: 2026, month: 11, day: 23 }, 1440, '2026-11-24T05:00:00.000Z'],
    ['02:30 in the spring-forward gap resolves after it (03:30 EDT)', { year: 2026, month: 3, day: 8 }, 150, '2026-03-08T07:30:00.000Z'],
    ['01:30 in the repeated hour is its first (daylight) occurrence', { year: 2026, month: 11, day: 1 }, 90, '2026-11-01T05:30:00.000Z'],
    ['midnight before fall back', { year: 2026, month: 11, day: 1 }, 0, '2026-11-01T04:00:00.000Z'],
  ])('turns local %s into an instant', (_case, date, minute, expected) => {
    expect(new Date(instantAt(date, minute, NEW_YORK)).toISOString()).toBe(expected);
  });

  it('reads the local day, not the UTC day, of a late-evening instant', () => {
    expect(localDateOf(Date.parse('2026-11-24T03:00:00Z'), NEW_YORK)).toEqual({ year: 2026, month: 11, day: 23 });
  });

  it('steps days across month and year ends, with ISO weekdays', () => {
    expect(plusDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(plusDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(isoWeekdayOf({ year: 2026, month: 11, day: 22 })).toBe(7);
    expect(isoWeekdayOf({ year: 2026, month: 11, day: 23 })).toBe(1);
  });
});
