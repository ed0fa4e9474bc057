import type { ClaimEvidence, ConditionEvidence, ConditionRule } from './condition-rule.types';
import { CONDITION_RULES } from './condition-rules.catalog';
import { evaluateCondition } from './evaluate-condition.rule';
import { referencePeriodStart } from './reference-period-start.util';
import { aClaim, aDiagnosisClaim, aFill, aSelfReport } from './testing/condition-evidence.factory';

const AS_OF = '2024-12-31';
const UNRELATED_CODE = 'Z0000';

/** Per rule: a qualifying code (with a dot, as claims send it) and an exclusion code. */
const FIXTURES: Readonly<Record<string, { code: string; exclusionCode: string }>> = {
  diabetes: { code: 'E11.9', exclusionCode: 'O24.419' },
  'heart-failure': { code: 'I50.22', exclusionCode: 'Z94.1' },
  copd: { code: 'J44.9', exclusionCode: 'Z94.2' },
  asthma: { code: 'J45.40', exclusionCode: 'E84.0' },
  hypertension: { code: 'I10', exclusionCode: 'Z99.2' },
  'coronary-artery-disease': { code: 'I25.10', exclusionCode: 'Z94.1' },
  'chronic-kidney-disease': { code: 'N18.3', exclusionCode: 'Z99.2' },
  depression: { code: 'F33.1', exclusionCode: 'F31.9' },
  hyperlipidemia: { code: 'E78.5', exclusionCode: 'Z33.1' },
  'atrial-fibrillation': { code: 'I48.91', exclusionCode: 'Z51.5' },
};

function fixtureOf(rule: ConditionRule): { code: string; exclusionCode: string } {
  const fixture = FIXTURES[rule.id];
  if (fixture === undefined) throw new Error(`no fixture for ${rule.id}`);
  return fixture;
}

const claimsOnly = (...claims: ClaimEvidence[]): ConditionEvidence => ({ claims });

