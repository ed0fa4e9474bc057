import type { ConditionRule } from './condition-rule.types';
import { CONDITION_RULES } from './condition-rules.catalog';
import {
  evidenceLookbackMonths,
  firstDayOutOfPeriod,
  nextEvidenceExpiry,
  rulesConcerningClaim,
  rulesConcerningSelfReport,
} from './evidence-relevance.util';
import { referencePeriodStart } from './reference-period-start.util';
import { aClaim, aFill, aSelfReport } from './testing/condition-evidence.factory';

const rule = (id: string): ConditionRule => {
  const found = CONDITION_RULES.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};

describe('rulesConcerningClaim', () => {
  it.each<[string, Parameters<typeof rulesConcerningClaim>[1], string[]]>([
    ['a diabetes diagnosis', { setting: 'professional', diagnosisCodes: ['E11.9'] }, ['diabetes']],
    [
      'diabetes with CKD (combination code) concerns both rules',
      { setting: 'professional', diagnosisCodes: ['E1122'] },
      ['diabetes', 'chronic-kidney-disease'],
    ],
    ['an unrelated diagnosis', { setting: 'professional', diagnosisCodes: ['S52.501A'] }, []],
    [
      'an exclusion-only diagnosis (palliative care) concerns every rule that excludes it',
      { setting: 'professional', diagnosisCodes: ['Z51.5'] },
      CONDITION_RULES.filter((candidate) => candidate.exclusions.diagnosisCodePrefixes.includes('Z515')).map(
        (candidate) => candidate.id,
      ),
    ],
    ['an insulin fill', { setting: 'pharmacy', diagnosisCodes: [], drugClass: 'insulin' }, ['diabetes']],
    [
      'an ACE inhibitor fill supports heart failure and hypertension',
      { setting: 'pharmacy', diagnosisCodes: [], drugClass: 'ace-inhibitor' },
      ['heart-failure', 'hypertension'],
    ],
    ['a fill of no known class', { setting: 'pharmacy', diagnosisCodes: [] }, []],
  ])('%s', (_name, claim, expected) => {
    expect(rulesConcerningClaim(CONDITION_RULES, claim).sort()).toEqual([...expected].sort());
  });
});

describe('rulesConcerningSelfReport', () => {
  it('maps a reported condition to its rule and a biometric to the rules with a threshold on it', () => {
    expect(rulesConcerningSelfReport(CONDITION_RULES, { kind: 'condition', code: 'Asthma' })).toEqual(['asthma']);
    expect(rulesConcerningSelfReport(CONDITION_RULES, { kind: 'biometric', code: 'hba1c-percent' })).toEqual([
      'diabetes',
    ]);
    expect(rulesConcerningSelfReport(CONDITION_RULES, { kind: 'biometric', code: 'bmi' })).toEqual([]);
  });
});

describe('evidenceLookbackMonths', () => {
  it('is the longest period of any rule', () => {
    expect(evidenceLookbackMonths(CONDITION_RULES)).toBe(24);
    expect(evidenceLookbackMonths([rule('asthma')])).toBe(12);
  });
});

describe('firstDayOutOfPeriod', () => {
  it.each([
    ['2024-03-15', 12, '2025-03-15'],
    ['2024-01-31', 1, '2024-03-01'], // the period ending 2024-02-29 starts 2024-01-30, so it still holds 01-31
    ['2023-02-28', 12, '2024-02-28'],
    ['2024-02-29', 12, '2025-03-01'],
    ['2022-12-31', 24, '2024-12-31'],
  ])('%s with %i months leaves the period on %s', (date, months, expected) => {
    expect(firstDayOutOfPeriod(date, months)).toBe(expected);
  });

  it('is exactly the first day whose period no longer contains the date (checked day by day)', () => {
    for (const date of ['2024-01-29', '2024-01-30', '2024-01-31', '2023-08-31', '2024-12-31']) {
      for (const months of [1, 6, 12, 24]) {
        const out = firstDayOutOfPeriod(date, months);
        const dayBefore = new Date(`${out}T00:00:00Z`);
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
        expect(referencePeriodStart(out, months) > date).toBe(true);
        expect(referencePeriodStart(dayBefore.toISOString().slice(0, 10), months) <= date).toBe(true);
      }
    }
  });
});

describe('nextEvidenceExpiry', () => {
  const diabetes = rule('diabetes');

  it('is the earliest day a claim, fill or assessment leaves its own period', () => {
    const claims = [
      aClaim({ serviceDate: '2024-05-10', diagnosisCodes: ['E11.9'] }), // 24 months -> 2026-05-10
      aFill('2025-01-20', 'insulin'), // pharmacy 12 months -> 2026-01-20
    ];
    expect(nextEvidenceExpiry(diabetes, claims, [], '2025-06-01')).toBe('2026-01-20');
    const assessment = aSelfReport({ kind: 'biometric', code: 'hba1c-percent', value: 7, date: '2024-12-01' });
    expect(nextEvidenceExpiry(diabetes, claims, [assessment], '2025-06-01')).toBe('2025-12-01');
  });

  it('ignores voided claims, evidence already out of its period and evidence dated after asOf', () => {
    const claims = [
      aClaim({ serviceDate: '2024-05-10', diagnosisCodes: ['E11.9'], status: 'voided' }),
      aClaim({ serviceDate: '2022-01-01', diagnosisCodes: ['E11.9'] }),
      aClaim({ serviceDate: '2025-07-01', diagnosisCodes: ['E11.9'] }),
    ];
    expect(nextEvidenceExpiry(diabetes, claims, [], '2025-06-01')).toBeNull();
  });
});
