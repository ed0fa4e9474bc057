import type { AnswerValidationResult, InstrumentId, ValidatedAnswers } from './instrument.types';

/** Test helper: unwraps a successful validation, failing the test with the issues otherwise. */
export function expectValid<Id extends InstrumentId>(result: AnswerValidationResult<Id>): ValidatedAnswers<Id> {
  if (!result.ok) {
    throw new Error(`expected valid answers, got: ${result.issues.map((issue) => issue.message).join('; ')}`);
  }
  return result.answers;
}

/** Test helper: PHQ-9 answers (items 1..9 by number) with the given total and item 9 value. */
export function phq9AnswersWith(total: number, item9: number): Record<string, number> {
  let rest = total - item9;
  if (rest < 0 || rest > 24) {
    throw new Error(`no PHQ-9 answer set has total ${total} with item 9 = ${item9}`);
  }
  const answers: Record<string, number> = { '9': item9 };
  for (let item = 1; item <= 8; item += 1) {
    const value = Math.min(3, rest);
    answers[String(item)] = value;
    rest -= value;
  }
  return answers;
}
