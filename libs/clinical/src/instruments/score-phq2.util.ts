import type { ValidatedAnswers } from './instrument.types';
import { PHQ2_DEFAULT_POSITIVE_CUTOFF, PHQ2_INSTRUMENT } from './phq2.instrument';
import { assertCutoff, sumValues } from './score-instrument.util';

/** PHQ-2 scoring options. */
export interface Phq2ScoreOptions {
  /** Positive screen at total >= this (integer 1..6); default 3. */
  readonly positiveCutoff?: number;
}

/** A scored PHQ-2: a positive pre-screen always leads to the full PHQ-9 (`next: 'phq-9'`). */
export type Phq2Score = {
  readonly instrument: 'phq-2';
  readonly version: string;
  /** 0..6. */
  readonly total: number;
  readonly positiveCutoff: number;
} & ({ readonly positive: true; readonly next: 'phq-9' } | { readonly positive: false; readonly next: null });

/**
 * Scores validated PHQ-2 answers. PHQ-2 has no safety item: a negative PHQ-2 does not rule out thoughts of
 * self-harm (only PHQ-9 item 9 asks). Throws RangeError for a cut-off that is not an integer in 1..6.
 */
export function scorePhq2(answers: ValidatedAnswers<'phq-2'>, options: Phq2ScoreOptions = {}): Phq2Score {
  const positiveCutoff = options.positiveCutoff ?? PHQ2_DEFAULT_POSITIVE_CUTOFF;
  assertCutoff('PHQ-2 positiveCutoff', positiveCutoff, PHQ2_INSTRUMENT.maxTotal);
  const total = sumValues(answers);
  const base = { instrument: 'phq-2', version: answers.version, total, positiveCutoff } as const;
  return total >= positiveCutoff ? { ...base, positive: true, next: 'phq-9' } : { ...base, positive: false, next: null };
}
