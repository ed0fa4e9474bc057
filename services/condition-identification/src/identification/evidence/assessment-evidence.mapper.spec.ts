import { CONDITION_RULES, DIABETES_RULE } from '@care/clinical';
import type { AssessmentCompletedPayload, BiometricResult } from '@care/contracts';
import { selfReportsOf } from './assessment-evidence.mapper';
import type { StoredSelfReport } from './stored-evidence.types';

const anAssessment = (overrides: Partial<AssessmentCompletedPayload> = {}): AssessmentCompletedPayload => ({
  assessmentId: 'HRA-2025-0001',
  memberId: 'M0000001',
  completedOn: '2025-03-01',
  instrument: 'Annual health assessment',
  selfReportedConditions: [],
  biometrics: [],
  recordedAt: '2025-03-02T09:15:00Z',
  ...overrides,
});

const common = {
  memberId: 'M0000001',
  assessmentId: 'HRA-2025-0001',
  completedOn: '2025-03-01',
  recordedAt: '2025-03-02T09:15:00Z',
};

describe('selfReportsOf', () => {
  it('has nothing to keep for an assessment without conditions or biometrics', () => {
    expect(selfReportsOf(anAssessment(), CONDITION_RULES)).toEqual([]);
  });

  it('keeps each reported condition and each biometric with the assessment it came from, conditions first', () => {
    const assessment = anAssessment({
      selfReportedConditions: ['diabetes', 'gout'],
      biometrics: [
        { code: 'bmi', value: 31.2 },
        { code: 'hba1c-percent', value: 7.1 },
      ],
    });
    expect(selfReportsOf(assessment, CONDITION_RULES)).toStrictEqual<StoredSelfReport[]>([
      { ...common, kind: 'condition', code: 'diabetes', value: null, ruleIds: ['diabetes'] },
      { ...common, kind: 'condition', code: 'gout', value: null, ruleIds: [] },
      { ...common, kind: 'biometric', code: 'bmi', value: 31.2, ruleIds: [] },
      { ...common, kind: 'biometric', code: 'hba1c-percent', value: 7.1, ruleIds: ['diabetes'] },
    ]);
  });

  it.each<[string, string[]]>([
    ['diabetes', ['diabetes']],
    ['heart-failure', ['heart-failure']],
    ['copd', ['copd']],
    ['asthma', ['asthma']],
    ['hypertension', ['hypertension']],
    ['coronary-artery-disease', ['coronary-artery-disease']],
    ['chronic-kidney-disease', ['chronic-kidney-disease']],
    ['depression', ['depression']],
    ['hyperlipidemia', ['hyperlipidemia']],
    ['atrial-fibrillation', ['atrial-fibrillation']],
    ['gout', []],
    ['e11', []],
  ])('a reported condition %s concerns %j', (code, ruleIds) => {
    const [item] = selfReportsOf(anAssessment({ selfReportedConditions: [code] }), CONDITION_RULES);
    expect(item).toMatchObject({ kind: 'condition', code, value: null, ruleIds });
  });

  it.each<[BiometricResult['code'], number, string[]]>([
    ['hba1c-percent', 7.2, ['diabetes']],
    // Concerning a rule does not depend on the reading: the threshold is applied on evaluation.
    ['hba1c-percent', 5.4, ['diabetes']],
    ['bp-systolic', 152, ['hypertension']],
    ['bp-diastolic', 95, ['hypertension']],
    ['bmi', 41, []],
    ['ldl-mg-dl', 190, []],
  ])('a %s reading of %d concerns %j', (code, value, ruleIds) => {
    const items = selfReportsOf(anAssessment({ biometrics: [{ code, value }] }), CONDITION_RULES);
    expect(items).toStrictEqual([{ ...common, kind: 'biometric', code, value, ruleIds }]);
  });

  it.each<[string, BiometricResult[], { code: string; value: number }[]]>([
    [
      'the highest last',
      [
        { code: 'bp-systolic', value: 138 },
        { code: 'bp-systolic', value: 151 },
      ],
      [{ code: 'bp-systolic', value: 151 }],
    ],
    [
      'the highest first',
      [
        { code: 'bp-systolic', value: 162 },
        { code: 'bp-systolic', value: 141 },
        { code: 'bp-systolic', value: 150 },
      ],
      [{ code: 'bp-systolic', value: 162 }],
    ],
    [
      'the same reading twice',
      [
        { code: 'bmi', value: 27 },
        { code: 'bmi', value: 27 },
      ],
      [{ code: 'bmi', value: 27 }],
    ],
    [
      'two codes interleaved, in order of first appearance',
      [
        { code: 'hba1c-percent', value: 6.1 },
        { code: 'bp-diastolic', value: 88 },
        { code: 'hba1c-percent', value: 8.4 },
        { code: 'bp-diastolic', value: 84 },
      ],
      [
        { code: 'hba1c-percent', value: 8.4 },
        { code: 'bp-diastolic', value: 88 },
      ],
    ],
  ])(
    'keeps one item per repeated biometric, with the highest reading (%s)',
    (_name, biometrics, expected) => {
      const items = selfReportsOf(anAssessment({ biometrics }), CONDITION_RULES);
      expect(items.map(({ code, value }) => ({ code, value }))).toEqual(expected);
    },
  );

  it('looks only at the rules it is given', () => {
    const assessment = anAssessment({
      selfReportedConditions: ['hypertension', 'diabetes'],
      biometrics: [
        { code: 'bp-systolic', value: 150 },
        { code: 'hba1c-percent', value: 7 },
      ],
    });
    expect(selfReportsOf(assessment, [DIABETES_RULE]).map((item) => item.ruleIds)).toEqual([
      [],
      ['diabetes'],
      [],
      ['diabetes'],
    ]);
  });
});
