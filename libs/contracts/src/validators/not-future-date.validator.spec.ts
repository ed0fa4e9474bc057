import { validateSubmission } from '../events/validate-submission';
import { IsCalendarDate } from './calendar-date.validator';
import { IsNotFutureDate, isNotFutureDate, todayUtc } from './not-future-date.validator';

class Visit {
  @IsCalendarDate()
  @IsNotFutureDate()
  date!: string;
}

const dayOffset = (days: number): string => todayUtc(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

describe('isNotFutureDate', () => {
  const now = new Date('2025-06-01T23:30:00Z');

  it.each([
    ['2025-06-01', true, 'today (UTC)'],
    ['2025-05-31', true, 'yesterday'],
    ['1970-01-01', true, 'long ago'],
    ['2025-06-02', false, 'tomorrow (UTC), although it is already June 2nd east of UTC'],
    ['2026-01-01', false, 'next year'],
    ['2025-02-30', false, 'not a calendar date'],
  ])('%s -> %s (%s)', (value, expected) => {
    expect(isNotFutureDate(value, now)).toBe(expected);
  });

  it('uses the UTC date, not the local one', () => {
    expect(todayUtc(new Date('2025-06-01T00:30:00+02:00'))).toBe('2025-05-31');
  });
});

describe('IsNotFutureDate', () => {
  it('accepts today and rejects tomorrow (UTC)', () => {
    expect(validateSubmission(Visit, { date: dayOffset(0) }, { forbidUnknownFields: true }).ok).toBe(true);
    expect(validateSubmission(Visit, { date: dayOffset(1) }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [{ field: 'date', messages: ['date must not be after today (UTC)'] }],
    });
  });

  it('leaves malformed dates to IsCalendarDate (one message)', () => {
    expect(validateSubmission(Visit, { date: '2999-02-30' }, { forbidUnknownFields: true })).toEqual({
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
