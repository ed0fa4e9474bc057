import type { InstrumentDefinition } from './instrument.types';
import { PHQ9_INSTRUMENT } from './phq9.instrument';

/** PHQ-2 default positive-screen cut-off (total >= 3): a positive PHQ-2 leads to the full PHQ-9. */
export const PHQ2_DEFAULT_POSITIVE_CUTOFF = 3;

/**
 * PHQ-2 pre-screen: PHQ-9 items 1 and 2 with the same item and answer codes.
 * Panel 55757-9 and total 55758-7 are NOT in the domain reference (CLINICAL.md section 4): to be verified against LOINC
 * before they are written to FHIR resources.
 */
export const PHQ2_INSTRUMENT = {
  id: 'phq-2',
  version: '1.0.0',
  title: 'Patient Health Questionnaire-2 (PHQ-2)',
  panelLoinc: '55757-9',
  totalLoinc: '55758-7',
  items: [PHQ9_INSTRUMENT.items[0], PHQ9_INSTRUMENT.items[1]],
  unscoredItems: [],
  minTotal: 0,
  maxTotal: 6,
  source: 'Kroenke K, Spitzer RL, Williams JB. Med Care 2003;41(11):1284-1292; PHQ-9 items 1-2 (Kroenke 2001); LOINC',
} as const satisfies InstrumentDefinition<'phq-2'>;
