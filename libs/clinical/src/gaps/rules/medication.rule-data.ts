import type { DrugClass } from '../../conditions/drug-class.types';
import type { GapRule } from '../gap-rule.types';
import {
  ESRD_PREFIXES,
  GAP_RULE_VERSION,
  HOSPICE_AND_PALLIATIVE_CARE,
  MEASUREMENT_OR_PRIOR_YEAR,
  NON_INSULIN_ANTIDIABETICS,
  PALLIATIVE_CARE_PREFIXES,
} from './gap-shared.rule-data';

const STATIN_FILL = [[{ id: 'statin-fill', codes: { drugClasses: ['statin'] } }]] as const;
/** Exclusion codes of the statin measures (CLINICAL.md section 3), grouped by the window HEDIS looks for them in. */
const PREGNANCY_PREFIXES = ['O09', 'Z331'];
const CIRRHOSIS_PREFIXES = ['K746'];
const MYOSITIS_PREFIXES = ['G7241', 'M6282'];

const CAD = ['coronary-artery-disease'];

/**
 * Statin therapy for cardiovascular disease (HEDIS SPC): identified coronary artery disease, men 21-75 and women
 * 40-75 on 31 December (members of other or unknown sex 21-75), a statin fill in the measurement year.
 */
export const STATIN_THERAPY_CARDIOVASCULAR_RULE = {
  id: 'statin-therapy-cardiovascular',
  version: GAP_RULE_VERSION,
  name: 'Statin therapy: cardiovascular disease',
  kind: 'service',
  eligibility: [
    { anyCondition: CAD, sex: 'male', minAge: 21, maxAge: 75 },
    { anyCondition: CAD, sex: 'female', minAge: 40, maxAge: 75 },
    { anyCondition: CAD, sex: 'other', minAge: 21, maxAge: 75 },
    { anyCondition: CAD, sex: 'unknown', minAge: 21, maxAge: 75 },
  ],
  closing: STATIN_FILL,
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_PREFIXES, ...PREGNANCY_PREFIXES, ...MYOSITIS_PREFIXES],
    ...HOSPICE_AND_PALLIATIVE_CARE,
    windowedDiagnoses: [
      { diagnosisCodePrefixes: [...ESRD_PREFIXES, ...CIRRHOSIS_PREFIXES], window: MEASUREMENT_OR_PRIOR_YEAR },
    ],
    note: 'This year: hospice, palliative care, pregnancy, myositis or rhabdomyolysis; this year or the year before: ESRD/dialysis, cirrhosis (HEDIS SPC).',
  },
  providerAlertTo: 'attributed-pcp',
  source:
    'HEDIS SPC: men 21-75, women 40-75; statin fill in the measurement year; exclusion windows per the measure summary',
} as const satisfies GapRule;

/**
 * Statin therapy for diabetes (HEDIS SPD): identified diabetes (condition-identification reads diagnoses and fills),
 * 40-75 on 31 December, a statin fill in the measurement year.
 */
export const STATIN_THERAPY_DIABETES_RULE = {
  id: 'statin-therapy-diabetes',
  version: GAP_RULE_VERSION,
  name: 'Statin therapy: diabetes',
  kind: 'service',
  eligibility: [{ anyCondition: ['diabetes'], minAge: 40, maxAge: 75 }],
  closing: STATIN_FILL,
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_PREFIXES, ...MYOSITIS_PREFIXES],
    ...HOSPICE_AND_PALLIATIVE_CARE,
    windowedDiagnoses: [
      {
        diagnosisCodePrefixes: [...PREGNANCY_PREFIXES, ...ESRD_PREFIXES, ...CIRRHOSIS_PREFIXES],
        window: MEASUREMENT_OR_PRIOR_YEAR,
      },
    ],
    conditions: CAD,
    note: 'This year: hospice, palliative care, myositis or rhabdomyolysis; this year or the year before: pregnancy, ESRD/dialysis, cirrhosis; members with cardiovascular disease (they are in that measure) (HEDIS SPD).',
  },
  providerAlertTo: 'attributed-pcp',
  source:
    'HEDIS SPD: diabetes 40-75, statin fill in the measurement year; exclusion windows per the measure summary',
} as const satisfies GapRule;

const adherence = (
  id: string,
  name: string,
  drugClasses: readonly DrugClass[],
  exclusions: GapRule['exclusions'],
): GapRule => ({
  id,
  version: GAP_RULE_VERSION,
  name,
  kind: 'adherence',
  eligibility: [{ anyCondition: [], minAge: 18, maxAge: 200 }],
  adherence: {
    drugClasses,
    minFillsOnDistinctDates: 2,
    minDaysFromFirstFillToPeriodEnd: 91,
    minProportionOfDaysCovered: 0.8,
  },
  exclusions,
  providerAlertTo: 'prescriber',
  source:
    'PQA PDC: 2 fills on distinct dates in the measurement year, first fill 91+ days before period end, PDC >= 0.80; ESRD in the measurement year',
});

/** Adherence to non-insulin diabetes medication (insulin users excluded). */
export const ADHERENCE_DIABETES_RULE = adherence(
  'adherence-diabetes',
  'Adherence: diabetes medication',
  NON_INSULIN_ANTIDIABETICS,
  {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_PREFIXES, ...ESRD_PREFIXES],
    ...HOSPICE_AND_PALLIATIVE_CARE,
    drugClasses: ['insulin'],
    note: 'Hospice, palliative care, ESRD/dialysis and insulin users in the measurement year (PQA PDC-DR).',
  },
);

/** Adherence to renin-angiotensin system antagonists (sacubitril/valsartan users excluded). */
export const ADHERENCE_RAS_ANTAGONISTS_RULE = adherence(
  'adherence-ras-antagonists',
  'Adherence: RAS antagonists',
  ['ace-inhibitor', 'arb'],
  {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_PREFIXES, ...ESRD_PREFIXES],
    ...HOSPICE_AND_PALLIATIVE_CARE,
    drugClasses: ['arni'],
    note: 'Hospice, palliative care, ESRD/dialysis and sacubitril/valsartan users in the measurement year (PQA PDC-RASA).',
  },
);

/** Adherence to statins. */
export const ADHERENCE_STATINS_RULE = adherence('adherence-statins', 'Adherence: statins', ['statin'], {
  diagnosisCodePrefixes: [...PALLIATIVE_CARE_PREFIXES, ...ESRD_PREFIXES],
  ...HOSPICE_AND_PALLIATIVE_CARE,
  note: 'Hospice, palliative care and ESRD/dialysis in the measurement year (PQA PDC-STA).',
});

/** Late refill (product choice): a maintenance fill not refilled by its days' supply plus 15 days. */
export const LATE_REFILL_RULE = {
  id: 'late-refill',
  version: GAP_RULE_VERSION,
  name: 'Prescription refilled late',
  kind: 'refill',
  eligibility: [{ anyCondition: [], minAge: 0, maxAge: 200 }],
  refill: {
    drugClasses: [
      ...NON_INSULIN_ANTIDIABETICS,
      'insulin',
      'inhaled-corticosteroid',
      'leukotriene-modifier',
      'loop-diuretic',
      'ace-inhibitor',
      'arb',
      'arni',
      'statin',
    ],
    graceDays: 15,
    activeWithinDays: 180,
  },
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    ...HOSPICE_AND_PALLIATIVE_CARE,
    note: 'Palliative care and hospice services in the measurement year.',
  },
  providerAlertTo: 'prescriber',
  source:
    'CLINICAL.md section 3 (late refill, product choice: grace 15 days; therapy older than 180 days is taken as stopped)',
} as const satisfies GapRule;
