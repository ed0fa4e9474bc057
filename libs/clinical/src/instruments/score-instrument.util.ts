import type { ValidatedAnswers } from './instrument.types';

/** Sum of the validated item values. */
export function sumValues(answers: ValidatedAnswers): number {
  return answers.values.reduce((sum, value) => sum + value, 0);
}

/** Throws RangeError unless `cutoff` is an integer from 1 to `maxTotal` (a cut-off of 0 would make everyone positive). */
export function assertCutoff(name: string, cutoff: number, maxTotal: number): void {
  if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff > maxTotal) {
    throw new RangeError(`${name} must be an integer from 1 to ${maxTotal}`);
  }
}
