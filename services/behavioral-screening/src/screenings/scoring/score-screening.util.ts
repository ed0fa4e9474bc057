import { scoreAuditC, scorePhq2, scorePhq9, type AuditCSex, type InstrumentDefinition } from '@care/clinical';
import type {
  AuditCCutoffBasisName,
  Phq9SeverityBand,
  ScreeningAnswer,
  ScreeningInstrument,
  ScreeningPriority,
} from '@care/contracts';
import { INSTRUMENT_DEFINITIONS, type AnyValidatedAnswers } from './instrument-definitions';

/** Configured positive cut-offs (validated at start-up). */
export interface ScoringCutoffs {
  readonly phq9: number;
  readonly phq2: number;
  readonly auditC: { readonly male: number; readonly female: number; readonly otherOrUnknown: number };
}

/** A scored screening in the shape of the `screening-completed` payload's scoring fields. */
export interface ScreeningScore {
  readonly instrument: ScreeningInstrument;
  readonly instrumentVersion: string;
  readonly panelLoinc: string;
  readonly totalLoinc: string;
  readonly total: number;
  /** PHQ-9 only. */
  readonly severity?: Phq9SeverityBand;
  readonly positive: boolean;
  readonly positiveCutoff: number;
  readonly safetyFlag: boolean;
  readonly priority: ScreeningPriority;
  readonly answers: readonly ScreeningAnswer[];
  /** AUDIT-C only. */
  readonly onlyFrequencyPoints?: boolean;
  /** AUDIT-C only. */
  readonly cutoffBasis?: AuditCCutoffBasisName;
}

/**
 * Routing priority for the casework queue: a safety risk is `urgent` (same-day follow-up) whatever the total;
 * another positive screen is `high`; anything else `routine`.
 */
export function priorityOf(safetyFlag: boolean, positive: boolean): ScreeningPriority {
  if (safetyFlag) return 'urgent';
  return positive ? 'high' : 'routine';
}

/** Every item with its answer's value and LOINC answer code, in item order. */
function answersOf(definition: InstrumentDefinition, values: readonly number[]): ScreeningAnswer[] {
  return definition.items.map((item, index) => {
    const value = values[index];
    const option = item.answers.find((candidate) => candidate.value === value);
    if (value === undefined || option === undefined) throw new Error(`validated answers lack item ${item.number}`);
    return { item: item.number, loinc: item.loinc, value, answerLoinc: option.loincAnswer };
  });
}

/**
 * Scores validated answers with the configured cut-offs. `sex` selects the AUDIT-C cut-off and is ignored by the
 * PHQ instruments. The safety flag comes from PHQ-9 item 9 only (PHQ-2 and AUDIT-C have no safety item).
 */
export function scoreScreening(answers: AnyValidatedAnswers, sex: AuditCSex, cutoffs: ScoringCutoffs): ScreeningScore {
  const definition: InstrumentDefinition = INSTRUMENT_DEFINITIONS[answers.instrument];
  const common = {
    instrument: answers.instrument,
    instrumentVersion: answers.version,
    panelLoinc: definition.panelLoinc,
    totalLoinc: definition.totalLoinc,
    answers: answersOf(definition, answers.values),
  };
  switch (answers.instrument) {
    case 'phq-9': {
      const score = scorePhq9(answers, { positiveCutoff: cutoffs.phq9 });
      return {
        ...common,
        total: score.total,
        severity: score.severity,
        positive: score.positive,
        positiveCutoff: score.positiveCutoff,
        safetyFlag: score.safetyRisk,
        priority: priorityOf(score.safetyRisk, score.positive),
      };
    }
    case 'phq-2': {
      const score = scorePhq2(answers, { positiveCutoff: cutoffs.phq2 });
      return {
        ...common,
        total: score.total,
        positive: score.positive,
        positiveCutoff: score.positiveCutoff,
        safetyFlag: false,
        priority: priorityOf(false, score.positive),
      };
    }
    case 'audit-c': {
      const score = scoreAuditC(answers, { sex, cutoffs: cutoffs.auditC });
      return {
        ...common,
        total: score.total,
        positive: score.positive,
        positiveCutoff: score.cutoffApplied,
        safetyFlag: false,
        priority: priorityOf(false, score.positive),
        onlyFrequencyPoints: score.onlyFrequencyPoints,
        cutoffBasis: score.cutoffBasis,
      };
    }
  }
}
