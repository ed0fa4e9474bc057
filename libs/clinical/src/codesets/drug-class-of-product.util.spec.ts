import { NDC_DRUG_CLASSES } from '../conditions/ndc-drug-classes.data';
import { drugClassOfProduct, type NdcProduct } from './drug-class-of-product.util';

const product = (substances: string[], pharmClasses: string[], routes: string[] = ['ORAL']): NdcProduct => ({
  substances,
  pharmClasses,
  routes,
});

/**
 * The seed table's products as the NDC Directory describes such products (ingredient, EPC and route as the FDA lists
 * them): the definitions must give each the seed's class. The expected class is read from the seed table.
 */
const SEED_PRODUCTS: Record<keyof typeof NDC_DRUG_CLASSES, NdcProduct> = {
  '00093104801': product(['METFORMIN HYDROCHLORIDE'], ['Biguanide [EPC]']),
  '00093104810': product(['METFORMIN HYDROCHLORIDE'], ['Biguanide [EPC]']),
  '00088222033': product(['INSULIN GLARGINE'], ['Insulin Analog [EPC]'], ['SUBCUTANEOUS']),
  '00002751001': product(['INSULIN LISPRO'], ['Insulin Analog [EPC]'], ['INTRAVENOUS', 'SUBCUTANEOUS']),
  '00049411066': product(['GLIPIZIDE'], ['Sulfonylurea [EPC]']),
  '00597015230': product(['EMPAGLIFLOZIN'], ['Sodium-Glucose Cotransporter 2 Inhibitor [EPC]']),
  '00169413212': product(['SEMAGLUTIDE'], ['GLP-1 Receptor Agonist [EPC]'], ['SUBCUTANEOUS']),
  '00173071820': product(['FLUTICASONE PROPIONATE'], ['Corticosteroid [EPC]'], ['RESPIRATORY (INHALATION)']),
  '00186037020': product(['BUDESONIDE'], ['Corticosteroid [EPC]'], ['RESPIRATORY (INHALATION)']),
  '00006011731': product(['MONTELUKAST SODIUM'], ['Leukotriene Receptor Antagonist [EPC]']),
  '00054429725': product(['FUROSEMIDE'], ['Loop Diuretic [EPC]']),
  '00310013110': product(['LISINOPRIL'], ['Angiotensin Converting Enzyme Inhibitor [EPC]']),
  '00006095231': product(['LOSARTAN POTASSIUM'], ['Angiotensin 2 Receptor Blocker [EPC]']),
  '00078065920': product(
    ['SACUBITRIL', 'VALSARTAN'],
    ['Neprilysin Inhibitor [EPC]', 'Angiotensin 2 Receptor Blocker [EPC]'],
  ),
  '00071015523': product(['ATORVASTATIN CALCIUM TRIHYDRATE'], ['HMG-CoA Reductase Inhibitor [EPC]']),
};

