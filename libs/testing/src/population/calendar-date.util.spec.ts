import {
  addMonths,
  ageOn,
  civilFromDays,
  daysFromCivil,
  formatDay,
  parseIsoDate,
} from './calendar-date.util';

describe('calendar-date.util', () => {
  it('round-trips day numbers against Date for 1900–2100', () => {
    for (let day = daysFromCivil(1900, 1, 1); day <= daysFromCivil(2100, 12, 31); day += 17) {
      expect(formatDay(day)).toBe(new Date(day * 86400000).toISOString().slice(0, 10));
      const [y, m, d] = civilFromDays(day);
      expect(daysFromCivil(y, m, d)).toBe(day);
    }
  });

  it('parses real dates only', () => {
    expect(formatDay(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-13-01')).toThrow(RangeError);
    expect(() => parseIsoDate('20250101')).toThrow(RangeError);
  });

  it('adds months with clamping and computes ages', () => {
    expect(formatDay(addMonths(parseIsoDate('2025-03-31'), -1))).toBe('2025-02-28');
    expect(formatDay(addMonths(parseIsoDate('2025-06-30'), -24))).toBe('2023-06-30');
    expect(ageOn(parseIsoDate('2000-06-30'), parseIsoDate('2025-06-29'))).toBe(24);
    expect(ageOn(parseIsoDate('2000-06-30'), parseIsoDate('2025-06-30'))).toBe(25);
    expect(ageOn(parseIsoDate('2000-02-29'), parseIsoDate('2025-02-28'))).toBe(24);
  });
});
