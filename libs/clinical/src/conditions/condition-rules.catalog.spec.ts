import { DRUG_CLASSES } from './drug-class.types';
import { CONDITION_RULES } from './condition-rules.catalog';
import { NDC_DRUG_CLASSES } from './ndc-drug-classes.data';

describe('CONDITION_RULES', () => {
  it('covers the ten conditions of issue 4 with unique ids', () => {
    expect(CONDITION_RULES.map((rule) => rule.id).sort()).toEqual([
      'asthma',
      'atrial-fibrillation',
      'chronic-kidney-disease',
      'copd',
      'coronary-artery-disease',
      'depression',
      'diabetes',
      'heart-failure',
      'hyperlipidemia',
      'hypertension',
    ]);
  });

  it.each(CONDITION_RULES.map((rule) => [rule.id, rule] as const))('%s is well-formed data', (_id, rule) => {
    const codes = [...rule.diagnosisCodePrefixes, ...rule.exclusions.diagnosisCodePrefixes];
    expect(codes.every((code) => /^[A-Z][0-9A-Z]{2,6}$/.test(code))).toBe(true);
    expect(rule.version).toMatch(/\S/);
    expect(rule.source).toMatch(/\S/);
    expect(rule.referencePeriodMonths).toBeGreaterThan(0);
    expect(rule.selfReported?.sufficientAlone ?? false).toBe(false);
    expect(rule.exclusions.diagnosisCodePrefixes.some((prefix) => rule.diagnosisCodePrefixes.some((code) => code.startsWith(prefix)))).toBe(false);
  });

  it('maps every seed NDC to a known drug class and covers every class', () => {
    const classes = new Set(Object.values(NDC_DRUG_CLASSES));
    expect([...classes].every((drugClass) => DRUG_CLASSES.includes(drugClass))).toBe(true);
    expect(DRUG_CLASSES.filter((drugClass) => !classes.has(drugClass))).toEqual([]);
  });
});
