import { flattenResponseItems, loincOfLinkId } from './answers-from-questionnaire-response.util';
import { PHQ9_INSTRUMENT, PHQ9_SAFETY_ITEM_NUMBER } from './phq9.instrument';
import type { FhirQuestionnaireResponse } from './questionnaire-response.types';

/**
 * Item 9 on its own, for answer sets that may be rejected as a whole: 'risk' (answered 1..3), 'no-risk'
 * (answered 0 and nothing else says 1..3) or 'unknown' (absent or not an allowed answer).
 */
export type Phq9SafetySignal = 'risk' | 'no-risk' | 'unknown';

const SAFETY_ITEM = PHQ9_INSTRUMENT.items[PHQ9_SAFETY_ITEM_NUMBER - 1];

function signalOf(values: readonly unknown[]): Phq9SafetySignal {
  if (values.some((value) => value === 1 || value === 2 || value === 3)) {
    return 'risk';
  }
  return values.length > 0 && values.every((value) => value === 0) ? 'no-risk' : 'unknown';
}

/**
 * Reads PHQ-9 item 9 from direct answers (key "9" or "44260-8") even when other items are missing or invalid, so a
 * rejected submission never hides a safety risk. Any copy answered 1..3 is a risk (the sensitive reading of
 * conflicting duplicates). Does not catch risk expressed outside item 9; 'unknown' should go to human review.
 */
export function phq9SafetySignal(answers: Readonly<Record<string, unknown>>): Phq9SafetySignal {
  const keys = [String(SAFETY_ITEM.number), SAFETY_ITEM.loinc].filter((key) => Object.hasOwn(answers, key));
  return signalOf(keys.map((key) => answers[key]));
}

/**
 * Same as `phq9SafetySignal` for a QuestionnaireResponse: every answer of every item whose linkId names 44260-8,
 * read through its LOINC answer code. Codes that are not PHQ answer codes count as 'unknown', not as no risk.
 */
export function phq9SafetySignalInResponse(response: FhirQuestionnaireResponse): Phq9SafetySignal {
  const values = flattenResponseItems(response.item ?? [])
    .filter((item) => loincOfLinkId(item.linkId) === SAFETY_ITEM.loinc)
    .flatMap((item) => item.answer ?? [])
    .map((answer) => SAFETY_ITEM.answers.find((option) => option.loincAnswer === answer.valueCoding?.code)?.value);
  return signalOf(values);
}