describe.each(CONDITION_RULES.map((rule) => [rule.id, rule] as const))('evaluateCondition(%s)', (_id, rule) => {
  const { code, exclusionCode } = fixtureOf(rule);
  const start = referencePeriodStart(AS_OF, rule.referencePeriodMonths);
  const dayBefore = (date: string): string => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  };

  type Case = [description: string, evidence: () => ConditionEvidence, met: boolean, basis: string | null];
  const cases: Case[] = [
    ['meets with one inpatient claim', () => claimsOnly(aDiagnosisClaim('inpatient', '2024-06-01', code)), true, 'claims'],
    ['meets with one skilled-nursing claim', () => claimsOnly(aDiagnosisClaim('skilled-nursing', '2024-06-01', code)), true, 'claims'],
    ['meets with one home-health claim', () => claimsOnly(aDiagnosisClaim('home-health', '2024-06-01', code)), true, 'claims'],
    [
      'meets with two professional claims on distinct dates',
      () => claimsOnly(aDiagnosisClaim('professional', '2024-03-01', code), aDiagnosisClaim('professional', '2024-03-02', code)),
      true,
      'claims',
    ],
    [
      'meets with one outpatient and one professional claim on distinct dates',
      () => claimsOnly(aDiagnosisClaim('outpatient', '2024-03-01', code), aDiagnosisClaim('professional', '2024-09-01', code)),
      true,
      'claims',
    ],
    [
      'meets with the diagnosis in a secondary position',
      () => claimsOnly(aClaim({ setting: 'inpatient', serviceDate: '2024-06-01', diagnosisCodes: [UNRELATED_CODE, code] })),
      true,
      'claims',
    ],
    [
      'meets with claims on the first day of the reference period',
      () => claimsOnly(aDiagnosisClaim('professional', start, code), aDiagnosisClaim('professional', AS_OF, code)),
      true,
      'claims',
    ],
    ['one claim short: a single professional claim', () => claimsOnly(aDiagnosisClaim('professional', '2024-03-01', code)), false, null],
    [
      'one claim short: two professional claims on the same date',
      () => claimsOnly(aDiagnosisClaim('professional', '2024-03-01', code), aDiagnosisClaim('outpatient', '2024-03-01', code)),
      false,
      null,
    ],
    [
      'outside the reference period: inpatient claim the day before it starts',
      () => claimsOnly(aDiagnosisClaim('inpatient', dayBefore(start), code)),
      false,
      null,
    ],
    [
      'outside the reference period: one of the pair the day before it starts',
      () => claimsOnly(aDiagnosisClaim('professional', dayBefore(start), code), aDiagnosisClaim('professional', '2024-06-01', code)),
      false,
      null,
    ],
    ['outside the reference period: after the as-of date', () => claimsOnly(aDiagnosisClaim('inpatient', '2025-01-01', code)), false, null],
    [
      'wrong setting: pharmacy claims carrying the diagnosis',
      () => claimsOnly(aDiagnosisClaim('pharmacy', '2024-03-01', code), aDiagnosisClaim('pharmacy', '2024-04-01', code)),
      false,
      null,
    ],
    ['wrong setting: an unmapped institutional bill type', () => claimsOnly(aDiagnosisClaim('other', '2024-03-01', code)), false, null],
    ['wrong diagnosis: unrelated code', () => claimsOnly(aDiagnosisClaim('inpatient', '2024-06-01', UNRELATED_CODE)), false, null],
    [
      'excluded: qualifying claims plus an exclusion diagnosis in the period',
      () => claimsOnly(aDiagnosisClaim('inpatient', '2024-06-01', code), aDiagnosisClaim('professional', '2024-07-01', exclusionCode)),
      false,
      null,
    ],
    [
      'voided evidence retracts: the only inpatient claim is voided',
      () =>
        claimsOnly(
          aDiagnosisClaim('inpatient', '2024-06-01', code, 'ip-1'),
          aClaim({ claimId: 'ip-1', version: 2, setting: 'inpatient', serviceDate: '2024-06-01', diagnosisCodes: [code], status: 'voided' }),
        ),
      false,
      null,
    ],
    [
      'replacement changes the code: qualifying v1 replaced by unrelated v2',
      () =>
        claimsOnly(
          aDiagnosisClaim('inpatient', '2024-06-01', code, 'ip-1'),
          aClaim({ claimId: 'ip-1', version: 2, setting: 'inpatient', serviceDate: '2024-06-01', diagnosisCodes: [UNRELATED_CODE] }),
        ),
      false,
      null,
    ],
    [
      'replacement changes the code: unrelated v1 replaced by qualifying v2',
      () =>
        claimsOnly(
          aClaim({ claimId: 'ip-1', version: 2, setting: 'inpatient', serviceDate: '2024-06-01', diagnosisCodes: [code] }),
          aDiagnosisClaim('inpatient', '2024-06-01', UNRELATED_CODE, 'ip-1'),
        ),
      true,
      'claims',
    ],
    [
      'self-reported alone never meets',
      () => ({ claims: [], selfReported: [aSelfReport({ code: rule.id, date: '2024-06-01' })] }),
      false,
      null,
    ],
  ];

  it.each(cases)('%s', (_description, evidence, met, basis) => {
    const result = evaluateCondition(rule, evidence(), AS_OF);
    expect({ met: result.met, basis: result.basis }).toEqual({ met, basis });
  });

  const pharmacy = rule.pharmacy;
  const drugClass = pharmacy?.drugClasses[0] ?? 'statin';
  const pharmacyMeets = pharmacy?.sufficientAlone === true;
  it(`pharmacy-only: two fills on distinct dates ${pharmacyMeets ? 'meet' : 'do not meet'} the rule`, () => {
    const result = evaluateCondition(rule, claimsOnly(aFill('2024-02-01', drugClass), aFill('2024-03-01', drugClass)), AS_OF);
    expect(result.met).toBe(pharmacyMeets);
    expect(result.basis).toBe(pharmacyMeets ? 'pharmacy' : null);
    expect(result.supporting.pharmacyClaimIds).toHaveLength(pharmacy !== undefined && !pharmacyMeets ? 2 : 0);
  });

  it('pharmacy-only: two fills on the same date never meet', () => {
    const result = evaluateCondition(rule, claimsOnly(aFill('2024-02-01', drugClass), aFill('2024-02-01', drugClass)), AS_OF);
    expect(result.met).toBe(false);
  });

  it('reports the exclusion claim', () => {
    const exclusion = aDiagnosisClaim('professional', '2024-07-01', exclusionCode, 'excl-1');
    const result = evaluateCondition(rule, claimsOnly(aDiagnosisClaim('inpatient', '2024-06-01', code), exclusion), AS_OF);
    expect(result).toMatchObject({ excluded: true, reason: 'excluded', exclusionClaimIds: ['excl-1'], firstMetOn: null });
  });

  it('names the qualifying claims and the date the rule was first met', () => {
    const result = evaluateCondition(
      rule,
      claimsOnly(
        aDiagnosisClaim('professional', '2024-03-01', code, 'pro-1'),
        aDiagnosisClaim('professional', '2024-05-01', code, 'pro-2'),
        aDiagnosisClaim('professional', '2024-05-01', code, 'pro-3'),
      ),
      AS_OF,
    );
    expect(result).toMatchObject({
      ruleId: rule.id,
      ruleVersion: rule.version,
      reason: 'claims-on-distinct-dates',
      firstMetOn: '2024-05-01',
      qualifyingClaimIds: ['pro-1', 'pro-2', 'pro-3'],
      excluded: false,
    });
  });
});

