import { proportionOfDaysCovered, type SupplyFill } from './proportion-of-days-covered.util';

const fill = (date: string, daysSupply: number): SupplyFill => ({ date, daysSupply });

describe('proportionOfDaysCovered', () => {
  // Every expectation below is counted by hand: treatment days from the first fill to the period end (both
  // included), covered days per fill after carry-over and the cut at the period end.
  type Case = [description: string, fills: SupplyFill[], periodEnd: string, treatmentDays: number, coveredDays: number];
  const cases: Case[] = [
    ['no fills', [], '2025-03-31', 0, 0],
    // 15..31 March
    ['one fill cut at the period end', [fill('2025-03-15', 30)], '2025-03-31', 17, 17],
    // 1 January .. 31 March = 31 + 28 + 31; the fill covers 1..30 January
    ['one fill well before the period end', [fill('2025-01-01', 30)], '2025-03-31', 90, 30],
    ['one fill on the period end', [fill('2025-03-31', 30)], '2025-03-31', 1, 1],
    [
      'back-to-back fills',
      [fill('2025-01-01', 31), fill('2025-02-01', 28), fill('2025-03-01', 31)],
      '2025-03-31',
      90,
      90,
    ],
    // 1..30 January; the second fill starts 31 January (not 20 January) and covers 31 January .. 1 March
    ['overlapping fills carry over', [fill('2025-01-01', 30), fill('2025-01-20', 30)], '2025-03-31', 90, 60],
    ['the same fills given out of date order', [fill('2025-01-20', 30), fill('2025-01-01', 30)], '2025-03-31', 90, 60],
    // 1..30 January; 31 January .. 1 March; 2..31 March
    [
      'carry-over chains across several fills',
      [fill('2025-01-01', 30), fill('2025-01-15', 30), fill('2025-02-10', 30)],
      '2025-03-31',
      90,
      90,
    ],
    // 1..30 March; the second fill would start 31 March and is cut to that one day
    ['carried-over supply is cut at the period end', [fill('2025-03-01', 30), fill('2025-03-10', 30)], '2025-03-31', 31, 31],
    ['two fills on the same day carry over', [fill('2025-03-01', 10), fill('2025-03-01', 10)], '2025-03-31', 31, 20],
    // 1..30 January and 1..31 March; February uncovered
    ['a gap between fills', [fill('2025-01-01', 30), fill('2025-03-01', 31)], '2025-03-31', 90, 61],
    ['a fill after the period end is ignored', [fill('2025-01-01', 30), fill('2025-04-01', 90)], '2025-03-31', 90, 30],
    ['only fills after the period end', [fill('2025-04-01', 30)], '2025-03-31', 0, 0],
    // the treatment period starts at the first fill on or before the period end: 1 February .. 31 March
    ['a later-dated fill does not start the period', [fill('2025-04-01', 30), fill('2025-02-01', 28)], '2025-03-31', 59, 28],
    // leap year: 1 February .. 31 March 2024 = 29 + 31; 1 February .. 1 March (30) and 15..31 March (17)
    ['across 29 February', [fill('2024-02-01', 30), fill('2024-03-15', 30)], '2024-03-31', 60, 47],
    // 23 September .. 31 December = 8 + 31 + 30 + 31 = 100; 23 September .. 1 November (40), 22 November .. 31 December (40)
    ['exactly 80 of 100 days', [fill('2025-09-23', 40), fill('2025-11-22', 40)], '2025-12-31', 100, 80],
  ];

  it.each(cases)('%s', (_description, fills, periodEnd, treatmentDays, coveredDays) => {
    const result = proportionOfDaysCovered(fills, periodEnd);
    expect(result.treatmentDays).toBe(treatmentDays);
    expect(result.coveredDays).toBe(coveredDays);
    expect(result.proportion).toBe(treatmentDays === 0 ? 0 : coveredDays / treatmentDays);
  });

  it.each([
    ['overlapping fills: 60 of 90 days', [fill('2025-01-01', 30), fill('2025-01-20', 30)], '2025-03-31', 0.6667],
    ['one 30-day fill over 90 days', [fill('2025-01-01', 30)], '2025-03-31', 0.3333],
    ['a gap between fills: 61 of 90 days', [fill('2025-01-01', 30), fill('2025-03-01', 31)], '2025-03-31', 0.6778],
    ['leap year: 47 of 60 days', [fill('2024-02-01', 30), fill('2024-03-15', 30)], '2024-03-31', 0.7833],
    ['fully covered', [fill('2025-01-01', 31), fill('2025-02-01', 28), fill('2025-03-01', 31)], '2025-03-31', 1],
  ] as const)('%s → PDC %d', (_description, fills, periodEnd, proportion) => {
    expect(proportionOfDaysCovered(fills, periodEnd).proportion).toBeCloseTo(proportion, 4);
  });

  it('gives exactly 0.8 for 80 of 100 days (the adherence threshold)', () => {
    expect(proportionOfDaysCovered([fill('2025-09-23', 40), fill('2025-11-22', 40)], '2025-12-31').proportion).toBe(0.8);
  });

  it('does not change the fills it is given', () => {
    const fills = [fill('2025-01-20', 30), fill('2025-01-01', 30)];
    proportionOfDaysCovered(fills, '2025-03-31');
    expect(fills).toEqual([fill('2025-01-20', 30), fill('2025-01-01', 30)]);
  });
});
