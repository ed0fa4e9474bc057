import { CONDITION_RULES, matchesDiagnosis, type ConditionRule } from '@care/clinical';
import type { ChronicConditionKey, DrugClass, PlanType } from './population.types';

/**
 * Code sets and fee tables of the synthetic population generator. Codes follow CLINICAL.md; NDCs are
 * plausible 11-digit examples labelled with their drug class, NOT verified against the FDA NDC directory.
 * Fees are synthetic charges in cents.
 */

/** Age bands used by prevalence tables: 0–17, 18–44, 45–64, 65+. */
export type AgeBand = 0 | 1 | 2 | 3;

export function ageBandOf(age: number): AgeBand {
  if (age < 18) return 0;
  if (age < 45) return 1;
  if (age < 65) return 2;
  return 3;
}

export interface ConditionCodeSet {
  /** Codes a member with the condition is given (one chosen per member, dotted). */
  readonly memberCodes: readonly string[];
  /** Planting probability by age band (before comorbidity multipliers). */
  readonly prevalence: readonly [number, number, number, number];
  /** Follow-up visit interval in days while the condition is active. */
  readonly followUpDays: number;
}

/** Planted chronic conditions. Codes avoid combination codes (I11.0, I12, I13) that would imply another condition. */
export const CHRONIC_CONDITIONS: Readonly<Record<ChronicConditionKey, ConditionCodeSet>> = {
  diabetes: {
    memberCodes: ['E11.9', 'E11.65', 'E11.69'],
    prevalence: [0, 0.045, 0.14, 0.23],
    followUpDays: 91,
  },
  hypertension: {
    memberCodes: ['I10'],
    prevalence: [0.003, 0.09, 0.33, 0.58],
    followUpDays: 182,
  },
  hyperlipidemia: {
    memberCodes: ['E78.5', 'E78.00', 'E78.2'],
    prevalence: [0, 0.05, 0.26, 0.42],
    followUpDays: 182,
  },
  asthma: {
    memberCodes: ['J45.909', 'J45.20', 'J45.30', 'J45.40'],
    prevalence: [0.07, 0.08, 0.08, 0.07],
    followUpDays: 182,
  },
  copd: {
    memberCodes: ['J44.9', 'J44.1', 'J43.9'],
    prevalence: [0, 0.004, 0.05, 0.11],
    followUpDays: 120,
  },
  'heart-failure': {
    memberCodes: ['I50.9', 'I50.22', 'I50.32', 'I50.42'],
    prevalence: [0, 0.002, 0.012, 0.06],
    followUpDays: 91,
  },
  'chronic-kidney-disease': {
    memberCodes: ['N18.30', 'N18.31', 'N18.32', 'N18.2', 'N18.4'],
    prevalence: [0.001, 0.008, 0.04, 0.15],
    followUpDays: 120,
  },
  depression: {
    memberCodes: ['F32.A', 'F32.1', 'F33.1', 'F33.0'],
    prevalence: [0.03, 0.11, 0.11, 0.09],
    followUpDays: 120,
  },
  'coronary-artery-disease': {
    memberCodes: ['I25.10', 'I25.2'],
    prevalence: [0, 0.004, 0.05, 0.15],
    followUpDays: 182,
  },
  'atrial-fibrillation': {
    memberCodes: ['I48.91', 'I48.0', 'I48.11'],
    prevalence: [0, 0.002, 0.015, 0.09],
    followUpDays: 182,
  },
};

/** Iteration order of conditions (diabetes first: others depend on it). */
export const CHRONIC_CONDITION_KEYS: readonly ChronicConditionKey[] = [
  'diabetes',
  'hypertension',
  'hyperlipidemia',
  'coronary-artery-disease',
  'chronic-kidney-disease',
  'heart-failure',
  'atrial-fibrillation',
  'copd',
  'asthma',
  'depression',
];

/** Type 1 diabetes for children and young adults (insulin only), probability by age band. */
export const TYPE_1_DIABETES_PREVALENCE: readonly [number, number, number, number] = [
  0.003, 0.004, 0.003, 0.002,
];
export const TYPE_1_DIABETES_CODE = 'E10.9';
/** Diabetes with diabetic CKD (also a CKD code per CLINICAL.md): used only when both conditions are active. */
export const DIABETES_WITH_CKD_CODE = 'E11.22';

/** True when an ICD-10-CM code (dotted or not) qualifies for the condition under its @care/clinical rule. */
export function codeMatchesCondition(code: string, condition: ChronicConditionKey): boolean {
  return matchesDiagnosis(conditionRuleOf(condition), [code]);
}

