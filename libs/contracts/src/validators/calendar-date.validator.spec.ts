import { validateSubmission } from '../events/validate-submission';
import { CALENDAR_DATE_PATTERN, IsCalendarDate, isCalendarDate } from './calendar-date.validator';

class Visit {
  @IsCalendarDate()
  date!: string;
}

/** Reference implementation: a date is real when Date.UTC round-trips it. */
function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

describe('isCalendarDate', () => {
  it.each([
    ['2025-01-31'],
    ['2025-04-30'],
    ['2024-02-29'],
    ['2000-02-29'],
    ['1900-02-28'],
    ['2025-12-31'],
    ['1900-01-01'],
    ['2199-12-31'],
  ])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2100-02-29', 'century, not a leap year'],
    ['2025-02-30', 'February has no 30th'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-01-32', 'day 32'],
    ['2025-1-5', 'no zero padding'],
    ['20250115', 'no separators'],
    ['2025-01-15T00:00:00Z', 'a date-time'],
    ['2025/01/15', 'slashes'],
    ['', 'empty'],
    ['0000-01-01', 'year 0: no such year, and PostgreSQL refuses it'],
    ['0001-01-01', 'year 1: before 1900'],
    ['1800-06-15', 'before 1900'],
    ['1899-12-31', 'the day before the earliest'],
    ['2200-01-01', 'the day after the latest'],
    ['9999-12-31', 'a sentinel, not a date'],
  ])('rejects %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('agrees with Date, within 1900-01-01..2199-12-31, on every day 1-31 of every month of leap, common and century years', () => {
    for (const year of [1899, 1900, 1904, 1996, 1999, 2000, 2023, 2024, 2100, 2196, 2199, 2200, 2400]) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 1; day <= 31; day += 1) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const inRange = year >= 1900 && year <= 2199;
          expect([text, isCalendarDate(text)]).toEqual([text, inRange && isRealDate(year, month, day)]);
        }
      }
    }
  });

  it('compiles as a unicode pattern (as JSON Schema validators in other languages use it)', () => {
    expect(new RegExp(CALENDAR_DATE_PATTERN.source, 'u').test('2024-02-29')).toBe(true);
  });
});

describe('IsCalendarDate', () => {
  it.each([['2025-02-30'], [20250115], [null]])('reports %p on the field', (date) => {
    expect(validateSubmission(Visit, { date }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        {
          field: 'date',
          messages: ['date must be a real calendar date YYYY-MM-DD from 1900-01-01 to 2199-12-31'],
        },
      ],
    });
  });
});
