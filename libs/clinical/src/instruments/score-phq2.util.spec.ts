import { expectValid } from './instrument-test.helpers';
import { PHQ2_INSTRUMENT } from './phq2.instrument';
import { scorePhq2 } from './score-phq2.util';
import { validateAnswers } from './validate-answers.util';

const score = (item1: number, item2: number, positiveCutoff?: number) =>
  scorePhq2(
    expectValid(validateAnswers(PHQ2_INSTRUMENT, { '1': item1, '2': item2 })),
    positiveCutoff === undefined ? {} : { positiveCutoff },
  );

describe('PHQ-2 pre-screen', () => {
  it('scores every answer pair 0..3 x 0..3 as the sum, positive (leading to PHQ-9) from 3', () => {
    for (let item1 = 0; item1 <= 3; item1 += 1) {
      for (let item2 = 0; item2 <= 3; item2 += 1) {
        const total = item1 + item2;
        const result = score(item1, item2);
        expect(result.total).toBe(total);
        expect(result.positive).toBe(total >= 3);
        expect(result.next).toBe(total >= 3 ? 'phq-9' : null);
      }
    }
  });

  it('is negative at 2 and positive at 3 (the boundary), with 0 and 6 at the ends', () => {
    expect(score(1, 1)).toMatchObject({ total: 2, positive: false, next: null });
    expect(score(2, 1)).toMatchObject({ total: 3, positive: true, next: 'phq-9' });
    expect(score(0, 0)).toMatchObject({ total: 0, positive: false });
    expect(score(3, 3)).toMatchObject({ total: 6, positive: true });
  });

  it('uses a configured cut-off', () => {
    expect(score(1, 1, 2)).toMatchObject({ positive: true, next: 'phq-9', positiveCutoff: 2 });
    expect(score(2, 1, 4)).toMatchObject({ positive: false, next: null });
  });

  it('rejects a cut-off outside 1..6', () => {
    expect(() => score(1, 1, 0)).toThrow(RangeError);
    expect(() => score(1, 1, 7)).toThrow(RangeError);
  });

  it('reuses PHQ-9 items 1 and 2 with their LOINC codes', () => {
    expect(PHQ2_INSTRUMENT.items.map((item) => item.loinc)).toEqual(['44250-9', '44255-8']);
  });
});
