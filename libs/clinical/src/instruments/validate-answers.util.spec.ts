import { AUDIT_C_INSTRUMENT } from './audit-c.instrument';
import { PHQ9_INSTRUMENT } from './phq9.instrument';
import { validateAnswers } from './validate-answers.util';

const completePhq9 = (): Record<string, unknown> => ({ '1': 0, '2': 1, '3': 2, '4': 3, '5': 0, '6': 1, '7': 2, '8': 3, '9': 0 });

describe('Answer validation', () => {
  it('accepts a complete PHQ-9 keyed by item number and returns the values in item order', () => {
    const result = validateAnswers(PHQ9_INSTRUMENT, completePhq9());
    expect(result.ok && result.answers).toMatchObject({ instrument: 'phq-9', version: '1.0.0', values: [0, 1, 2, 3, 0, 1, 2, 3, 0] });
  });

  it('accepts answers keyed by item LOINC code, or a mix of numbers and codes', () => {
    const byLoinc = Object.fromEntries(PHQ9_INSTRUMENT.items.map((item) => [item.loinc, 1]));
    expect(validateAnswers(PHQ9_INSTRUMENT, byLoinc).ok).toBe(true);
    const mixed: Record<string, unknown> = { ...completePhq9(), '44260-8': 2 };
    delete mixed['9'];
    const result = validateAnswers(PHQ9_INSTRUMENT, mixed);
    expect(result.ok && result.answers.values[8]).toBe(2);
  });

  it('accepts and ignores the unscored PHQ-9 functional question (69722-7)', () => {
    const result = validateAnswers(PHQ9_INSTRUMENT, { ...completePhq9(), '69722-7': 2 });
    expect(result.ok && result.answers.values).toHaveLength(9);
  });

  it('names every missing item', () => {
    const result = validateAnswers(PHQ9_INSTRUMENT, { '1': 0, '2': 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.item)).toEqual(['3', '4', '5', '6', '7', '8', '9']);
      expect(result.issues.every((issue) => issue.kind === 'missing')).toBe(true);
      expect(result.issues[6]?.message).toBe('PHQ-9 item 9 (44260-8): missing answer');
    }
  });

  it('names every out-of-range, fractional or non-numeric answer without repeating the value', () => {
    const result = validateAnswers(PHQ9_INSTRUMENT, { ...completePhq9(), '2': 4, '4': -1, '6': 1.5, '8': '2', '9': null });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => [issue.item, issue.kind])).toEqual([
        ['2', 'out-of-range'],
        ['4', 'out-of-range'],
        ['6', 'out-of-range'],
        ['8', 'not-a-number'],
        ['9', 'not-a-number'],
      ]);
      expect(result.issues[0]?.message).toBe('PHQ-9 item 2 (44255-8): answer must be one of 0, 1, 2, 3');
      expect(result.issues[1]?.message).toBe('PHQ-9 item 4 (44254-1): answer must be one of 0, 1, 2, 3');
      expect(result.issues.some((issue) => issue.message.includes('1.5'))).toBe(false);
    }
  });

  it('rejects NaN and Infinity as out of range', () => {
    const result = validateAnswers(AUDIT_C_INSTRUMENT, { '1': Number.NaN, '2': Number.POSITIVE_INFINITY, '3': 4 });
    expect(!result.ok && result.issues.map((issue) => issue.item)).toEqual(['1', '2']);
  });

  it('names unknown items and items answered twice', () => {
    const result = validateAnswers(AUDIT_C_INSTRUMENT, { '1': 0, '68518-0': 0, '2': 0, '3': 0, '4': 1, '68517-2': 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => [issue.item, issue.kind])).toEqual([
        ['1', 'duplicate'],
        ['4', 'unknown-item'],
        ['68517-2', 'unknown-item'],
      ]);
    }
  });

  it('allows 0..4 for AUDIT-C items and rejects 5', () => {
    expect(validateAnswers(AUDIT_C_INSTRUMENT, { '1': 4, '2': 4, '3': 4 }).ok).toBe(true);
    const result = validateAnswers(AUDIT_C_INSTRUMENT, { '1': 5, '2': 0, '3': 0 });
    expect(!result.ok && result.issues[0]?.message).toBe('AUDIT-C item 1 (68518-0): answer must be one of 0, 1, 2, 3, 4');
  });
});