describe('evaluateCondition: self-reported evidence', () => {
  const rule = (id: string): ConditionRule => {
    const found = CONDITION_RULES.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(id);
    return found;
  };

  it.each([
    ['diabetes', 'hba1c-percent', 6.5, true],
    ['diabetes', 'hba1c-percent', 6.4, false],
    ['hypertension', 'bp-systolic', 140, true],
    ['hypertension', 'bp-diastolic', 90, true],
    ['hypertension', 'bp-systolic', 139, false],
    ['hypertension', 'bp-diastolic', 89, false],
  ] as const)('%s: biometric %s = %d is supporting evidence: %s', (id, code, value, supports) => {
    const report = aSelfReport({ kind: 'biometric', code, value, date: '2024-06-01', assessmentId: 'ha-1' });
    const result = evaluateCondition(rule(id), { claims: [], selfReported: [report] }, AS_OF);
    expect(result.met).toBe(false);
    expect(result.supporting.selfReportedAssessmentIds).toEqual(supports ? ['ha-1'] : []);
  });

  it('is listed as supporting evidence alongside a claims basis', () => {
    const result = evaluateCondition(
      rule('diabetes'),
      { claims: [aDiagnosisClaim('inpatient', '2024-06-01', 'E11.9')], selfReported: [aSelfReport({ code: 'diabetes', assessmentId: 'ha-2' })] },
      AS_OF,
    );
    expect(result).toMatchObject({ met: true, basis: 'claims', supporting: { selfReportedAssessmentIds: ['ha-2'] } });
  });

  it('meets alone only when a rule says so', () => {
    const base = rule('diabetes');
    const lenient: ConditionRule = base.selfReported === undefined ? base : { ...base, selfReported: { ...base.selfReported, sufficientAlone: true } };
    const result = evaluateCondition(lenient, { claims: [], selfReported: [aSelfReport({ code: 'diabetes', date: '2024-06-01' })] }, AS_OF);
    expect(result).toMatchObject({ met: true, basis: 'self-reported', reason: 'self-reported', firstMetOn: '2024-06-01' });
  });

  it('ignores assessments older than the self-reported period', () => {
    const report = aSelfReport({ code: 'diabetes', date: '2023-12-31', assessmentId: 'ha-old' });
    const result = evaluateCondition(rule('diabetes'), { claims: [], selfReported: [report] }, AS_OF);
    expect(result.supporting.selfReportedAssessmentIds).toEqual([]);
  });

  it('claims outweigh pharmacy when both are sufficient', () => {
    const result = evaluateCondition(
      rule('diabetes'),
      claimsOnly(aFill('2024-01-10', 'insulin'), aFill('2024-02-10', 'insulin'), aDiagnosisClaim('inpatient', '2024-06-01', 'E11.9', 'ip-1')),
      AS_OF,
    );
    expect(result).toMatchObject({ basis: 'claims', qualifyingClaimIds: ['ip-1'], firstMetOn: '2024-06-01' });
  });
});
