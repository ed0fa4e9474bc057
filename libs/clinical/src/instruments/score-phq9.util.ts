import type { ValidatedAnswers } from './instrument.types';
import {
  PHQ9_DEFAULT_POSITIVE_CUTOFF,
  PHQ9_INSTRUMENT,
  PHQ9_SAFETY_ITEM_NUMBER,
  PHQ9_SEVERITY_BANDS,
  type Phq9Severity,
} from './phq9.instrument';
import { assertCutoff, sumValues } from './score-instrument.util';

/** PHQ-9 scoring options. */
export interface Phq9ScoreOptions {
  /** Positive screen at total >= this (integer 1..27); default 10. */
  readonly positiveCutoff?: number;
}

interface Phq9ScoreBase {
  readonly instrument: 'phq-9';
  readonly version: string;
  /** 0..27. */
  readonly total: number;
  readonly severity: Phq9Severity;
  readonly positive: boolean;
  readonly positiveCutoff: number;
}

/**
 * A scored PHQ-9. `safetyRisk` (item 9 answered above 0, whatever the total) always comes with priority
 * 'urgent': a same-day safety follow-up. Otherwise priority is 'routine'.
 */
export type Phq9Score = Phq9ScoreBase &
  (
    | { readonly safetyRisk: true; readonly item9Answer: 1 | 2 | 3; readonly priority: 'urgent' }
    | { readonly safetyRisk: false; readonly item9Answer: 0; readonly priority: 'routine' }
  );

/** Severity band of a PHQ-9 total; throws RangeError outside 0..27 or for a non-integer. */
export function phq9Severity(total: number): Phq9Severity {
  const band = PHQ9_SEVERITY_BANDS.find((candidate) => total >= candidate.min && total <= candidate.max);
  if (band === undefined || !Number.isInteger(total)) {
    throw new RangeError('PHQ-9 total must be an integer from 0 to 27');
  }
  return band.severity;
}

/** Scores validated PHQ-9 answers. Throws RangeError for a cut-off that is not an integer in 1..27. */
export function scorePhq9(answers: ValidatedAnswers<'phq-9'>, options: Phq9ScoreOptions = {}): Phq9Score {
  const positiveCutoff = options.positiveCutoff ?? PHQ9_DEFAULT_POSITIVE_CUTOFF;
  assertCutoff('PHQ-9 positiveCutoff', positiveCutoff, PHQ9_INSTRUMENT.maxTotal);
  const total = sumValues(answers);
  const base: Phq9ScoreBase = {
    instrument: 'phq-9',
    version: answers.version,
    total,
    severity: phq9Severity(total),
    positive: total >= positiveCutoff,
    positiveCutoff,
  };
  const item9 = answers.values[PHQ9_SAFETY_ITEM_NUMBER - 1];
  if (item9 === 1 || item9 === 2 || item9 === 3) {
    return { ...base, safetyRisk: true, item9Answer: item9, priority: 'urgent' };
  }
  return { ...base, safetyRisk: false, item9Answer: 0, priority: 'routine' };
}
