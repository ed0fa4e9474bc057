import { anAssessmentPayload } from '../../testing/payload-examples';
import { validateSubmission } from '../validate-submission';
import { AssessmentCompletedPayload, BiometricResult } from './assessment-completed.payload';

/** "Today" for IsNotFutureDate: late on 15 June 2025 (UTC). */
const NOW = new Date('2025-06-15T23:30:00.000Z');

const valid = anAssessmentPayload();

const fields = (payload: unknown, forbidUnknownFields = true): string[] => {
  const result = validateSubmission(AssessmentCompletedPayload, payload, { forbidUnknownFields });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};
const withBiometrics = (...biometrics: unknown[]) => ({ ...valid, biometrics });

describe('AssessmentCompletedPayload', () => {
  beforeAll(() => {
    jest.useFakeTimers({ now: NOW });
  });
  afterAll(() => {
    jest.useRealTimers();
  });

  it('passes a complete assessment and returns nested biometric instances', () => {
    const result = validateSubmission(AssessmentCompletedPayload, valid, { forbidUnknownFields: true });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toBeInstanceOf(AssessmentCompletedPayload);
    expect(result.ok && result.value.biometrics[0]).toBeInstanceOf(BiometricResult);
  });

  it.each<[string, Record<string, unknown>]>([
    ['without an instrument', { instrument: undefined }],
    ['with no conditions and no biometrics', { selfReportedConditions: [], biometrics: [] }],
    ['completed today (UTC)', { completedOn: '2025-06-15' }],
    ['with a condition no rule uses yet', { selfReportedConditions: ['gout', 'e11', 'long-covid-2'] }],
    [
      'with 50 conditions',
      { selfReportedConditions: Array.from({ length: 50 }, (_, i) => `condition-${String(i)}`) },
    ],
    ['with 50 biometrics', { biometrics: Array.from({ length: 50 }, () => ({ code: 'bmi', value: 24 })) }],
    [
      'with a repeated biometric',
      {
        biometrics: [
          { code: 'bp-systolic', value: 150 },
          { code: 'bp-systolic', value: 141 },
        ],
      },
    ],
  ])('passes an assessment %s', (_name, change) => {
    expect(fields({ ...valid, ...change })).toEqual([]);
  });

  it.each<[string, number]>([
    ['hba1c-percent', 2],
    ['hba1c-percent', 25],
    ['bp-systolic', 50],
    ['bp-systolic', 300],
    ['bp-diastolic', 20],
    ['bp-diastolic', 200],
    ['bmi', 8],
    ['bmi', 150],
    ['ldl-mg-dl', 5],
    ['ldl-mg-dl', 1000],
  ])('passes %s at the edge of its range (%d)', (code, value) => {
    expect(fields(withBiometrics({ code, value }))).toEqual([]);
  });

  it.each<[string, number]>([
    ['hba1c-percent', 1.9],
    ['hba1c-percent', 25.1],
    ['bp-systolic', 49],
    ['bp-systolic', 301],
    ['bp-diastolic', 19.5],
    ['bp-diastolic', 201],
    ['bmi', 7.9],
    ['bmi', 151],
    ['ldl-mg-dl', 4],
    ['ldl-mg-dl', 1001],
    // A plausible reading of another biometric: the range follows the code.
    ['hba1c-percent', 148],
    ['bmi', 180],
  ])('reports %s out of its range (%d) on its value', (code, value) => {
    expect(fields(withBiometrics({ code, value }))).toEqual(['biometrics[0].value']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'a biometric out of range in second place',
      withBiometrics({ code: 'bmi', value: 24 }, { code: 'bp-systolic', value: 40 }),
      ['biometrics[1].value'],
    ],
    [
      'an unknown biometric code (its value has no range to check)',
      withBiometrics({ code: 'glucose-mg-dl', value: 120 }),
      ['biometrics[0].code'],
    ],
    [
      'a biometric code named like an object property',
      withBiometrics({ code: 'constructor', value: 10 }),
      ['biometrics[0].code'],
    ],
    ['a biometric code in upper case', withBiometrics({ code: 'BMI', value: 24 }), ['biometrics[0].code']],
    ['a biometric without a code', withBiometrics({ value: 24 }), ['biometrics[0].code']],
    ['a biometric without a value', withBiometrics({ code: 'bmi' }), ['biometrics[0].value']],
    [
      'a biometric value as a string',
      withBiometrics({ code: 'hba1c-percent', value: '7.2' }),
      ['biometrics[0].value'],
    ],
    [
      'a biometric with a unit (unknown field)',
      withBiometrics({ code: 'hba1c-percent', value: 7.2, unit: '%' }),
      ['biometrics[0].unit'],
    ],
    ['a biometric that is not an object', withBiometrics('bmi'), ['biometrics', 'biometrics[0]']],
    ['a null biometric', withBiometrics(null), ['biometrics', 'biometrics[0]']],
    ['biometrics not an array', { ...valid, biometrics: { code: 'bmi', value: 24 } }, ['biometrics']],
    [
      '51 biometrics',
      { ...valid, biometrics: Array.from({ length: 51 }, () => ({ code: 'bmi', value: 24 })) },
      ['biometrics'],
    ],
    ['completedOn in the future (tomorrow, UTC)', { ...valid, completedOn: '2025-06-16' }, ['completedOn']],
    ['completedOn far in the future', { ...valid, completedOn: '2030-01-01' }, ['completedOn']],
    ['completedOn not a real date (reported once)', { ...valid, completedOn: '2025-02-29' }, ['completedOn']],
    ['completedOn with a time', { ...valid, completedOn: '2025-03-01T10:00:00Z' }, ['completedOn']],
    [
      'a condition code in upper case',
      { ...valid, selfReportedConditions: ['Diabetes'] },
      ['selfReportedConditions'],
    ],
    [
      'a condition code with a space',
      { ...valid, selfReportedConditions: ['diabetes', 'heart failure'] },
      ['selfReportedConditions'],
    ],
    ['a one-letter condition code', { ...valid, selfReportedConditions: ['d'] }, ['selfReportedConditions']],
    [
      'a condition code starting with a digit',
      { ...valid, selfReportedConditions: ['2-diabetes'] },
      ['selfReportedConditions'],
    ],
    [
      'an ICD-10 code as condition',
      { ...valid, selfReportedConditions: ['E11.9'] },
      ['selfReportedConditions'],
    ],
    [
      'a condition code of 65 characters',
      { ...valid, selfReportedConditions: [`d${'x'.repeat(64)}`] },
      ['selfReportedConditions'],
    ],
    [
      'a condition reported twice',
      { ...valid, selfReportedConditions: ['diabetes', 'diabetes'] },
      ['selfReportedConditions'],
    ],
    [
      '51 conditions',
      { ...valid, selfReportedConditions: Array.from({ length: 51 }, (_, i) => `condition-${String(i)}`) },
      ['selfReportedConditions'],
    ],
    [
      'conditions as one string',
      { ...valid, selfReportedConditions: 'diabetes' },
      ['selfReportedConditions'],
    ],
    ['an assessment id with a space', { ...valid, assessmentId: 'HRA 1' }, ['assessmentId']],
    ['an assessment id of 51 characters', { ...valid, assessmentId: 'A'.repeat(51) }, ['assessmentId']],
    ['a member id with a slash', { ...valid, memberId: 'M/1' }, ['memberId']],
    ['a null instrument', { ...valid, instrument: null }, ['instrument']],
    ['an instrument of 101 characters', { ...valid, instrument: 'x'.repeat(101) }, ['instrument']],
    ['recordedAt without a time zone', { ...valid, recordedAt: '2025-03-02T09:15:00' }, ['recordedAt']],
    ['recordedAt as a date', { ...valid, recordedAt: '2025-03-02' }, ['recordedAt']],
    ['an unknown top-level field', { ...valid, score: 12 }, ['score']],
    [
      'everything missing',
      {},
      ['assessmentId', 'biometrics', 'completedOn', 'memberId', 'recordedAt', 'selfReportedConditions'],
    ],
  ])('reports %s', (_name, payload, expected) => {
    expect(fields(payload)).toEqual(expected);
  });

  it('tolerates unknown fields when they are not forbidden (Kafka)', () => {
    expect(fields({ ...valid, score: 12 }, false)).toEqual([]);
    expect(fields(withBiometrics({ code: 'bmi', value: 24, unit: 'kg/m2' }), false)).toEqual([]);
  });

  it.each([
    ['a string', 'assessment'],
    ['an array', [valid]],
    ['null', null],
  ])('rejects %s as a whole', (_name, payload) => {
    expect(fields(payload)).toEqual(['(root)']);
  });
});
