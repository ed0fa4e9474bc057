import {
  addDays,
  ageOn,
  dateOfDay,
  dayNumber,
  measurementYear,
  measureWindow,
  measureWindowMonths,
} from './gap-calendar.util';
import { referencePeriodStart } from '../conditions/reference-period-start.util';
import type { MeasureWindow } from './gap-rule.types';

describe('ageOn', () => {
  it.each([
    ['the day before the birthday', '1970-06-15', '2025-06-14', 54],
    ['on the birthday', '1970-06-15', '2025-06-15', 55],
    ['the day after the birthday', '1970-06-15', '2025-06-16', 55],
    ['a month before the birthday month', '1970-12-01', '2025-11-30', 54],
    ['on the day of birth', '1970-06-15', '1970-06-15', 0],
    ['the day before the first birthday', '2024-06-15', '2025-06-14', 0],
    // HEDIS age is taken on 31 December: born on 31 December turns 18 that day, born on 1 January a year later is 17
    ['born 31 December, on 31 December 18 years later', '2007-12-31', '2025-12-31', 18],
    ['born 1 January, on 31 December of the 17th year', '2008-01-01', '2025-12-31', 17],
    ['born 1 January, on 31 December 75 years later', '1950-01-01', '2025-12-31', 75],
    ['born 31 December, on 31 December 76 years later', '1949-12-31', '2025-12-31', 76],
    // 29 February: in common years the birthday is reached on 1 March (not yet on 28 February)
    ['29 February birthday, on 28 February of a common year', '2000-02-29', '2025-02-28', 24],
    ['29 February birthday, on 1 March of a common year', '2000-02-29', '2025-03-01', 25],
    ['29 February birthday, on 29 February of a leap year', '2000-02-29', '2024-02-29', 24],
    ['29 February birthday, on 28 February of a leap year', '2000-02-29', '2024-02-28', 23],
    ['born 28 February, on 28 February of a leap year', '2000-02-28', '2024-02-28', 24],
  ] as const)('%s (%s on %s) is %d', (_case, birthDate, on, age) => {
    expect(ageOn(birthDate, on)).toBe(age);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-06-15', 0, '2025-06-15'],
    ['2025-01-31', 1, '2025-02-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 365, '2024-12-31'],
    ['2025-05-01', 45, '2025-06-15'],
    ['2025-03-01', 105, '2025-06-14'],
    ['2025-06-30', -180, '2025-01-01'],
    ['2025-12-01', 45, '2026-01-15'],
  ] as const)('%s %+d days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('dayNumber and dateOfDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    // 30 years of which 7 leap years (1972 ... 1996): 30 * 365 + 7
    ['2000-01-01', 10957],
  ] as const)('%s is day %d and back', (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(dateOfDay(day)).toBe(date);
  });

  it.each([
    ['2025-01-01', '2025-12-31', 364],
    ['2024-01-01', '2024-12-31', 365],
    ['2025-10-01', '2025-12-31', 91],
    ['2025-10-02', '2025-12-31', 90],
  ] as const)('from %s to %s is %d days', (from, to, days) => {
    expect(dayNumber(to) - dayNumber(from)).toBe(days);
  });
});

describe('measurementYear', () => {
  it.each([
    ['2025-06-15', '2025-01-01', '2025-12-31'],
    ['2025-01-01', '2025-01-01', '2025-12-31'],
    ['2025-12-31', '2025-01-01', '2025-12-31'],
    ['2024-02-29', '2024-01-01', '2024-12-31'],
  ] as const)('of %s runs from %s to %s', (asOf, start, end) => {
    expect(measurementYear(asOf)).toEqual({ start, end });
  });
});

// Windows from the public measure summaries, written out by hand for the 2026 measurement year.
const MAMMOGRAPHY: MeasureWindow = { yearsBefore: 2, fromMonth: 10 };
const COLONOSCOPY: MeasureWindow = { yearsBefore: 9 };
const PRIOR_YEAR_ONLY: MeasureWindow = { yearsBefore: 1, endYearsBefore: 1 };

describe('measureWindow', () => {
  it.each<[string, string, MeasureWindow | undefined, string, string]>([
    ['the measurement year, mid-year', '2026-06-15', undefined, '2026-01-01', '2026-06-15'],
    ['the measurement year, on 1 January', '2026-01-01', undefined, '2026-01-01', '2026-01-01'],
    ['mammography, on 31 December', '2026-12-31', MAMMOGRAPHY, '2024-10-01', '2026-12-31'],
    ['mammography, on 1 January', '2026-01-01', MAMMOGRAPHY, '2024-10-01', '2026-01-01'],
    ['mammography, the day after 31 December', '2027-01-01', MAMMOGRAPHY, '2025-10-01', '2027-01-01'],
    ['colonoscopy, mid-year', '2026-06-15', COLONOSCOPY, '2017-01-01', '2026-06-15'],
    ['FIT-DNA, mid-year', '2026-06-15', { yearsBefore: 2 }, '2024-01-01', '2026-06-15'],
    ['the year before only, mid-year', '2026-06-15', PRIOR_YEAR_ONLY, '2025-01-01', '2025-12-31'],
    ['the year before only, on 1 January', '2026-01-01', PRIOR_YEAR_ONLY, '2025-01-01', '2025-12-31'],
    [
      'the measurement year or the year before, in a leap year',
      '2024-02-29',
      { yearsBefore: 1 },
      '2023-01-01',
      '2024-02-29',
    ],
  ])('%s (as of %s)', (_case, asOf, window, start, end) => {
    expect(measureWindow(asOf, window)).toEqual({ start, end });
  });
});

describe('measureWindowMonths', () => {
  it.each<[string, MeasureWindow | undefined, number]>([
    ['the measurement year', undefined, 12],
    ['mammography (1 October two years before)', MAMMOGRAPHY, 27],
    ['FIT-DNA (2 years before)', { yearsBefore: 2 }, 36],
    ['sigmoidoscopy (4 years before)', { yearsBefore: 4 }, 60],
    ['colonoscopy (9 years before)', COLONOSCOPY, 120],
    ['the year before only', PRIOR_YEAR_ONLY, 24],
  ])('%s: %d months', (_case, window, months) => {
    expect(measureWindowMonths(window)).toBe(months);
  });

  // Claims loaded back that many months from any as-of day of the year reach the window's first day.
  it.each<[MeasureWindow | undefined, string, string]>([
    [MAMMOGRAPHY, '2026-12-31', '2024-10-01'],
    [MAMMOGRAPHY, '2026-01-01', '2023-10-02'],
    [COLONOSCOPY, '2026-12-31', '2017-01-01'],
    [PRIOR_YEAR_ONLY, '2026-12-31', '2025-01-01'],
  ])('%j: as of %s, that many months back starts on %s', (window, asOf, loadedFrom) => {
    const months = measureWindowMonths(window);
    expect(referencePeriodStart(asOf, months)).toBe(loadedFrom);
    expect(loadedFrom <= measureWindow(asOf, window).start).toBe(true);
  });
});
