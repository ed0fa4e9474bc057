/** Drug classes that count as pharmacy evidence for chronic-condition rules. */
export const DRUG_CLASSES = [
  'metformin',
  'insulin',
  'sulfonylurea',
  'sglt2-inhibitor',
  'glp1-agonist',
  'inhaled-corticosteroid',
  'leukotriene-modifier',
  'loop-diuretic',
  'ace-inhibitor',
  'arb',
  'arni',
  'statin',
] as const;

export type DrugClass = (typeof DRUG_CLASSES)[number];
