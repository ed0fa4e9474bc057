import type { InstrumentDefinition } from './instrument.types';

/** PHQ answers (all PHQ-9 / PHQ-2 items): frequency over the last two weeks, 0..3. */
export const PHQ_FREQUENCY_ANSWERS = [
  { value: 0, loincAnswer: 'LA6568-5', display: 'Not at all' },
  { value: 1, loincAnswer: 'LA6569-3', display: 'Several days' },
  { value: 2, loincAnswer: 'LA6570-1', display: 'More than half the days' },
  { value: 3, loincAnswer: 'LA6571-9', display: 'Nearly every day' },
] as const;

/** PHQ-9 item number whose non-zero answer is a safety risk (thoughts of being better off dead or self-harm). */
export const PHQ9_SAFETY_ITEM_NUMBER = 9;

/** PHQ-9 default positive-screen cut-off (total >= 10). */
export const PHQ9_DEFAULT_POSITIVE_CUTOFF = 10;

/** PHQ-9 severity bands (inclusive totals). */
export const PHQ9_SEVERITY_BANDS = [
  { severity: 'minimal', min: 0, max: 4 },
  { severity: 'mild', min: 5, max: 9 },
  { severity: 'moderate', min: 10, max: 14 },
  { severity: 'moderately-severe', min: 15, max: 19 },
  { severity: 'severe', min: 20, max: 27 },
] as const;

/** PHQ-9 severity band names. */
export type Phq9Severity = (typeof PHQ9_SEVERITY_BANDS)[number]['severity'];

/** PHQ-9 (Patient Health Questionnaire, 9 items), version 1.0.0 of this definition. */
export const PHQ9_INSTRUMENT = {
  id: 'phq-9',
  version: '1.0.0',
  title: 'Patient Health Questionnaire-9 (PHQ-9)',
  panelLoinc: '44249-1',
  totalLoinc: '44261-6',
  items: [
    { number: 1, loinc: '44250-9', text: 'Little interest or pleasure in doing things', answers: PHQ_FREQUENCY_ANSWERS },
    { number: 2, loinc: '44255-8', text: 'Feeling down, depressed, or hopeless', answers: PHQ_FREQUENCY_ANSWERS },
    { number: 3, loinc: '44259-0', text: 'Trouble falling or staying asleep, or sleeping too much', answers: PHQ_FREQUENCY_ANSWERS },
    { number: 4, loinc: '44254-1', text: 'Feeling tired or having little energy', answers: PHQ_FREQUENCY_ANSWERS },
    { number: 5, loinc: '44251-7', text: 'Poor appetite or overeating', answers: PHQ_FREQUENCY_ANSWERS },
    {
      number: 6,
      loinc: '44258-2',
      text: 'Feeling bad about yourself - or that you are a failure or have let yourself or your family down',
      answers: PHQ_FREQUENCY_ANSWERS,
    },
    {
      number: 7,
      loinc: '44252-5',
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      answers: PHQ_FREQUENCY_ANSWERS,
    },
    {
      number: 8,
      loinc: '44253-3',
      text:
        'Moving or speaking so slowly that other people could have noticed? Or the opposite - being so fidgety or ' +
        'restless that you have been moving around a lot more than usual',
      answers: PHQ_FREQUENCY_ANSWERS,
    },
    {
      number: 9,
      loinc: '44260-8',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      answers: PHQ_FREQUENCY_ANSWERS,
    },
  ],
  unscoredItems: [
    {
      loinc: '69722-7',
      text: 'How difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    },
  ],
  minTotal: 0,
  maxTotal: 27,
  source: 'Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16(9):606-613; LOINC 44249-1',
} as const satisfies InstrumentDefinition<'phq-9'>;
