import type {
  AnswerIssue,
  AnswerValidationResult,
  InstrumentDefinition,
  InstrumentId,
  InstrumentItem,
  ValidatedAnswers,
} from './instrument.types';

/** Human label of an item used in issue messages, e.g. "PHQ-9 item 9 (44260-8)". */
export function itemLabel(definition: InstrumentDefinition, item: InstrumentItem): string {
  return `${definition.id.toUpperCase()} item ${item.number} (${item.loinc})`;
}

/** Builds the branded validated answers; only called after every item has been checked. */
export function toValidatedAnswers<Id extends InstrumentId>(
  definition: InstrumentDefinition<Id>,
  values: readonly number[],
): ValidatedAnswers<Id> {
  return { instrument: definition.id, version: definition.version, values } as unknown as ValidatedAnswers<Id>;
}

/**
 * Validates a direct answer set keyed by item number ("1".."9") or item LOINC code ("44250-9").
 *
 * Catches: missing items, non-numbers, values that are not an allowed answer value of that item (fractions,
 * negatives, too high), keys that are not an item of the instrument, and an item given twice (by number and by
 * LOINC). Unscored items of the definition (PHQ-9 functional question 69722-7) are accepted and ignored unchecked.
 * Does not catch: answers that are valid but clinically implausible, or answers meant for another instrument
 * that share an item LOINC (PHQ-2 answers are PHQ-9 items 1-2 and validate as such).
 * Every issue is reported, one per item; messages never contain the submitted value.
 */
export function validateAnswers<Id extends InstrumentId>(
  definition: InstrumentDefinition<Id>,
  answers: Readonly<Record<string, unknown>>,
): AnswerValidationResult<Id> {
  const issues: AnswerIssue[] = [];
  const unscored = new Set(definition.unscoredItems.map((item) => item.loinc));
  const known = new Set<string>(unscored);
  const values: number[] = [];

  for (const item of definition.items) {
    const byNumber = String(item.number);
    known.add(byNumber);
    known.add(item.loinc);
    const label = itemLabel(definition, item);
    const hasNumber = Object.hasOwn(answers, byNumber);
    const hasLoinc = Object.hasOwn(answers, item.loinc);
    if (hasNumber && hasLoinc) {
      issues.push({ kind: 'duplicate', item: byNumber, message: `${label}: answered twice (by number and by LOINC code)` });
      continue;
    }
    if (!hasNumber && !hasLoinc) {
      issues.push({ kind: 'missing', item: byNumber, message: `${label}: missing answer` });
      continue;
    }
    const value = hasNumber ? answers[byNumber] : answers[item.loinc];
    if (typeof value !== 'number') {
      issues.push({ kind: 'not-a-number', item: byNumber, message: `${label}: answer must be a number` });
      continue;
    }
    if (!item.answers.some((option) => option.value === value)) {
      const allowed = item.answers.map((option) => option.value).join(', ');
      issues.push({ kind: 'out-of-range', item: byNumber, message: `${label}: answer must be one of ${allowed}` });
      continue;
    }
    values.push(value);
  }

  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      issues.push({ kind: 'unknown-item', item: key, message: `Not an item of ${definition.id.toUpperCase()}` });
    }
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: toValidatedAnswers(definition, values) };
}
