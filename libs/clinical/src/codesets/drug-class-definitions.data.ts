import type { DrugClass } from '../conditions/drug-class.types';

/**
 * How a product of the FDA NDC Directory belongs to a platform drug class: one of its Established Pharmacologic
 * Classes (`PHARM_CLASSES`, the "[EPC]" entries), or one of its active ingredients (`SUBSTANCENAME`, matched on the
 * ingredient name with or without a salt: 'METFORMIN' matches 'METFORMIN HYDROCHLORIDE'). Ingredients are listed as
 * well as classes because a combination product's `PHARM_CLASSES` often names one ingredient's class only (e.g.
 * empagliflozin/metformin listed with "Biguanide [EPC]" alone, sacubitril/valsartan with "Angiotensin 2 Receptor
 * Blocker [EPC]" alone). `routes`, when given, must include one of the product's routes (`ROUTENAME`).
 * `excludedProprietaryNames`, when given, keeps products of those brand names (`PROPRIETARYNAME`) out of the class
 * even when their class or ingredient matches: the directory holds no indication, and the brand is what tells a
 * weight-management GLP-1 product from the same ingredient marketed for diabetes.
 */
export interface DrugClassDefinition {
  readonly drugClass: DrugClass;
  readonly pharmClasses: readonly string[];
  readonly ingredients: readonly string[];
  readonly routes?: readonly string[];
  readonly excludedProprietaryNames?: readonly string[];
}

/**
 * GLP-1 (and GIP/GLP-1) products approved for chronic weight management only, by their FDA proprietary names:
 * semaglutide (Wegovy), liraglutide (Saxenda), tirzepatide (Zepbound). Their ingredients are the diabetes products'
 * (Ozempic, Rybelsus, Victoza, Mounjaro), so without this two weight-loss fills would identify diabetes and count in
 * the diabetes adherence measure. Decision and limits: docs/clinical/code-sets.md.
 */
export const WEIGHT_MANAGEMENT_GLP1_PROPRIETARY_NAMES: readonly string[] = ['WEGOVY', 'SAXENDA', 'ZEPBOUND'];

/** Version of the definitions below; part of what a compiled release records. */
export const DRUG_CLASS_DEFINITIONS_VERSION = 'drug-classes-2026.2';

/**
 * Platform drug classes from the NDC Directory, in precedence order: a product matching several definitions gets
 * the first (a product carries one drug class). The order puts the class a measure excludes or treats specially
 * first: insulin before the non-insulin antidiabetics (insulin users leave PDC-DR), ARNI before ARB (sacubitril/
 * valsartan users leave PDC-RASA), then the single-ingredient classes; fixed-dose combinations of two classes of one
 * group (e.g. SGLT2 inhibitor with metformin) land in the earlier class of the group, which every rule treats alike.
 * Exact strings and the check against the seed table: docs/clinical/code-sets.md.
 */
export const DRUG_CLASS_DEFINITIONS: readonly DrugClassDefinition[] = [
  {
    drugClass: 'insulin',
    pharmClasses: ['Insulin [EPC]', 'Insulin Analog [EPC]'],
    ingredients: ['INSULIN'],
  },
  {
    drugClass: 'arni',
    pharmClasses: ['Neprilysin Inhibitor [EPC]'],
    ingredients: ['SACUBITRIL'],
  },
  {
    drugClass: 'glp1-agonist',
    pharmClasses: ['GLP-1 Receptor Agonist [EPC]', 'Glucagon-like Peptide-1 Receptor Agonist [EPC]'],
    ingredients: ['SEMAGLUTIDE', 'LIRAGLUTIDE', 'DULAGLUTIDE', 'EXENATIDE', 'LIXISENATIDE', 'TIRZEPATIDE'],
    excludedProprietaryNames: WEIGHT_MANAGEMENT_GLP1_PROPRIETARY_NAMES,
  },
  {
    drugClass: 'sglt2-inhibitor',
    pharmClasses: ['Sodium-Glucose Cotransporter 2 Inhibitor [EPC]'],
    ingredients: [
      'CANAGLIFLOZIN',
      'DAPAGLIFLOZIN',
      'EMPAGLIFLOZIN',
      'ERTUGLIFLOZIN',
      'BEXAGLIFLOZIN',
      'SOTAGLIFLOZIN',
    ],
  },
  {
    drugClass: 'sulfonylurea',
    pharmClasses: ['Sulfonylurea [EPC]'],
    ingredients: ['GLIPIZIDE', 'GLIMEPIRIDE', 'GLYBURIDE', 'TOLBUTAMIDE', 'TOLAZAMIDE', 'CHLORPROPAMIDE'],
  },
  {
    drugClass: 'metformin',
    pharmClasses: ['Biguanide [EPC]'],
    ingredients: ['METFORMIN'],
  },
  {
    drugClass: 'statin',
    pharmClasses: ['HMG-CoA Reductase Inhibitor [EPC]'],
    ingredients: [
      'ATORVASTATIN',
      'FLUVASTATIN',
      'LOVASTATIN',
      'PITAVASTATIN',
      'PRAVASTATIN',
      'ROSUVASTATIN',
      'SIMVASTATIN',
    ],
  },
  {
    drugClass: 'ace-inhibitor',
    pharmClasses: ['Angiotensin Converting Enzyme Inhibitor [EPC]'],
    ingredients: [
      'BENAZEPRIL',
      'CAPTOPRIL',
      'ENALAPRIL',
      'ENALAPRILAT',
      'FOSINOPRIL',
      'LISINOPRIL',
      'MOEXIPRIL',
      'PERINDOPRIL',
      'QUINAPRIL',
      'RAMIPRIL',
      'TRANDOLAPRIL',
    ],
  },
  {
    drugClass: 'arb',
    pharmClasses: ['Angiotensin 2 Receptor Blocker [EPC]'],
    ingredients: [
      'AZILSARTAN',
      'CANDESARTAN',
      'EPROSARTAN',
      'IRBESARTAN',
      'LOSARTAN',
      'OLMESARTAN',
      'TELMISARTAN',
      'VALSARTAN',
    ],
  },
  {
    drugClass: 'loop-diuretic',
    pharmClasses: ['Loop Diuretic [EPC]'],
    ingredients: ['FUROSEMIDE', 'BUMETANIDE', 'TORSEMIDE', 'ETHACRYNIC ACID'],
  },
  {
    drugClass: 'inhaled-corticosteroid',
    pharmClasses: ['Corticosteroid [EPC]'],
    ingredients: ['BECLOMETHASONE', 'BUDESONIDE', 'CICLESONIDE', 'FLUNISOLIDE', 'FLUTICASONE', 'MOMETASONE'],
    routes: ['RESPIRATORY (INHALATION)'],
  },
  {
    drugClass: 'leukotriene-modifier',
    pharmClasses: ['Leukotriene Receptor Antagonist [EPC]', '5-Lipoxygenase Inhibitor [EPC]'],
    ingredients: ['MONTELUKAST', 'ZAFIRLUKAST', 'ZILEUTON'],
  },
];
