import { validateSubmission } from '../events/validate-submission';
import { IsIsoInstant, isIsoInstant } from './iso-instant.validator';

class Received {
  @IsIsoInstant()
  receivedAt!: string;
}

describe('isIsoInstant', () => {
  it.each([
    ['2025-01-15T10:00:00Z', true],
    ['2025-01-15T10:00:00.123Z', true],
    ['2025-01-15T10:00:00+02:00', true],
    ['2024-02-29T23:59:59.123456789-05:00', true],
    ['2025-01-15', false],
    ['2025-01-15T10:00:00', false],
    ['2025-02-30T10:00:00Z', false],
    ['2025-01-15 10:00:00Z', false],
    ['2025-01-15T24:00:00Z', false],
    ['2025-01-15T10:00Z', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isIsoInstant(value)).toBe(expected);
  });
});

describe('IsIsoInstant', () => {
  it('names the field', () => {
    expect(validateSubmission(Received, { receivedAt: '2025-01-15' }, { forbidUnknownFields: true })).toEqual(
      {
        ok: false,
        issues: [
          {
            field: 'receivedAt',
            messages: ['receivedAt must be an ISO-8601 instant with a time zone (e.g. 2025-01-15T10:00:00Z)'],
          },
        ],
      },
    );
  });
});