/** The clinical rule of a planted condition: its code prefixes are the single source of what qualifies. */
function conditionRuleOf(condition: ChronicConditionKey): ConditionRule {
  const rule = CONDITION_RULES.find((candidate) => candidate.id === condition);
  if (rule === undefined) throw new Error(`no clinical rule for ${condition}`);
  return rule;
}

// ---------------------------------------------------------------------------------------------- visits

/** Preventive E/M by age: [max age inclusive, new patient, established patient] (CLINICAL.md §5). */
export const PREVENTIVE_VISIT_CODES: readonly (readonly [number, string, string])[] = [
  [0, '99381', '99391'],
  [4, '99382', '99392'],
  [11, '99383', '99393'],
  [17, '99384', '99394'],
  [39, '99385', '99395'],
  [64, '99386', '99396'],
  [200, '99387', '99397'],
];
/** Medicare annual wellness visits: initial, subsequent. */
export const ANNUAL_WELLNESS_INITIAL = 'G0438';
export const ANNUAL_WELLNESS_SUBSEQUENT = 'G0439';
/** Annual depression screening line added to wellness visits. */
export const DEPRESSION_SCREENING_CODE = 'G0444';

export const SICK_VISIT_NEW_CODES: readonly (readonly [string, number])[] = [
  ['99202', 15],
  ['99203', 45],
  ['99204', 30],
  ['99205', 10],
];
export const SICK_VISIT_ESTABLISHED_CODES: readonly (readonly [string, number])[] = [
  ['99211', 5],
  ['99212', 12],
  ['99213', 45],
  ['99214', 33],
  ['99215', 5],
];
export const ER_VISIT_CODES: readonly (readonly [string, number])[] = [
  ['99282', 10],
  ['99283', 35],
  ['99284', 40],
  ['99285', 15],
];

/** Acute diagnoses for sick visits: [code, min age, max age]. */
export const ACUTE_DIAGNOSES: readonly (readonly [string, number, number])[] = [
  ['J06.9', 0, 120],
  ['J02.9', 2, 120],
  ['H66.90', 0, 12],
  ['J01.90', 5, 120],
  ['J20.9', 0, 120],
  ['R05.9', 0, 120],
  ['R50.9', 0, 12],
  ['B34.9', 0, 120],
  ['M54.50', 18, 120],
  ['R51.9', 10, 120],
  ['N39.0', 5, 120],
  ['R10.9', 5, 120],
  ['K21.9', 18, 120],
  ['M25.561', 12, 120],
  ['S93.401A', 8, 120],
  ['L03.90', 2, 120],
];
/** Emergency diagnoses. */
export const ER_DIAGNOSES: readonly string[] = [
  'R07.9',
  'R10.9',
  'S93.401A',
  'J18.9',
  'S01.81XA',
  'R55',
  'N20.0',
];
/** Routine exams without / with abnormal findings. */
export const PREVENTIVE_DIAGNOSES_ADULT: readonly [string, string] = ['Z00.00', 'Z00.01'];
export const PREVENTIVE_DIAGNOSES_CHILD: readonly [string, string] = ['Z00.129', 'Z00.121'];
/** Acute diagnoses after which an antibiotic is often filled. */
export const INFECTION_DIAGNOSES: ReadonlySet<string> = new Set([
  'J02.9',
  'J01.90',
  'H66.90',
  'N39.0',
  'L03.90',
  'J20.9',
]);
export const MAMMOGRAPHY_DIAGNOSIS = 'Z12.31';
export const COLORECTAL_SCREENING_DIAGNOSIS = 'Z12.11';
export const PNEUMONIA_DIAGNOSIS = 'J18.9';

// ---------------------------------------------------------------------------------------------- procedures

export const HBA1C_TEST_CODE = '83036';
export const HBA1C_LOINC = '4548-4';
/** CPT II for the most recent HbA1c: < 7.0, 7.0–7.9, 8.0–9.0, > 9.0. */
export function hba1cCptII(value: number): string {
  if (value < 7) return '3044F';
  if (value < 8) return '3051F';
  if (value <= 9) return '3052F';
  return '3046F';
}
export const METABOLIC_PANEL_CODE = '80053';
export const EGFR_LOINC = '33914-3';
export const URINE_ALBUMIN_CODE = '82043';
export const URINE_CREATININE_CODE = '82570';
export const UACR_LOINC = '9318-7';
export const LIPID_PANEL_CODE = '80061';
export const LDL_LOINC = '13457-7';
export const CBC_CODE = '85025';
export const FIT_CODE = '82274';
export const MAMMOGRAPHY_CODE = '77067';
export const COLONOSCOPY_CODE = '45378';
export const EYE_EXAM_NEW_CODE = '92004';
export const EYE_EXAM_ESTABLISHED_CODE = '92014';
/** Dilated retinal exam documented: with / without retinopathy. */
export const EYE_EXAM_CPT_II_WITH_RETINOPATHY = '2022F';
export const EYE_EXAM_CPT_II_WITHOUT_RETINOPATHY = '2023F';
export const EKG_CODE = '93000';
export const ECHO_CODE = '93306';
export const SPIROMETRY_CODE = '94010';
export const PSYCH_EVAL_CODE = '90791';
export const PSYCHOTHERAPY_CODE = '90834';
export const CHEST_XRAY_CODE = '71046';
export const HOME_HEALTH_NURSING_CODE = 'G0299';
export const HOME_HEALTH_PT_CODE = 'G0151';

