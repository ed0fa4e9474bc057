import { AUDIT_C_INSTRUMENT } from './audit-c.instrument';
import { expectValid } from './instrument-test.helpers';
import { scoreAuditC, type AuditCSex } from './score-audit-c.util';
import { validateAnswers } from './validate-answers.util';

const SEXES: readonly AuditCSex[] = ['male', 'female', 'other', 'unknown'];

/** Independent oracle: the published rule written out as a table, not derived from the code under test. */
const ORACLE_CUTOFF: Record<AuditCSex, number> = { male: 4, female: 3, other: 3, unknown: 3 };

const validated = (q1: number, q2: number, q3: number) =>
  expectValid(validateAnswers(AUDIT_C_INSTRUMENT, { '68518-0': q1, '68519-8': q2, '68520-6': q3 }));

describe('AUDIT-C scoring', () => {
  it('matches the oracle for all 125 answer sets and every sex (500 cases)', () => {
    let cases = 0;
    for (let q1 = 0; q1 <= 4; q1 += 1) {
      for (let q2 = 0; q2 <= 4; q2 += 1) {
        for (let q3 = 0; q3 <= 4; q3 += 1) {
          for (const sex of SEXES) {
            const total = q1 + q2 + q3;
            expect(scoreAuditC(validated(q1, q2, q3), { sex })).toEqual({
              instrument: 'audit-c',
              version: AUDIT_C_INSTRUMENT.version,
              total,
              positive: total >= ORACLE_CUTOFF[sex],
              onlyFrequencyPoints: q1 > 0 && q2 === 0 && q3 === 0,
              cutoffApplied: ORACLE_CUTOFF[sex],
              cutoffBasis: sex === 'male' || sex === 'female' ? sex : 'other-or-unknown',
            });
            cases += 1;
          }
        }
      }
    }
    expect(cases).toBe(500);
  });

  it('is positive at 4 but not 3 for men, at 3 but not 2 for women', () => {
    expect(scoreAuditC(validated(1, 1, 1), { sex: 'male' }).positive).toBe(false);
    expect(scoreAuditC(validated(2, 1, 1), { sex: 'male' }).positive).toBe(true);
    expect(scoreAuditC(validated(1, 1, 0), { sex: 'female' }).positive).toBe(false);
    expect(scoreAuditC(validated(1, 1, 1), { sex: 'female' }).positive).toBe(true);
  });

  it('applies the more sensitive cut-off of 3 for other or unknown sex', () => {
    expect(scoreAuditC(validated(1, 1, 1), { sex: 'other' })).toMatchObject({ positive: true, cutoffApplied: 3 });
    expect(scoreAuditC(validated(1, 1, 1), { sex: 'unknown' })).toMatchObject({ positive: true, cutoffApplied: 3 });
  });

  it('notes when all points come from question 1 (a positive screen likely below recommended limits)', () => {
    expect(scoreAuditC(validated(4, 0, 0), { sex: 'male' })).toMatchObject({ total: 4, positive: true, onlyFrequencyPoints: true });
    expect(scoreAuditC(validated(3, 1, 0), { sex: 'male' }).onlyFrequencyPoints).toBe(false);
    expect(scoreAuditC(validated(0, 0, 0), { sex: 'male' }).onlyFrequencyPoints).toBe(false);
  });

  it('uses configured cut-offs per sex and keeps the defaults for the others', () => {
    const cutoffs = { male: 5, female: 4 };
    expect(scoreAuditC(validated(2, 1, 1), { sex: 'male', cutoffs })).toMatchObject({ positive: false, cutoffApplied: 5 });
    expect(scoreAuditC(validated(1, 1, 1), { sex: 'female', cutoffs })).toMatchObject({ positive: false, cutoffApplied: 4 });
    expect(scoreAuditC(validated(1, 1, 1), { sex: 'unknown', cutoffs })).toMatchObject({ positive: true, cutoffApplied: 3 });
    expect(scoreAuditC(validated(1, 1, 0), { sex: 'other', cutoffs: { otherOrUnknown: 2 } })).toMatchObject({
      positive: true,
      cutoffApplied: 2,
    });
  });

  it('rejects a cut-off outside 1..12', () => {
    expect(() => scoreAuditC(validated(1, 1, 1), { sex: 'male', cutoffs: { male: 0 } })).toThrow(RangeError);
    expect(() => scoreAuditC(validated(1, 1, 1), { sex: 'female', cutoffs: { female: 13 } })).toThrow(RangeError);
  });
});
