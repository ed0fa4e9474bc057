import { AUDIT_C_DEFAULT_CUTOFFS, AUDIT_C_INSTRUMENT } from './audit-c.instrument';
import type { ValidatedAnswers } from './instrument.types';
import { assertCutoff, sumValues } from './score-instrument.util';

/** Sex as recorded for the member; selects the AUDIT-C cut-off. */
export type AuditCSex = 'female' | 'male' | 'other' | 'unknown';

/** Which configured cut-off was applied. */
export type AuditCCutoffBasis = 'male' | 'female' | 'other-or-unknown';

/** AUDIT-C scoring options. */
export interface AuditCScoreOptions {
  readonly sex: AuditCSex;
  /** Positive at total >= cut-off (integers 1..12); defaults male 4, female 3, other/unknown 3. */
  readonly cutoffs?: { readonly male?: number; readonly female?: number; readonly otherOrUnknown?: number };
}

/** A scored AUDIT-C. */
export interface AuditCScore {
  readonly instrument: 'audit-c';
  readonly version: string;
  /** 0..12. */
  readonly total: number;
  readonly positive: boolean;
  /**
   * True when the total is above 0 and every point comes from question 1 (questions 2 and 3 are 0): drinking is
   * likely below recommended limits; a reviewer may discount a positive screen. False for a total of 0.
   */
  readonly onlyFrequencyPoints: boolean;
  readonly cutoffApplied: number;
  readonly cutoffBasis: AuditCCutoffBasis;
}

/**
 * Scores validated AUDIT-C answers. Sex 'other' and 'unknown' use `otherOrUnknown` (default 3, the more sensitive
 * cut-off). Throws RangeError for a cut-off that is not an integer in 1..12.
 */
export function scoreAuditC(answers: ValidatedAnswers<'audit-c'>, options: AuditCScoreOptions): AuditCScore {
  const cutoffBasis = cutoffBasisOf(options.sex);
  const cutoffs = options.cutoffs ?? {};
  const cutoffApplied =
    cutoffBasis === 'male'
      ? (cutoffs.male ?? AUDIT_C_DEFAULT_CUTOFFS.male)
      : cutoffBasis === 'female'
        ? (cutoffs.female ?? AUDIT_C_DEFAULT_CUTOFFS.female)
        : (cutoffs.otherOrUnknown ?? AUDIT_C_DEFAULT_CUTOFFS.otherOrUnknown);
  assertCutoff(`AUDIT-C ${cutoffBasis} cut-off`, cutoffApplied, AUDIT_C_INSTRUMENT.maxTotal);
  const total = sumValues(answers);
  const [, typicalDay, sixOrMore] = answers.values;
  return {
    instrument: 'audit-c',
    version: answers.version,
    total,
    positive: total >= cutoffApplied,
    onlyFrequencyPoints: total > 0 && typicalDay === 0 && sixOrMore === 0,
    cutoffApplied,
    cutoffBasis,
  };
}

function cutoffBasisOf(sex: AuditCSex): AuditCCutoffBasis {
  switch (sex) {
    case 'male':
      return 'male';
    case 'female':
      return 'female';
    case 'other':
    case 'unknown':
      return 'other-or-unknown';
  }
}
