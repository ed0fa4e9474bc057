import { expectValid, phq9AnswersWith } from './instrument-test.helpers';
import { PHQ9_INSTRUMENT } from './phq9.instrument';
import { phq9Severity, scorePhq9 } from './score-phq9.util';
import { validateAnswers } from './validate-answers.util';

const score = (total: number, item9 = 0, positiveCutoff?: number) =>
  scorePhq9(
    expectValid(validateAnswers(PHQ9_INSTRUMENT, phq9AnswersWith(total, item9))),
    positiveCutoff === undefined ? {} : { positiveCutoff },
  );

describe('PHQ-9 scoring', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ] as const)('puts a total of %i in the %s band', (total, severity) => {
    const item9 = total === 27 ? 3 : 0;
    const result = score(total, item9);
    expect(result.total).toBe(total);
    expect(result.severity).toBe(severity);
  });

  it('assigns every total 0..27 to exactly the band of the standard table', () => {
    const expected = (total: number) =>
      total <= 4 ? 'minimal' : total <= 9 ? 'mild' : total <= 14 ? 'moderate' : total <= 19 ? 'moderately-severe' : 'severe';
    for (let total = 0; total <= 27; total += 1) {
      expect(phq9Severity(total)).toBe(expected(total));
    }
  });

  it('rejects a total outside 0..27 or a fraction when asked for a band', () => {
    expect(() => phq9Severity(-1)).toThrow(RangeError);
    expect(() => phq9Severity(28)).toThrow(RangeError);
    expect(() => phq9Severity(4.5)).toThrow(RangeError);
  });

  it('is positive from a total of 10 by default (9 is negative)', () => {
    expect(score(9).positive).toBe(false);
    expect(score(10).positive).toBe(true);
    expect(score(10).positiveCutoff).toBe(10);
  });

  it('uses a configured cut-off', () => {
    expect(score(11, 0, 12).positive).toBe(false);
    expect(score(12, 0, 12).positive).toBe(true);
    expect(score(8, 0, 8).positive).toBe(true);
    expect(score(7, 0, 8).positiveCutoff).toBe(8);
  });

  it.each([0, 28, 9.5, Number.NaN])('rejects a cut-off of %p', (positiveCutoff) => {
    expect(() => score(10, 0, positiveCutoff)).toThrow(RangeError);
  });

  describe('every severity boundary with every item-9 value', () => {
    // Independent oracle: the published bands as a table, the default cut-off of 10 and the item-9 rule.
    const BOUNDARY_TOTALS = [0, 4, 5, 9, 10, 14, 15, 19, 20, 27] as const;
    const ORACLE_BAND: Record<(typeof BOUNDARY_TOTALS)[number], string> = {
      0: 'minimal',
      4: 'minimal',
      5: 'mild',
      9: 'mild',
      10: 'moderate',
      14: 'moderate',
      15: 'moderately-severe',
      19: 'moderately-severe',
      20: 'severe',
      27: 'severe',
    };
    // Items 1-8 hold 0..24 points, so a total is reachable with item 9 = v when total - v is in 0..24.
    const cases = BOUNDARY_TOTALS.flatMap((total) =>
      [0, 1, 2, 3].filter((item9) => total - item9 >= 0 && total - item9 <= 24).map((item9) => [total, item9] as const),
    );

    it('covers every reachable (boundary total, item 9) pair: 34 of 40', () => {
      expect(cases).toHaveLength(34);
    });

    it.each(cases)('total %i with item 9 = %i', (total, item9) => {
      expect(score(total, item9)).toEqual({
        instrument: 'phq-9',
        version: PHQ9_INSTRUMENT.version,
        total,
        severity: ORACLE_BAND[total],
        positive: total >= 10,
        positiveCutoff: 10,
        safetyRisk: item9 > 0,
        item9Answer: item9,
        priority: item9 > 0 ? 'urgent' : 'routine',
      });
    });
  });

  describe('item 9 (thoughts of self-harm)', () => {
    // Every item-9 value at a low (negative, minimal/mild) and a high (positive, severe) total.
    it.each([
      [0, 3, false],
      [1, 3, true],
      [2, 3, true],
      [3, 3, true],
      [0, 24, false],
      [1, 24, true],
      [2, 24, true],
      [3, 24, true],
    ])('flags item 9 = %i as a safety risk at any total (total %i: %p)', (item9, total, risk) => {
      const result = score(total, item9);
      expect(result.safetyRisk).toBe(risk);
      expect(result.item9Answer).toBe(item9);
      expect(result.priority).toBe(risk ? 'urgent' : 'routine');
    });

    it('flags item 9 as a safety risk even when item 9 is the only point (negative screen, minimal band)', () => {
      const result = score(1, 1);
      expect(result).toMatchObject({ total: 1, severity: 'minimal', positive: false, safetyRisk: true, priority: 'urgent' });
    });
  });

  it('reports the instrument and definition version', () => {
    expect(score(3)).toMatchObject({ instrument: 'phq-9', version: PHQ9_INSTRUMENT.version });
  });
});
