import type { InstrumentDefinition } from './instrument.types';

/** AUDIT-C default positive-screen cut-offs by sex; `otherOrUnknown` uses the more sensitive cut-off. */
export const AUDIT_C_DEFAULT_CUTOFFS = { male: 4, female: 3, otherOrUnknown: 3 } as const;

/** AUDIT-C (Alcohol Use Disorders Identification Test - Consumption), version 1.0.0 of this definition. */
export const AUDIT_C_INSTRUMENT = {
  id: 'audit-c',
  version: '1.0.0',
  title: 'Alcohol Use Disorders Identification Test - Consumption (AUDIT-C)',
  panelLoinc: '72109-2',
  totalLoinc: '75626-2',
  items: [
    {
      number: 1,
      loinc: '68518-0',
      text: 'How often did you have a drink containing alcohol in the past year?',
      answers: [
        { value: 0, loincAnswer: 'LA6270-8', display: 'Never' },
        { value: 1, loincAnswer: 'LA18926-8', display: 'Monthly or less' },
        { value: 2, loincAnswer: 'LA18927-6', display: '2 to 4 times a month' },
        { value: 3, loincAnswer: 'LA18928-4', display: '2 to 3 times a week' },
        { value: 4, loincAnswer: 'LA18929-2', display: '4 or more times a week' },
      ],
    },
    {
      number: 2,
      loinc: '68519-8',
      text: 'How many drinks did you have on a typical day when you were drinking in the past year?',
      answers: [
        { value: 0, loincAnswer: 'LA15694-5', display: '1 or 2' },
        { value: 1, loincAnswer: 'LA15695-2', display: '3 or 4' },
        { value: 2, loincAnswer: 'LA18930-0', display: '5 or 6' },
        { value: 3, loincAnswer: 'LA18931-8', display: '7 to 9' },
        { value: 4, loincAnswer: 'LA18932-6', display: '10 or more' },
      ],
    },
    {
      number: 3,
      loinc: '68520-6',
      text: 'How often did you have six or more drinks on one occasion in the past year?',
      answers: [
        { value: 0, loincAnswer: 'LA6270-8', display: 'Never' },
        { value: 1, loincAnswer: 'LA18933-4', display: 'Less than monthly' },
        { value: 2, loincAnswer: 'LA18876-5', display: 'Monthly' },
        { value: 3, loincAnswer: 'LA18891-4', display: 'Weekly' },
        { value: 4, loincAnswer: 'LA18934-2', display: 'Daily or almost daily' },
      ],
    },
  ],
  unscoredItems: [],
  minTotal: 0,
  maxTotal: 12,
  source: 'Bush K et al. Arch Intern Med 1998;158(16):1789-1795; LOINC 72109-2',
} as const satisfies InstrumentDefinition<'audit-c'>;
