import {
  AUDIT_C_INSTRUMENT,
  PHQ2_INSTRUMENT,
  PHQ9_INSTRUMENT,
  type InstrumentDefinition,
  type InstrumentId,
  type ValidatedAnswers,
} from '@care/clinical';

/** The instrument definitions this service scores, by id (the contract's `instrument` values). */
export const INSTRUMENT_DEFINITIONS = {
  'phq-9': PHQ9_INSTRUMENT,
  'phq-2': PHQ2_INSTRUMENT,
  'audit-c': AUDIT_C_INSTRUMENT,
} as const satisfies Record<InstrumentId, InstrumentDefinition>;

/** Validated answers of any instrument, as a union discriminated by `instrument`. */
export type AnyValidatedAnswers = ValidatedAnswers<'phq-9'> | ValidatedAnswers<'phq-2'> | ValidatedAnswers<'audit-c'>;

/** The instrument whose panel LOINC code this is, if any. */
export function instrumentOfPanel(panelLoinc: string): InstrumentId | undefined {
  return Object.values(INSTRUMENT_DEFINITIONS).find(
    (definition) => definition.panelLoinc === panelLoinc,
  )?.id;
}
