import { screeningTrend, type ScoredScreening } from './screening-trend.util';

const at = (day: number): string => new Date(Date.UTC(2025, 0, day)).toISOString();
const screening = (screeningId: string, total: number, day: number): ScoredScreening => ({
  screeningId,
  total,
  completedAt: at(day),
});

describe('Screening trend', () => {
  it('is null without screenings', () => {
    expect(screeningTrend('phq-9', [])).toBeNull();
  });

  it('reports a single result with nothing to compare', () => {
    expect(screeningTrend('audit-c', [screening('A', 5, 1)])).toEqual({
      instrument: 'audit-c',
      count: 1,
      series: [screening('A', 5, 1)],
      first: screening('A', 5, 1),
      latest: screening('A', 5, 1),
      previous: null,
      changeSincePrevious: null,
      changeSinceFirst: null,
      direction: 'single-result',
    });
  });

  it('orders by completion time whatever the input order and compares the latest with the previous and the first', () => {
    const trend = screeningTrend('phq-9', [screening('C', 8, 60), screening('A', 18, 1), screening('B', 12, 30)]);
    expect(trend?.series.map((item) => item.screeningId)).toEqual(['A', 'B', 'C']);
    expect(trend).toMatchObject({ count: 3, changeSincePrevious: -4, changeSinceFirst: -10, direction: 'improving' });
  });

  it.each([
    [10, 14, 'worsening'],
    [14, 10, 'improving'],
    [9, 9, 'unchanged'],
  ] as const)('calls %i then %i %s (lower totals are better)', (before, after, direction) => {
    expect(screeningTrend('audit-c', [screening('A', before, 1), screening('B', after, 2)])?.direction).toBe(direction);
  });

  it('orders screenings completed at the same instant by id', () => {
    const trend = screeningTrend('phq-2', [screening('B', 1, 1), screening('A', 4, 1)]);
    expect(trend?.latest.screeningId).toBe('B');
  });

  describe('PHQ-9 monitoring', () => {
    it.each([
      // baseline, latest, significant change (>= 5 points), response (<= half of baseline), remission (< 5)
      [20, 16, false, false, false],
      [20, 15, true, false, false],
      [20, 10, true, true, false],
      [12, 4, true, true, true],
      [6, 4, false, false, true],
      [0, 3, false, null, true],
      [10, 15, true, false, false],
    ] as const)('baseline %i then %i: significant %p, response %p, remission %p', (baseline, latest, significant, response, remission) => {
      const trend = screeningTrend('phq-9', [screening('A', baseline, 1), screening('B', latest, 30)]);
      expect(trend?.phq9).toEqual({ significantChange: significant, response, remission });
    });

    it('measures response against the first screening and significance against the previous one', () => {
      const trend = screeningTrend('phq-9', [screening('A', 20, 1), screening('B', 12, 30), screening('C', 9, 60)]);
      expect(trend?.phq9).toEqual({ significantChange: false, response: true, remission: false });
    });

    it('has no response or significance with a single PHQ-9, and no PHQ-9 measures for other instruments', () => {
      expect(screeningTrend('phq-9', [screening('A', 3, 1)])?.phq9).toEqual({ significantChange: null, response: null, remission: true });
      expect(screeningTrend('audit-c', [screening('A', 3, 1), screening('B', 1, 2)])?.phq9).toBeUndefined();
    });
  });
});