/** Institutional revenue codes. */
export const REVENUE = {
  roomAndBoard: '0120',
  pharmacy: '0250',
  laboratory: '0300',
  radiology: '0320',
  mammography: '0403',
  physicalTherapy: '0420',
  occupationalTherapy: '0430',
  emergencyRoom: '0450',
  homeHealthPhysicalTherapy: '0421',
  homeHealthNursing: '0551',
  ekg: '0730',
  gastroIntestinal: '0750',
} as const;

/** Type of bill per institutional setting. */
export const TYPE_OF_BILL = {
  inpatient: '0111',
  outpatient: '0131',
  skilledNursing: '0211',
  homeHealth: '0321',
} as const;

/** Place of service codes used on professional claims. */
export const PLACE_OF_SERVICE = {
  office: '11',
  outpatientHospital: '22',
  emergencyRoom: '23',
  independentLab: '81',
} as const;

/** Synthetic charge per unit, cents. Unknown codes fall back to {@link DEFAULT_FEE_CENTS}. */
export const FEE_CENTS: Readonly<Record<string, number>> = {
  '99202': 9500,
  '99203': 14500,
  '99204': 22000,
  '99205': 28500,
  '99211': 3500,
  '99212': 7500,
  '99213': 12000,
  '99214': 17500,
  '99215': 24500,
  '99381': 21000,
  '99382': 22000,
  '99383': 22000,
  '99384': 24000,
  '99385': 24000,
  '99386': 27000,
  '99387': 29000,
  '99391': 19000,
  '99392': 20000,
  '99393': 20000,
  '99394': 22000,
  '99395': 22000,
  '99396': 24000,
  '99397': 26000,
  G0438: 23500,
  G0439: 17500,
  G0444: 2500,
  '99282': 9000,
  '99283': 15000,
  '99284': 27000,
  '99285': 40000,
  '83036': 3200,
  '80053': 2900,
  '82043': 1800,
  '82570': 1500,
  '80061': 3600,
  '85025': 1900,
  '82274': 2500,
  '77067': 24000,
  '45378': 95000,
  '92004': 21000,
  '92014': 15500,
  '93000': 4500,
  '93306': 62000,
  '94010': 9800,
  '90791': 22000,
  '90834': 14000,
  '71046': 9500,
  G0299: 16000,
  G0151: 15500,
};
export const DEFAULT_FEE_CENTS = 0;
/** Facility charges per unit, cents, by revenue code. */
export const REVENUE_FEE_CENTS: Readonly<Record<string, number>> = {
  '0120': 285000,
  '0250': 42000,
  '0300': 38000,
  '0320': 52000,
  '0403': 41000,
  '0420': 31000,
  '0430': 29000,
  '0450': 185000,
  '0421': 19000,
  '0551': 21000,
  '0730': 24000,
  '0750': 310000,
};
/** Paid-to-charged ratio range by plan type. */
export const PAID_RATIO: Readonly<Record<PlanType, readonly [number, number]>> = {
  hmo: [0.55, 0.8],
  ppo: [0.45, 0.75],
  epo: [0.5, 0.78],
  pos: [0.5, 0.78],
  hdhp: [0.3, 0.7],
  'medicare-advantage': [0.35, 0.6],
  'medicaid-managed-care': [0.25, 0.45],
};

// ---------------------------------------------------------------------------------------------- drugs

export type DrugKey =
  | 'metformin'
  | 'insulin-glargine'
  | 'lisinopril'
  | 'losartan'
  | 'atorvastatin'
  | 'rosuvastatin'
  | 'albuterol'
  | 'fluticasone'
  | 'montelukast'
  | 'tiotropium'
  | 'furosemide'
  | 'sertraline'
  | 'apixaban'
  | 'amoxicillin'
  | 'azithromycin';

export interface DrugProduct {
  readonly name: string;
  readonly drugClass: DrugClass;
  /** Plausible 11-digit NDC (5-4-2 without hyphens); illustrative only. */
  readonly ndc: string;
  /** Dispensed units per 30 days (tablets, mL, g, inhalers' grams). */
  readonly quantityPer30Days: number;
  /** Charge per 30 days, cents. */
  readonly chargePer30DaysCents: number;
  /** Maintenance drugs get regular fills; others are filled as needed. */
  readonly maintenance: boolean;
}

/** NDC seed table: drug → class. Exported so tests and the NDC→class mapping can share it. */
export const DRUG_PRODUCTS: Readonly<Record<DrugKey, DrugProduct>> = {
  metformin: {
    name: 'metformin 500 mg tablet',
    drugClass: 'non-insulin-antidiabetic',
    ndc: '00093104801',
    quantityPer30Days: 60,
    chargePer30DaysCents: 1200,
    maintenance: true,
  },
  'insulin-glargine': {
    name: 'insulin glargine 100 unit/mL pen',
    drugClass: 'insulin',
    ndc: '00088221905',
    quantityPer30Days: 15,
    chargePer30DaysCents: 42000,
    maintenance: true,
  },
  lisinopril: {
    name: 'lisinopril 10 mg tablet',
    drugClass: 'ace-inhibitor',
    ndc: '68180051301',
    quantityPer30Days: 30,
    chargePer30DaysCents: 900,
    maintenance: true,
  },
  losartan: {
    name: 'losartan 50 mg tablet',
    drugClass: 'angiotensin-receptor-blocker',
    ndc: '00781570192',
    quantityPer30Days: 30,
    chargePer30DaysCents: 1400,
    maintenance: true,
  },
  atorvastatin: {
    name: 'atorvastatin 40 mg tablet',
    drugClass: 'statin',
    ndc: '00378395277',
    quantityPer30Days: 30,
    chargePer30DaysCents: 1600,
    maintenance: true,
  },
  rosuvastatin: {
    name: 'rosuvastatin 10 mg tablet',
    drugClass: 'statin',
    ndc: '00591377030',
    quantityPer30Days: 30,
    chargePer30DaysCents: 2100,
    maintenance: true,
  },
  albuterol: {
    name: 'albuterol HFA 90 mcg inhaler',
    drugClass: 'short-acting-beta-agonist',
    ndc: '00173068220',
    quantityPer30Days: 18,
    chargePer30DaysCents: 5800,
    maintenance: false,
  },
  fluticasone: {
    name: 'fluticasone HFA 110 mcg inhaler',
    drugClass: 'inhaled-corticosteroid',
    ndc: '00173071920',
    quantityPer30Days: 12,
    chargePer30DaysCents: 21500,
    maintenance: true,
  },
  montelukast: {
    name: 'montelukast 10 mg tablet',
    drugClass: 'leukotriene-modifier',
    ndc: '00093742656',
    quantityPer30Days: 30,
    chargePer30DaysCents: 1500,
    maintenance: true,
  },
  tiotropium: {
    name: 'tiotropium 18 mcg inhalation capsule',
    drugClass: 'long-acting-muscarinic-antagonist',
    ndc: '00597007561',
    quantityPer30Days: 30,
    chargePer30DaysCents: 48000,
    maintenance: true,
  },
  furosemide: {
    name: 'furosemide 40 mg tablet',
    drugClass: 'loop-diuretic',
    ndc: '00054429925',
    quantityPer30Days: 30,
    chargePer30DaysCents: 800,
    maintenance: true,
  },
  sertraline: {
    name: 'sertraline 50 mg tablet',
    drugClass: 'ssri-antidepressant',
    ndc: '16729000101',
    quantityPer30Days: 30,
    chargePer30DaysCents: 1100,
    maintenance: true,
  },
  apixaban: {
    name: 'apixaban 5 mg tablet',
    drugClass: 'anticoagulant',
    ndc: '00003089421',
    quantityPer30Days: 60,
    chargePer30DaysCents: 59000,
    maintenance: true,
  },
  amoxicillin: {
    name: 'amoxicillin 500 mg capsule',
    drugClass: 'antibiotic',
    ndc: '65862001701',
    quantityPer30Days: 90,
    chargePer30DaysCents: 3000,
    maintenance: false,
  },
  azithromycin: {
    name: 'azithromycin 250 mg tablet',
    drugClass: 'antibiotic',
    ndc: '59762314001',
    quantityPer30Days: 36,
    chargePer30DaysCents: 7200,
    maintenance: false,
  },
};

/** Late-refill grace in days (CLINICAL.md §3, product default). */
export const LATE_REFILL_GRACE_DAYS = 15;
