import type { AnswerIssue, AnswerValidationResult, InstrumentDefinition, InstrumentId } from './instrument.types';
import { LOINC_SYSTEM } from './instrument.types';
import type { FhirQuestionnaireResponse, FhirQuestionnaireResponseItem } from './questionnaire-response.types';
import { itemLabel, validateAnswers } from './validate-answers.util';

/** The LOINC code a linkId names: the linkId itself or its last path segment ("/44249-1/44250-9" -> "44250-9"). */
export function loincOfLinkId(linkId: string): string {
  const segments = linkId.split('/');
  return segments[segments.length - 1] ?? linkId;
}

/**
 * Maps a QuestionnaireResponse to validated answers of `definition` (same result shape as `validateAnswers`).
 *
 * Items are matched by linkId = item LOINC (or a path ending in it); groups are searched recursively, including
 * items nested under answers. Each item must have exactly one answer whose `valueCoding.code` is one of that item's
 * LOINC answer (LA) codes; a coding with a system other than LOINC is rejected; a missing system is accepted.
 * Codes are looked up per item, since AUDIT-C questions 1 and 3 share LA6270-8 ("Never").
 * Ignored: the panel and total-score items (the total is always recomputed, never trusted) and unscored items
 * (PHQ-9 69722-7). Not caught: a response's `questionnaire` or `status` (callers decide what statuses to accept),
 * and `valueInteger` scores without a coding (rejected as not-a-coding, not converted).
 */
export function answersFromQuestionnaireResponse<Id extends InstrumentId>(
  definition: InstrumentDefinition<Id>,
  response: FhirQuestionnaireResponse,
): AnswerValidationResult<Id> {
  const issues: AnswerIssue[] = [];
  const answers = new Map<string, number>();
  const seen = new Set<string>();
  const ignored = new Set<string>([
    definition.panelLoinc,
    definition.totalLoinc,
    ...definition.unscoredItems.map((item) => item.loinc),
  ]);

  for (const responseItem of flattenResponseItems(response.item ?? [])) {
    const loinc = loincOfLinkId(responseItem.linkId);
    const item = definition.items.find((candidate) => candidate.loinc === loinc);
    if (item === undefined) {
      const isGroup = (responseItem.answer ?? []).length === 0 && (responseItem.item ?? []).length > 0;
      if (!ignored.has(loinc) && !isGroup) {
        issues.push({
          kind: 'unknown-item',
          item: responseItem.linkId,
          message: `Not an item of ${definition.id.toUpperCase()}`,
        });
      }
      continue;
    }
    const label = itemLabel(definition, item);
    const key = String(item.number);
    if (seen.has(key)) {
      issues.push({ kind: 'duplicate', item: key, message: `${label}: item appears more than once` });
      answers.delete(key);
      continue;
    }
    seen.add(key);
    const itemAnswers = responseItem.answer ?? [];
    if (itemAnswers.length === 0) {
      continue; // reported as missing by validateAnswers
    }
    if (itemAnswers.length > 1) {
      issues.push({ kind: 'multiple-answers', item: key, message: `${label}: more than one answer` });
      continue;
    }
    const coding = itemAnswers[0]?.valueCoding;
    if (coding?.code === undefined || (coding.system !== undefined && coding.system !== LOINC_SYSTEM)) {
      issues.push({ kind: 'not-a-coding', item: key, message: `${label}: answer must be a LOINC answer coding` });
      continue;
    }
    const option = item.answers.find((candidate) => candidate.loincAnswer === coding.code);
    if (option === undefined) {
      issues.push({ kind: 'unknown-answer-code', item: key, message: `${label}: answer code is not allowed for this item` });
      continue;
    }
    answers.set(key, option.value);
  }

  const validated = validateAnswers(definition, Object.fromEntries(answers));
  if (issues.length === 0) {
    return validated;
  }
  // Items with a mapping issue were not added to `answers`; drop validateAnswers' "missing" for them.
  const reported = new Set(issues.map((issue) => issue.item));
  const remaining = validated.ok ? [] : validated.issues.filter((issue) => !reported.has(issue.item));
  return { ok: false, issues: [...issues, ...remaining] };
}

/** Every item of a response, depth first: groups, their items, and items nested under answers. */
export function flattenResponseItems(items: readonly FhirQuestionnaireResponseItem[]): FhirQuestionnaireResponseItem[] {
  return items.flatMap((item) => [
    item,
    ...flattenResponseItems(item.item ?? []),
    ...flattenResponseItems((item.answer ?? []).flatMap((answer) => answer.item ?? [])),
  ]);
}
