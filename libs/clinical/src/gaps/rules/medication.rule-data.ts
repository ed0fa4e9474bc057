import type { DrugClass } from '../../conditions/drug-class.types';
import type { GapRule } from '../gap-rule.types';
import { ESRD_PREFIXES, GAP_RULE_VERSION, NON_INSULIN_ANTIDIABETICS, PALLIATIVE_CARE_PREFIXES } from './gap-shared.rule-data';

const STATIN_FILL = [[{ id: 'statin-fill', codes: { drugClasses: ['statin'] } }]] as const;
const STATIN_EXCLUSIONS = [...PALLIATIVE_CARE_PREFIXES, 'O09', 'Z331', 'K746', 'G7241', 'M6282'];

/** Statin therapy for cardiovascular disease: identified coronary artery disease, 21-75, a statin fill this year. */
export const STATIN_THERAPY_CARDIOVASCULAR_RULE = {
  id: 'statin-therapy-cardiovascular',
  version: GAP_RULE_VERSION,
  name: 'Statin therapy: cardiovascular disease',
  kind: 'service',
  eligibility: [{ anyCondition: ['coronary-artery-disease'], minAge: 21, maxAge: 75 }],
  closing: STATIN_FILL,
  exclusions: {
    diagnosisCodePrefixes: STATIN_EXCLUSIONS,
    anyTimeDiagnosisCodePrefixes: ESRD_PREFIXES,
    note: 'This year: palliative care, pregnancy, cirrhosis, myositis or rhabdomyolysis; at any time: ESRD/dialysis (HEDIS SPC).',
  },
  providerAlertTo: 'attributed-pcp',
  source: 'CLINICAL.md section 3 (HEDIS SPC style)',
} as const satisfies GapRule;

/** Statin therapy for diabetes: identified diabetes, 40-75, taking antidiabetics, a statin fill this year. */
export const STATIN_THERAPY_DIABETES_RULE = {
  id: 'statin-therapy-diabetes',
  version: GAP_RULE_VERSION,
  name: 'Statin therapy: diabetes',
  kind: 'service',
  eligibility: [
    { anyCondition: ['diabetes'], minAge: 40, maxAge: 75, filledDrugClasses: [...NON_INSULIN_ANTIDIABETICS, 'insulin'] },
  ],
  closing: STATIN_FILL,
  exclusions: {
    diagnosisCodePrefixes: STATIN_EXCLUSIONS,
    anyTimeDiagnosisCodePrefixes: ESRD_PREFIXES,
    conditions: ['coronary-artery-disease'],
    note: 'As the cardiovascular measure, and members with cardiovascular disease (they are in that measure).',
  },
  providerAlertTo: 'attributed-pcp',
  source: 'CLINICAL.md section 3 (HEDIS SPD style)',
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
  adherence: { drugClasses, minFillsOnDistinctDates: 2, minDaysFromFirstFillToPeriodEnd: 91, minProportionOfDaysCovered: 0.8 },
  exclusions,
  providerAlertTo: 'prescriber',
  source: 'CLINICAL.md section 3 (PQA PDC style: 2 fills on distinct dates, first fill 91+ days before period end, PDC >= 0.80)',
});

/** Adherence to non-insulin diabetes medication (insulin users excluded). */
export const ADHERENCE_DIABETES_RULE = adherence('adherence-diabetes', 'Adherence: diabetes medication', NON_INSULIN_ANTIDIABETICS, {
  diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
  anyTimeDiagnosisCodePrefixes: ESRD_PREFIXES,
  drugClasses: ['insulin'],
  note: 'Palliative care and insulin users this year; ESRD/dialysis at any time (PQA PDC-DR).',
});

/** Adherence to renin-angiotensin system antagonists (sacubitril/valsartan users excluded). */
export const ADHERENCE_RAS_ANTAGONISTS_RULE = adherence(
  'adherence-ras-antagonists',
  'Adherence: RAS antagonists',
  ['ace-inhibitor', 'arb'],
  {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    anyTimeDiagnosisCodePrefixes: ESRD_PREFIXES,
    drugClasses: ['arni'],
    note: 'Palliative care and sacubitril/valsartan users this year; ESRD/dialysis at any time (PQA PDC-RASA).',
  },
);

/** Adherence to statins. */
export const ADHERENCE_STATINS_RULE = adherence('adherence-statins', 'Adherence: statins', ['statin'], {
  diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
  anyTimeDiagnosisCodePrefixes: ESRD_PREFIXES,
  note: 'Palliative care this year; ESRD/dialysis at any time (PQA PDC-STA).',
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
  exclusions: { diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES, note: 'Palliative care.' },
  providerAlertTo: 'prescriber',
  source: 'CLINICAL.md section 3 (late refill, product choice: grace 15 days; therapy older than 180 days is taken as stopped)',
} as const satisfies GapRule;