describe('drugClassOfProduct', () => {
  it.each(Object.entries(SEED_PRODUCTS))(
    'classifies the seed product of NDC %s as the seed table does',
    (ndc, seed) => {
      expect(drugClassOfProduct(seed)).toBe(NDC_DRUG_CLASSES[ndc as keyof typeof NDC_DRUG_CLASSES]);
    },
  );

  it.each([
    ['a statin by its class alone', product(['NEWSTATIN'], ['HMG-CoA Reductase Inhibitor [EPC]']), 'statin'],
    ['a statin by its ingredient alone', product(['ROSUVASTATIN CALCIUM'], []), 'statin'],
    [
      'amlodipine/atorvastatin as a statin',
      product(
        ['AMLODIPINE BESYLATE', 'ATORVASTATIN CALCIUM'],
        ['Dihydropyridine Calcium Channel Blocker [EPC]', 'HMG-CoA Reductase Inhibitor [EPC]'],
      ),
      'statin',
    ],
    [
      'lisinopril/HCTZ as an ACE inhibitor',
      product(
        ['HYDROCHLOROTHIAZIDE', 'LISINOPRIL'],
        ['Thiazide Diuretic [EPC]', 'Angiotensin Converting Enzyme Inhibitor [EPC]'],
      ),
      'ace-inhibitor',
    ],
    [
      'sacubitril/valsartan listed with the ARB class only as ARNI',
      product(['SACUBITRIL', 'VALSARTAN'], ['Angiotensin 2 Receptor Blocker [EPC]']),
      'arni',
    ],
    [
      'empagliflozin/metformin listed as a biguanide only as SGLT2 inhibitor',
      product(['EMPAGLIFLOZIN', 'METFORMIN HYDROCHLORIDE'], ['Biguanide [EPC]']),
      'sglt2-inhibitor',
    ],
    [
      'insulin degludec/liraglutide as insulin',
      product(
        ['INSULIN DEGLUDEC', 'LIRAGLUTIDE'],
        ['Insulin Analog [EPC]', 'GLP-1 Receptor Agonist [EPC]'],
        ['SUBCUTANEOUS'],
      ),
      'insulin',
    ],
    [
      'human insulin (an OTC product) as insulin',
      product(['INSULIN HUMAN'], ['Insulin [EPC]'], ['SUBCUTANEOUS']),
      'insulin',
    ],
    [
      'fluticasone/salmeterol inhaler as inhaled corticosteroid',
      product(
        ['FLUTICASONE PROPIONATE', 'SALMETEROL XINAFOATE'],
        ['Corticosteroid [EPC]', 'beta2-Adrenergic Agonist [EPC]'],
        ['RESPIRATORY (INHALATION)'],
      ),
      'inhaled-corticosteroid',
    ],
    ['class strings in another case and spacing', product(['X'], ['loop  diuretic [epc]']), 'loop-diuretic'],
    [
      'zileuton by its class',
      product(['ZILEUTON'], ['5-Lipoxygenase Inhibitor [EPC]']),
      'leukotriene-modifier',
    ],
  ] as const)('classifies %s', (_case, input, expected) => {
    expect(drugClassOfProduct(input)).toBe(expected);
  });

  it.each([
    [
      'a nasal fluticasone spray (not inhaled)',
      product(['FLUTICASONE PROPIONATE'], ['Corticosteroid [EPC]'], ['NASAL']),
    ],
    ['oral prednisone (a corticosteroid, not inhaled)', product(['PREDNISONE'], ['Corticosteroid [EPC]'])],
    [
      'a DPP-4 inhibitor (no platform class)',
      product(['SITAGLIPTIN PHOSPHATE'], ['Dipeptidyl Peptidase 4 Inhibitor [EPC]']),
    ],
    ['enalaprilat is not read as enalapril by prefix only', product(['ENALAPRILATE'], [])],
    [
      'a hyphenated ACE class string that is not the FDA string',
      product(['NEWPRIL'], ['Angiotensin-Converting Enzyme Inhibitor [EPC]']),
    ],
    ['an unknown class', product(['AMLODIPINE BESYLATE'], ['Dihydropyridine Calcium Channel Blocker [EPC]'])],
  ] as const)('leaves %s unclassified', (_case, input) => {
    expect(drugClassOfProduct(input)).toBeNull();
  });

  describe('GLP-1 products for weight management (by proprietary name; the directory has no indication)', () => {
    const glp1 = (substance: string, proprietaryName?: string): NdcProduct => ({
      ...product([substance], ['GLP-1 Receptor Agonist [EPC]'], ['SUBCUTANEOUS']),
      ...(proprietaryName === undefined ? {} : { proprietaryName }),
    });

    it.each<[string, NdcProduct, string | null]>([
      ['Ozempic (semaglutide, type 2 diabetes)', glp1('SEMAGLUTIDE', 'Ozempic'), 'glp1-agonist'],
      [
        'Rybelsus (oral semaglutide, type 2 diabetes)',
        { ...glp1('SEMAGLUTIDE', 'Rybelsus'), routes: ['ORAL'] },
        'glp1-agonist',
      ],
      ['Victoza (liraglutide, type 2 diabetes)', glp1('LIRAGLUTIDE', 'Victoza'), 'glp1-agonist'],
      [
        'Mounjaro (tirzepatide by its ingredient, type 2 diabetes)',
        product(['TIRZEPATIDE'], [], ['SUBCUTANEOUS']),
        'glp1-agonist',
      ],
      ['Wegovy (semaglutide, weight management)', glp1('SEMAGLUTIDE', 'Wegovy'), null],
      ['Saxenda (liraglutide, weight management)', glp1('LIRAGLUTIDE', 'Saxenda'), null],
      [
        'Zepbound (tirzepatide, weight management)',
        { ...product(['TIRZEPATIDE'], [], ['SUBCUTANEOUS']), proprietaryName: 'Zepbound' },
        null,
      ],
      ['a brand name in other case and spacing', glp1('SEMAGLUTIDE', ' WEGOVY '), null],
      ['a name that only starts with a brand', glp1('SEMAGLUTIDE', 'Wegovyx'), 'glp1-agonist'],
      ['no proprietary name given', glp1('SEMAGLUTIDE'), 'glp1-agonist'],
    ])('%s: %s', (_name, given, expected) => {
      expect(drugClassOfProduct(given)).toBe(expected);
    });

    it('a brand name only excludes from the class that lists it (Wegovy named on a statin stays a statin)', () => {
      expect(
        drugClassOfProduct({
          ...product(['ATORVASTATIN CALCIUM'], ['HMG-CoA Reductase Inhibitor [EPC]']),
          proprietaryName: 'Wegovy',
        }),
      ).toBe('statin');
    });
  });
});
