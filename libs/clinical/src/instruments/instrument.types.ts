/** Screening instruments defined in this library. */
export type InstrumentId = 'phq-9' | 'phq-2' | 'audit-c';

/** LOINC code system URI, as used in FHIR codings. */
export const LOINC_SYSTEM = 'http://loinc.org';

/** One allowed answer of an item: its score and its LOINC answer (LA) code. */
export interface AnswerOption {
  readonly value: number;
  readonly loincAnswer: string;
  readonly display: string;
}

/** One scored item (question) of an instrument. */
export interface InstrumentItem {
  /** 1-based position in the instrument. */
  readonly number: number;
  /** Item LOINC code; also the FHIR `linkId` this library expects. */
  readonly loinc: string;
  readonly text: string;
  /** Allowed answers, values ascending; any other value is rejected. */
  readonly answers: readonly AnswerOption[];
}

/** An item that may be present in a response but is never scored (e.g. PHQ-9 functional difficulty). */
export interface UnscoredItem {
  readonly loinc: string;
  readonly text: string;
}

/** A versioned instrument definition: plain data, no behaviour. */
export interface InstrumentDefinition<Id extends InstrumentId = InstrumentId> {
  readonly id: Id;
  /** Version of this definition (bump on any change to items, codes or scoring). */
  readonly version: string;
  readonly title: string;
  readonly panelLoinc: string;
  readonly totalLoinc: string;
  readonly items: readonly InstrumentItem[];
  /** Items accepted and ignored by validation and FHIR mapping. */
  readonly unscoredItems: readonly UnscoredItem[];
  readonly minTotal: number;
  readonly maxTotal: number;
  readonly source: string;
}

declare const validatedAnswersBrand: unique symbol;

/**
 * Answers that passed `validateAnswers` (or `answersFromQuestionnaireResponse`) for one instrument: one allowed value
 * per item, in item order (`values[0]` is item 1). Branded so scoring functions only accept validated answers.
 */
export interface ValidatedAnswers<Id extends InstrumentId = InstrumentId> {
  readonly instrument: Id;
  readonly version: string;
  readonly values: readonly number[];
  readonly [validatedAnswersBrand]: true;
}

/** Why an answer set was rejected. */
export type AnswerIssueKind =
  | 'missing'
  | 'not-a-number'
  | 'out-of-range'
  | 'unknown-item'
  | 'duplicate'
  | 'unknown-answer-code'
  | 'not-a-coding'
  | 'multiple-answers';

/**
 * One problem with one item. `item` is the item number ("9") for known items, or the key / linkId as given for
 * unknown items. Messages name the item but never repeat the submitted value (answers are PHI).
 */
export interface AnswerIssue {
  readonly kind: AnswerIssueKind;
  readonly item: string;
  readonly message: string;
}

/** Result of validating or mapping an answer set: the validated answers, or every issue found. */
export type AnswerValidationResult<Id extends InstrumentId = InstrumentId> =
  | { readonly ok: true; readonly answers: ValidatedAnswers<Id> }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };
