import type { DrugClass } from './drug-class.types';

/** Version of the NDC seed table; production loads the FDA NDC directory or PQA lists instead. */
export const NDC_DRUG_CLASSES_VERSION = 'seed-2026.1';

/**
 * Seed NDC → drug class table (11-digit, 5-4-2 without hyphens). A small, plausible sample for tests and local
 * runs — not a complete or authoritative list.
 */
export const NDC_DRUG_CLASSES = {
  '00093104801': 'metformin', // metformin 500 mg tablet
  '00093104810': 'metformin', // metformin 500 mg tablet, larger pack
  '00088222033': 'insulin', // insulin glargine 100 U/mL
  '00002751001': 'insulin', // insulin lispro 100 U/mL
  '00049411066': 'sulfonylurea', // glipizide 5 mg tablet
  '00597015230': 'sglt2-inhibitor', // empagliflozin 10 mg tablet
  '00169413212': 'glp1-agonist', // semaglutide pen
  '00173071820': 'inhaled-corticosteroid', // fluticasone HFA inhaler
  '00186037020': 'inhaled-corticosteroid', // budesonide inhaler
  '00006011731': 'leukotriene-modifier', // montelukast 10 mg tablet
  '00054429725': 'loop-diuretic', // furosemide 40 mg tablet
  '00310013110': 'ace-inhibitor', // lisinopril 10 mg tablet
  '00006095231': 'arb', // losartan 50 mg tablet
  '00078065920': 'arni', // sacubitril/valsartan tablet
  '00071015523': 'statin', // atorvastatin 10 mg tablet
} as const satisfies Readonly<Record<string, DrugClass>>;
