import { referencePeriodStart } from './reference-period-start.util';

describe('referencePeriodStart', () => {
  it.each([
    ['2024-12-31', 12, '2024-01-01'],
    ['2024-12-31', 24, '2023-01-01'],
    ['2024-06-15', 12, '2023-06-16'],
    ['2024-02-29', 12, '2023-03-01'],
    ['2024-03-31', 1, '2024-03-01'],
    ['2024-01-15', 1, '2023-12-16'],
  ] as const)('%s minus %d months starts on %s', (asOf, months, start) => {
    expect(referencePeriodStart(asOf, months)).toBe(start);
  });
});
