import type { DrugClass } from '../conditions/drug-class.types';
import { evaluateGap } from './evaluate-gap.rule';
import type { GapClaim, GapEvaluation, GapMember, GapReason, GapRule } from './gap-rule.types';
import { GAP_RULES } from './gap-rules.catalog';
import {
  DIABETES_EYE_EXAM_RULE,
  DIABETES_HBA1C_CONTROL_RULE,
  DIABETES_HBA1C_TESTING_RULE,
  DIABETES_KIDNEY_EVALUATION_RULE,
} from './rules/diabetes-care.rule-data';
import {
  ADHERENCE_DIABETES_RULE,
  ADHERENCE_RAS_ANTAGONISTS_RULE,
  ADHERENCE_STATINS_RULE,
  LATE_REFILL_RULE,
  STATIN_THERAPY_CARDIOVASCULAR_RULE,
  STATIN_THERAPY_DIABETES_RULE,
} from './rules/medication.rule-data';
import {
  BREAST_CANCER_SCREENING_RULE,
  COLORECTAL_CANCER_SCREENING_RULE,
} from './rules/preventive-screening.rule-data';
import {
  aDiagnosisClaim,
  aGapClaim,
  aGapFill,
  aGapMember,
  aLabClaim,
  aProcedureClaim,
} from './testing/gap-claim.factory';

// Every expected value below is worked out by hand from CLINICAL.md section 3 and the rule data; dates are counted
// on a calendar (2025 is a common year, 2024 a leap year).
const AS_OF = '2025-12-31';
const MID_YEAR = '2025-06-30';
/**
 * Issue 21 re-versioned every rule twice: gaps-2026.2 (windows, ages, exclusion windows, hospice by procedure code),
 * gaps-2026.3 (institutional hospice by revenue code and type of bill, palliative care G9054 and M1017).
 */
const V3 = 'gaps-2026.3';

/** Born 1 June 1970: 55 on 31 December 2025. */
const DIABETIC = aGapMember({ conditions: ['diabetes'] });
const WITH_CAD = aGapMember({ sex: 'male', conditions: ['coronary-artery-disease'] });
const ANYONE = aGapMember({ sex: 'male' });
const WOMAN = aGapMember({ sex: 'female' });

const idsOf = (claims: readonly GapClaim[]): string[] => claims.map((claim) => claim.claimId);
const sorted = (ids: readonly string[]): string[] => [...ids].sort();

interface Expected {
  readonly eligible: boolean;
  readonly open: boolean;
  readonly reason: GapReason;
}

const CLOSED: Expected = { eligible: true, open: false, reason: 'closed' };
const NO_SERVICE: Expected = { eligible: true, open: true, reason: 'no-service' };
const NOT_ELIGIBLE: Expected = { eligible: false, open: false, reason: 'not-eligible' };

function expectOutcome(result: GapEvaluation, expected: Expected): void {
  expect({ eligible: result.eligible, open: result.open, reason: result.reason }).toEqual(expected);
  expect(result.excluded).toBe(false);
  expect(result.exclusionClaimIds).toEqual([]);
}

function expectExcluded(result: GapEvaluation, exclusionClaimIds: readonly string[]): void {
  expect(result).toMatchObject({
    eligible: true,
    excluded: true,
    open: false,
    reason: 'excluded',
    closingClaimIds: [],
    evidenceClaimIds: [],
  });
  expect(sorted(result.exclusionClaimIds)).toEqual(sorted(exclusionClaimIds));
}

type AgeBoundary = readonly [birthDate: string, ageOn31December: number, eligible: boolean];

const AGES_18_75: readonly AgeBoundary[] = [
  ['2007-12-31', 18, true],
  ['2008-01-01', 17, false],
  ['1950-01-01', 75, true],
  ['1949-12-31', 76, false],
];

interface RuleFixture {
  readonly version: string;
  readonly member: GapMember;
  /** Claims the member needs besides the closing ones (e.g. an antidiabetic fill for the diabetes statin measure). */
  readonly base: () => GapClaim[];
  /** Claims that close the gap, all dated in 2025 before `AS_OF`. */
  readonly closing: () => GapClaim[];
  /** Outcome with the base claims only. */
  readonly withoutClosing: Expected;
  /** Birth dates around the age range, with the age on 31 December 2025. */
  readonly ages: readonly AgeBoundary[];
  /** The same member without the identified condition the rule needs (condition rules only). */
  readonly withoutCondition?: GapMember;
}

const FIXTURES: Readonly<Record<string, RuleFixture>> = {
  'diabetes-hba1c-testing': {
    version: V3,
    member: DIABETIC,
    base: () => [],
    closing: () => [aLabClaim('2025-06-01', '4548-4', 7.2)],
    withoutClosing: NO_SERVICE,
    ages: AGES_18_75,
    withoutCondition: ANYONE,
  },
  'diabetes-hba1c-poor-control': {
    version: V3,
    member: DIABETIC,
    base: () => [],
    closing: () => [aLabClaim('2025-06-01', '4548-4', 7.2)],
    withoutClosing: { eligible: true, open: true, reason: 'no-result' },
    ages: AGES_18_75,
    withoutCondition: ANYONE,
  },
  'diabetes-eye-exam': {
    version: V3,
    member: DIABETIC,
    base: () => [],
    closing: () => [aProcedureClaim('2025-06-01', '2022F')],
    withoutClosing: NO_SERVICE,
    ages: AGES_18_75,
    withoutCondition: ANYONE,
  },
  'diabetes-kidney-health-evaluation': {
    version: V3,
    member: DIABETIC,
    base: () => [],
    closing: () => [aProcedureClaim('2025-06-01', '80053'), aLabClaim('2025-06-01', '9318-7', 22)],
    withoutClosing: NO_SERVICE,
    ages: [
      ['2007-12-31', 18, true],
      ['2008-01-01', 17, false],
      ['1940-01-01', 85, true],
      ['1939-12-31', 86, false],
    ],
    withoutCondition: ANYONE,
  },
  'statin-therapy-cardiovascular': {
    version: V3,
    member: WITH_CAD,
    base: () => [],
    closing: () => [aGapFill('2025-06-01', 'statin')],
    withoutClosing: NO_SERVICE,
    ages: [
      ['2004-12-31', 21, true],
      ['2005-01-01', 20, false],
      ['1950-01-01', 75, true],
      ['1949-12-31', 76, false],
    ],
    withoutCondition: ANYONE,
  },
  'statin-therapy-diabetes': {
    version: V3,
    member: DIABETIC,
    base: () => [],
    closing: () => [aGapFill('2025-06-01', 'statin')],
    withoutClosing: NO_SERVICE,
    ages: [
      ['1985-12-31', 40, true],
      ['1986-01-01', 39, false],
      ['1950-01-01', 75, true],
      ['1949-12-31', 76, false],
    ],
    withoutCondition: ANYONE,
  },
  'breast-cancer-screening': {
    version: V3,
    member: WOMAN,
    base: () => [],
    closing: () => [aProcedureClaim('2025-06-01', '77067')],
    withoutClosing: NO_SERVICE,
    ages: [
      ['1985-12-31', 40, true],
      ['1986-01-01', 39, false],
      ['1951-01-01', 74, true],
      ['1950-12-31', 75, false],
    ],
  },
  'colorectal-cancer-screening': {
    version: V3,
    member: ANYONE,
    base: () => [],
    closing: () => [aProcedureClaim('2025-06-01', '82270')],
    withoutClosing: NO_SERVICE,
    ages: [
      ['1980-12-31', 45, true],
      ['1981-01-01', 44, false],
      ['1950-01-01', 75, true],
      ['1949-12-31', 76, false],
    ],
  },
  // Adherence: 1 October .. 31 December = 92 days, 91 days from the first fill to the as-of day; 90 + 2 days covered.
  'adherence-diabetes': {
    version: V3,
    member: ANYONE,
    base: () => [],
    closing: () => [aGapFill('2025-10-01', 'metformin', 90), aGapFill('2025-12-30', 'metformin', 30)],
    withoutClosing: NOT_ELIGIBLE,
    ages: [
      ['2007-12-31', 18, true],
      ['2008-01-01', 17, false],
    ],
  },
  'adherence-ras-antagonists': {
    version: V3,
    member: ANYONE,
    base: () => [],
    closing: () => [aGapFill('2025-10-01', 'ace-inhibitor', 90), aGapFill('2025-12-30', 'ace-inhibitor', 30)],
    withoutClosing: NOT_ELIGIBLE,
    ages: [
      ['2007-12-31', 18, true],
      ['2008-01-01', 17, false],
    ],
  },
  'adherence-statins': {
    version: V3,
    member: ANYONE,
    base: () => [],
    closing: () => [aGapFill('2025-10-01', 'statin', 90), aGapFill('2025-12-30', 'statin', 30)],
    withoutClosing: NOT_ELIGIBLE,
    ages: [
      ['2007-12-31', 18, true],
      ['2008-01-01', 17, false],
    ],
  },
  // 1 December + 30 days' supply + 15 grace = 15 January 2026: not late on 31 December.
  'late-refill': {
    version: V3,
    member: ANYONE,
    base: () => [],
    closing: () => [aGapFill('2025-12-01', 'metformin', 30)],
    withoutClosing: NOT_ELIGIBLE,
    ages: [['2025-12-31', 0, true]],
  },
};

function fixtureOf(rule: GapRule): RuleFixture {
  const fixture = FIXTURES[rule.id];
  if (fixture === undefined) throw new Error(`no fixture for ${rule.id}`);
  return fixture;
}

it('has a fixture for every rule of the catalog', () => {
  expect(sorted(GAP_RULES.map((rule) => rule.id))).toEqual(sorted(Object.keys(FIXTURES)));
});

describe.each(GAP_RULES.map((rule) => [rule.id, rule] as const))('evaluateGap(%s)', (_id, rule) => {
  const fixture = fixtureOf(rule);
  const evaluate = (
    claims: readonly GapClaim[],
    member: GapMember = fixture.member,
    asOf: string = AS_OF,
  ): GapEvaluation => evaluateGap(rule, member, claims, asOf);

  it('reports the rule id and version', () => {
    const result = evaluate([...fixture.base(), ...fixture.closing()]);
    expect(result.ruleId).toBe(rule.id);
    expect(result.ruleVersion).toBe(fixture.version);
  });

  it('is closed by its closing claims', () => {
    const closing = fixture.closing();
    const result = evaluate([...fixture.base(), ...closing]);
    expectOutcome(result, CLOSED);
    expect(sorted(result.closingClaimIds)).toEqual(sorted(idsOf(closing)));
  });

  it('without the closing claims has its own outcome', () => {
    const result = evaluate(fixture.base());
    expectOutcome(result, fixture.withoutClosing);
    expect(result.closingClaimIds).toEqual([]);
  });

  it('is excluded by palliative care (Z51.5) on 1 January of the measurement year, closing claims or not', () => {
    const palliative = aDiagnosisClaim('2025-01-01', 'Z51.5');
    const result = evaluate([...fixture.base(), ...fixture.closing(), palliative]);
    expect(result).toEqual({
      ruleId: rule.id,
      ruleVersion: fixture.version,
      eligible: true,
      excluded: true,
      open: false,
      reason: 'excluded',
      closingClaimIds: [],
      evidenceClaimIds: [],
      exclusionClaimIds: [palliative.claimId],
    });
  });

  it.each([
    ['hospice care per diem (HCPCS T2042)', 'T2042', '2025-01-01'],
    ['hospice place of care (HCPCS Q5001)', 'Q5001', '2025-06-01'],
    ['hospice services (HCPCS G9479)', 'G9479', '2025-12-31'],
    ['hospice care supervision (CPT 99377)', '99377', '2025-03-01'],
  ])('is excluded by %s in the measurement year, closing claims or not', (_name, code, date) => {
    const hospice = aProcedureClaim(date, code);
    expectExcluded(evaluate([...fixture.base(), ...fixture.closing(), hospice]), [hospice.claimId]);
  });

  it.each([
    ['on 31 December of the previous year', '2024-12-31'],
    ['after the as-of day', '2026-01-01'],
  ])('is not excluded by hospice services (T2042) %s', (_when, date) => {
    const result = evaluate([...fixture.base(), ...fixture.closing(), aProcedureClaim(date, 'T2042')]);
    expectOutcome(result, CLOSED);
  });

  // Institutional hospice (issue 21, gaps-2026.3): HEDIS and the eCQMs find hospice by the revenue codes 0115, 0125,
  // 0135, 0145, 0155, 0235, 0650-0659 and the types of bill 081x, 082x too, in the measurement year (2025 here). A
  // claim carrying only the revenue code or only the type of bill, no hospice HCPCS, excludes.
  it.each([
    [
      'revenue code 0651 on 1 January of the measurement year',
      { revenueCodes: ['0651'] },
      '2025-01-01',
      true,
    ],
    ['revenue code 0651 on 31 December of the year before', { revenueCodes: ['0651'] }, '2024-12-31', false],
    ['revenue code 0651 after the as-of day', { revenueCodes: ['0651'] }, '2026-01-01', false],
    ['revenue code 0650, the first hospice services code', { revenueCodes: ['0650'] }, '2025-06-01', true],
    ['revenue code 0659, the last hospice services code', { revenueCodes: ['0659'] }, '2025-06-01', true],
    ['revenue code 0660 (respite care, not hospice)', { revenueCodes: ['0660'] }, '2025-06-01', false],
    ['revenue code 0649 (not hospice)', { revenueCodes: ['0649'] }, '2025-06-01', false],
    ['hospice room and board 0115 among other lines', { revenueCodes: ['0450', '0115'] }, '2025-06-01', true],
    ['hospice room and board 0155', { revenueCodes: ['0155'] }, '2025-12-31', true],
    ['hospice incremental nursing 0235', { revenueCodes: ['0235'] }, '2025-06-01', true],
    ['room and board 0110 (private, not hospice)', { revenueCodes: ['0110'] }, '2025-06-01', false],
    ['type of bill 0811 (hospice, non-hospital based)', { typeOfBill: '0811' }, '2025-06-01', true],
    ['type of bill 0822 (hospice, hospital based)', { typeOfBill: '0822' }, '2025-06-01', true],
    ['type of bill 0811 on 1 January of the measurement year', { typeOfBill: '0811' }, '2025-01-01', true],
    ['type of bill 0811 on 31 December of the year before', { typeOfBill: '0811' }, '2024-12-31', false],
    ['type of bill 0111 (hospital inpatient)', { typeOfBill: '0111' }, '2025-06-01', false],
    ['type of bill 0831 (ambulatory surgery center)', { typeOfBill: '0831' }, '2025-06-01', false],
    [
      'type of bill 0131 with revenue code 0450 (outpatient, not hospice)',
      { typeOfBill: '0131', revenueCodes: ['0450'] },
      '2025-06-01',
      false,
    ],
  ] as const)('an institutional claim with %s: excluded %s', (_name, codes, date, excluded) => {
    const institutional = aGapClaim({ serviceDate: date, ...codes });
    const result = evaluate([...fixture.base(), ...fixture.closing(), institutional]);
    if (excluded) expectExcluded(result, [institutional.claimId]);
    else expectOutcome(result, CLOSED);
  });

  // Palliative care by HCPCS (issue 21, gaps-2026.3): G9054 and M1017 exclude like Z51.5, in the measurement year only.
  it.each([
    ['G9054 on 1 January of the measurement year', 'G9054', '2025-01-01', true],
    ['G9054 on the as-of day', 'G9054', '2025-12-31', true],
    ['G9054 on 31 December of the year before', 'G9054', '2024-12-31', false],
    ['G9054 after the as-of day', 'G9054', '2026-01-01', false],
    ['M1017 on 1 January of the measurement year', 'M1017', '2025-01-01', true],
    ['M1017 on 31 December of the year before', 'M1017', '2024-12-31', false],
    ['M1016 (not palliative care)', 'M1016', '2025-06-01', false],
    ['G9053 (not palliative care)', 'G9053', '2025-06-01', false],
  ] as const)('palliative care %s: excluded %s', (_name, code, date, excluded) => {
    const palliative = aProcedureClaim(date, code);
    const result = evaluate([...fixture.base(), ...fixture.closing(), palliative]);
    if (excluded) expectExcluded(result, [palliative.claimId]);
    else expectOutcome(result, CLOSED);
  });

  it('is excluded by Z51.5 in a secondary position', () => {
    const palliative = aDiagnosisClaim('2025-03-01', 'I10', 'Z51.5');
    expectExcluded(evaluate([...fixture.base(), palliative]), [palliative.claimId]);
  });

  it.each([
    ['on 31 December of the previous year', '2024-12-31'],
    ['after the as-of day', '2026-01-01'],
  ])('is not excluded by Z51.5 %s', (_when, date) => {
    const result = evaluate([...fixture.base(), ...fixture.closing(), aDiagnosisClaim(date, 'Z51.5')]);
    expectOutcome(result, CLOSED);
  });

  it.each(fixture.ages)('born %s (%d on 31 December 2025): eligible %s', (birthDate, _age, eligible) => {
    const result = evaluate([...fixture.base(), ...fixture.closing()], { ...fixture.member, birthDate });
    if (eligible) {
      expectOutcome(result, CLOSED);
    } else {
      expectOutcome(result, NOT_ELIGIBLE);
      expect(result.closingClaimIds).toEqual([]);
    }
  });

  if (fixture.withoutClosing.eligible) {
    // Mid-year the age on the as-of day differs: born 31 December 2007 is 17 on 30 June 2025 but 18 on 31 December.
    it.each(fixture.ages)(
      'as of 30 June 2025, born %s is judged by the age on 31 December (%d): eligible %s',
      (birthDate, _age, eligible) => {
        expect(evaluate(fixture.base(), { ...fixture.member, birthDate }, MID_YEAR).eligible).toBe(eligible);
      },
    );
  }

  const tooOld = fixture.ages.find(([, , eligible]) => !eligible);
  if (tooOld !== undefined) {
    it('checks eligibility before exclusions (an ineligible member with Z51.5 is not eligible, not excluded)', () => {
      const result = evaluate([...fixture.base(), aDiagnosisClaim('2025-03-01', 'Z51.5')], {
        ...fixture.member,
        birthDate: tooOld[0],
      });
      expectOutcome(result, NOT_ELIGIBLE);
    });
  }

  const withoutCondition = fixture.withoutCondition;
  if (withoutCondition !== undefined) {
    it('needs the identified condition', () => {
      expectOutcome(evaluate([...fixture.base(), ...fixture.closing()], withoutCondition), NOT_ELIGIBLE);
    });
  }
});

describe('measurement-year services: 1 January to the as-of day', () => {
  type WindowCase = readonly [
    name: string,
    rule: GapRule,
    member: GapMember,
    base: () => GapClaim[],
    serviceOn: (date: string) => GapClaim[],
  ];
  const services: WindowCase[] = [
    [
      'HbA1c test (CPT 83036)',
      DIABETES_HBA1C_TESTING_RULE,
      DIABETIC,
      () => [],
      (date) => [aProcedureClaim(date, '83036')],
    ],
    [
      'eye exam (CPT 92250)',
      DIABETES_EYE_EXAM_RULE,
      DIABETIC,
      () => [],
      (date) => [aProcedureClaim(date, '92250')],
    ],
    [
      'kidney evaluation (CPT 82565 and LOINC 13705-9)',
      DIABETES_KIDNEY_EVALUATION_RULE,
      DIABETIC,
      () => [],
      (date) => [aProcedureClaim(date, '82565'), aLabClaim(date, '13705-9', 12)],
    ],
    [
      'statin fill (cardiovascular)',
      STATIN_THERAPY_CARDIOVASCULAR_RULE,
      WITH_CAD,
      () => [],
      (date) => [aGapFill(date, 'statin')],
    ],
    [
      'statin fill (diabetes)',
      STATIN_THERAPY_DIABETES_RULE,
      DIABETIC,
      () => [],
      (date) => [aGapFill(date, 'statin')],
    ],
    [
      'FOBT (LOINC 2335-8)',
      COLORECTAL_CANCER_SCREENING_RULE,
      ANYONE,
      () => [],
      (date) => [aLabClaim(date, '2335-8')],
    ],
  ];

  describe.each(services)('%s', (_name, rule, member, base, serviceOn) => {
    it.each([
      ['on 1 January', '2025-01-01', CLOSED],
      ['on the as-of day', MID_YEAR, CLOSED],
      ['on 31 December of the previous year', '2024-12-31', NO_SERVICE],
      ['the day after the as-of day', '2025-07-01', NO_SERVICE],
    ] as const)('%s (%s), as of 30 June 2025', (_when, date, expected) => {
      expectOutcome(evaluateGap(rule, member, [...base(), ...serviceOn(date)], MID_YEAR), expected);
    });
  });
});

describe('diabetes-hba1c-testing', () => {
  const rule = DIABETES_HBA1C_TESTING_RULE;

  it.each(['83036', '83037', '3044F', '3046F', '3051F', '3052F'])('is closed by CPT %s', (code) => {
    const claim = aProcedureClaim('2025-04-01', code);
    const result = evaluateGap(rule, DIABETIC, [claim], AS_OF);
    expectOutcome(result, CLOSED);
    expect(result.closingClaimIds).toEqual([claim.claimId]);
  });

  it.each(['4548-4', '4549-2', '17855-8', '17856-6', '96595-4'])(
    'is closed by LOINC %s (a test, with or without a value)',
    (code) => {
      expectOutcome(evaluateGap(rule, DIABETIC, [aLabClaim('2025-04-01', code)], AS_OF), CLOSED);
      expectOutcome(evaluateGap(rule, DIABETIC, [aLabClaim('2025-04-01', code, 10.4)], AS_OF), CLOSED);
    },
  );

  it.each([
    ['a glucose test (CPT 82947)', () => aProcedureClaim('2025-04-01', '82947')],
    ['a glucose result (LOINC 2345-7)', () => aLabClaim('2025-04-01', '2345-7', 5.4)],
    ['an office visit (CPT 99213)', () => aProcedureClaim('2025-04-01', '99213')],
  ])('is not closed by %s', (_name, claim) => {
    expectOutcome(evaluateGap(rule, DIABETIC, [claim()], AS_OF), NO_SERVICE);
  });
});

describe('diabetes-hba1c-poor-control', () => {
  const rule = DIABETES_HBA1C_CONTROL_RULE;
  const POOR: Expected = { eligible: true, open: true, reason: 'poor-control' };
  const NO_RESULT: Expected = { eligible: true, open: true, reason: 'no-result' };

  type ControlCase = readonly [
    name: string,
    claims: () => GapClaim[],
    expected: Expected,
    decidingClaimIndex: number | null,
  ];
  const cases: ControlCase[] = [
    ['9.0 % closes', () => [aLabClaim('2025-06-01', '4548-4', 9.0)], CLOSED, 0],
    ['9.1 % opens', () => [aLabClaim('2025-06-01', '4548-4', 9.1)], POOR, 0],
    ['6.5 % closes', () => [aLabClaim('2025-06-01', '4548-4', 6.5)], CLOSED, 0],
    ['no result opens', () => [], NO_RESULT, null],
    [
      'a test reported without a value is no result',
      () => [aLabClaim('2025-06-01', '4548-4')],
      NO_RESULT,
      null,
    ],
    [
      'a result of another test (glucose LOINC 2345-7) is no result',
      () => [aLabClaim('2025-06-01', '2345-7', 5.0)],
      NO_RESULT,
      null,
    ],
    [
      'an HbA1c test code without a result (CPT 83036) is no result',
      () => [aProcedureClaim('2025-06-01', '83036')],
      NO_RESULT,
      null,
    ],
    [
      'a result from last year (31 December 2024) is no result',
      () => [aLabClaim('2024-12-31', '4548-4', 6.5)],
      NO_RESULT,
      null,
    ],
    ['a result on 1 January counts', () => [aLabClaim('2025-01-01', '4548-4', 6.5)], CLOSED, 0],
    [
      'a later in-control result closes an earlier poor one',
      () => [aLabClaim('2025-03-01', '4548-4', 10.2), aLabClaim('2025-09-01', '4548-4', 7.1)],
      CLOSED,
      1,
    ],
    [
      'a later poor result opens after an earlier in-control one',
      () => [aLabClaim('2025-03-01', '4548-4', 7.1), aLabClaim('2025-09-01', '4548-4', 9.4)],
      POOR,
      1,
    ],
    [
      'the latest result counts whatever the order the claims come in',
      () => [aLabClaim('2025-09-01', '4548-4', 7.1), aLabClaim('2025-03-01', '4548-4', 10.2)],
      CLOSED,
      0,
    ],
    [
      'last year’s poor result does not count against this year’s good one',
      () => [aLabClaim('2024-11-01', '4548-4', 11), aLabClaim('2025-02-01', '4548-4', 6.8)],
      CLOSED,
      1,
    ],
    [
      'two results on the latest day: the higher reading decides',
      () => [aLabClaim('2025-09-01', '4548-4', 7.0), aLabClaim('2025-09-01', '4548-4', 9.5)],
      POOR,
      1,
    ],
    ['CPT II 3046F (> 9 %) opens', () => [aProcedureClaim('2025-06-01', '3046F')], POOR, 0],
    ['CPT II 3044F (< 7 %) closes', () => [aProcedureClaim('2025-06-01', '3044F')], CLOSED, 0],
    ['CPT II 3051F (7-8 %) closes', () => [aProcedureClaim('2025-06-01', '3051F')], CLOSED, 0],
    ['CPT II 3052F (8-9 %) closes', () => [aProcedureClaim('2025-06-01', '3052F')], CLOSED, 0],
    [
      'a later lab value closes an earlier 3046F',
      () => [aProcedureClaim('2025-03-01', '3046F'), aLabClaim('2025-08-01', '4549-2', 8.0)],
      CLOSED,
      1,
    ],
    [
      'a later 3046F opens after an earlier good lab value',
      () => [aLabClaim('2025-03-01', '4549-2', 6.5), aProcedureClaim('2025-08-01', '3046F')],
      POOR,
      1,
    ],
  ];

  it.each(cases)('%s', (_name, claims, expected, decidingClaimIndex) => {
    const given = claims();
    const result = evaluateGap(rule, DIABETIC, given, AS_OF);
    expectOutcome(result, expected);
    const deciding = decidingClaimIndex === null ? [] : [given[decidingClaimIndex]?.claimId];
    expect(result.evidenceClaimIds).toEqual(deciding);
    expect(result.closingClaimIds).toEqual(expected.open ? [] : deciding);
  });

  it('ignores a result dated after the as-of day', () => {
    const claims = [aLabClaim('2025-03-01', '4548-4', 7.0), aLabClaim('2025-07-01', '4548-4', 9.5)];
    expectOutcome(evaluateGap(rule, DIABETIC, claims, MID_YEAR), CLOSED);
  });

  it.each(['4548-4', '4549-2', '17855-8', '17856-6', '96595-4'])('reads a value from LOINC %s', (code) => {
    expectOutcome(evaluateGap(rule, DIABETIC, [aLabClaim('2025-06-01', code, 8.0)], AS_OF), CLOSED);
    expectOutcome(evaluateGap(rule, DIABETIC, [aLabClaim('2025-06-01', code, 9.2)], AS_OF), POOR);
  });
});

describe('diabetes-eye-exam', () => {
  const rule = DIABETES_EYE_EXAM_RULE;
  const CLOSING_CODES = [
    // CPT II
    '2022F',
    '2023F',
    '2024F',
    '2025F',
    '2026F',
    '2033F',
    '3072F',
    // CPT
    '92002',
    '92004',
    '92012',
    '92014',
    '92134',
    '92227',
    '92228',
    '92229',
    '92250',
    // retinal procedures (subset of 67028-67228): the ends and one in between
    '67028',
    '67210',
    '67228',
    // HCPCS
    'S0620',
    'S0621',
    'S3000',
  ];

  it.each(CLOSING_CODES)('is closed by %s', (code) => {
    const claim = aProcedureClaim('2025-04-01', code);
    const result = evaluateGap(rule, DIABETIC, [claim], AS_OF);
    expectOutcome(result, CLOSED);
    expect(result.closingClaimIds).toEqual([claim.claimId]);
  });

  it.each(['2021F', '2027F', '92015', '99213'])('is not closed by %s', (code) => {
    expectOutcome(evaluateGap(rule, DIABETIC, [aProcedureClaim('2025-04-01', code)], AS_OF), NO_SERVICE);
  });
});

describe('diabetes-kidney-health-evaluation: eGFR AND uACR', () => {
  const rule = DIABETES_KIDNEY_EVALUATION_RULE;
  const egfr = (date = '2025-05-01'): GapClaim => aProcedureClaim(date, '82565');
  const uacrLab = (date = '2025-05-01'): GapClaim => aLabClaim(date, '9318-7', 18);

  type KidneyCase = readonly [name: string, claims: () => GapClaim[], expected: Expected];
  const cases: KidneyCase[] = [
    ['eGFR (CPT 82565) and uACR (LOINC 9318-7)', () => [egfr(), uacrLab()], CLOSED],
    [
      'eGFR and uACR by CPT 82043 with 82570 on one claim',
      () => [egfr(), aProcedureClaim('2025-05-01', '82043', '82570')],
      CLOSED,
    ],
    [
      'eGFR and uACR by CPT 82043 and 82570 on separate claims in the year',
      () => [egfr(), aProcedureClaim('2025-05-01', '82043'), aProcedureClaim('2025-05-03', '82570')],
      CLOSED,
    ],
    [
      'eGFR on one claim, uACR on another months later',
      () => [egfr('2025-02-01'), uacrLab('2025-11-01')],
      CLOSED,
    ],
    [
      'eGFR and uACR on one claim',
      () => [
        aGapClaim({
          serviceDate: '2025-05-01',
          procedureCodes: ['80048'],
          labs: [{ loincCode: '32294-1', value: 40 }],
        }),
      ],
      CLOSED,
    ],
    ['eGFR alone', () => [egfr()], NO_SERVICE],
    ['uACR (LOINC) alone', () => [uacrLab()], NO_SERVICE],
    [
      'CPT 82043 with 82570 alone (no eGFR)',
      () => [aProcedureClaim('2025-05-01', '82043', '82570')],
      NO_SERVICE,
    ],
    ['eGFR and CPT 82043 alone', () => [egfr(), aProcedureClaim('2025-05-01', '82043')], NO_SERVICE],
    ['eGFR and CPT 82570 alone', () => [egfr(), aProcedureClaim('2025-05-01', '82570')], NO_SERVICE],
    [
      'eGFR and CPT 82043 this year with 82570 last year',
      () => [egfr(), aProcedureClaim('2025-05-01', '82043'), aProcedureClaim('2024-12-31', '82570')],
      NO_SERVICE,
    ],
    [
      'eGFR last year (31 December 2024) and uACR this year',
      () => [egfr('2024-12-31'), uacrLab()],
      NO_SERVICE,
    ],
    [
      'eGFR this year and uACR last year (31 December 2024)',
      () => [egfr(), uacrLab('2024-12-31')],
      NO_SERVICE,
    ],
  ];

  it.each(cases)('%s', (_name, claims, expected) => {
    const given = claims();
    const result = evaluateGap(rule, DIABETIC, given, AS_OF);
    expectOutcome(result, expected);
    if (!expected.open) expect(sorted(result.closingClaimIds)).toEqual(sorted(idsOf(given)));
  });

  it('reports the eGFR found as evidence while uACR is missing', () => {
    const claim = egfr();
    const result = evaluateGap(rule, DIABETIC, [claim], AS_OF);
    expect(result.evidenceClaimIds).toEqual([claim.claimId]);
    expect(result.closingClaimIds).toEqual([]);
  });

  it.each([
    ['CPT', '80047'],
    ['CPT', '80048'],
    ['CPT', '80053'],
    ['CPT', '80069'],
    ['CPT', '82565'],
    ['LOINC', '33914-3'],
    ['LOINC', '48642-3'],
    ['LOINC', '48643-1'],
    ['LOINC', '62238-1'],
    ['LOINC', '77147-7'],
    ['LOINC', '98979-8'],
  ] as const)('eGFR by %s %s with a uACR closes', (system, code) => {
    const eGfr = system === 'CPT' ? aProcedureClaim('2025-05-01', code) : aLabClaim('2025-05-01', code, 72);
    expectOutcome(evaluateGap(rule, DIABETIC, [eGfr, uacrLab()], AS_OF), CLOSED);
    expectOutcome(evaluateGap(rule, DIABETIC, [eGfr], AS_OF), NO_SERVICE);
  });

  it.each(['9318-7', '13705-9', '32294-1'])('uACR by LOINC %s with an eGFR closes', (code) => {
    expectOutcome(evaluateGap(rule, DIABETIC, [egfr(), aLabClaim('2025-05-01', code, 18)], AS_OF), CLOSED);
  });

  it.each(['N18.6', 'Z99.2'])('is excluded by %s (ESRD, dialysis) in the measurement year', (code) => {
    const exclusion = aDiagnosisClaim('2025-02-01', code);
    expectExcluded(evaluateGap(rule, DIABETIC, [egfr(), uacrLab(), exclusion], AS_OF), [exclusion.claimId]);
  });

  it('is not excluded by CKD stage 5 short of ESRD (N18.5)', () => {
    expectOutcome(evaluateGap(rule, DIABETIC, [aDiagnosisClaim('2025-02-01', 'N18.5')], AS_OF), NO_SERVICE);
  });
});

const STATIN_EXCLUSION_CODES = ['Z51.5', 'N18.6', 'Z99.2', 'O09.90', 'Z33.1', 'K74.60', 'G72.41', 'M62.82'];

describe('statin-therapy-cardiovascular', () => {
  const rule = STATIN_THERAPY_CARDIOVASCULAR_RULE;

  it('is not closed by a fill of another class', () => {
    expectOutcome(
      evaluateGap(
        rule,
        WITH_CAD,
        [aGapFill('2025-06-01', 'metformin'), aGapFill('2025-06-01', 'arb')],
        AS_OF,
      ),
      NO_SERVICE,
    );
  });

  it.each(STATIN_EXCLUSION_CODES)('is excluded by %s in the measurement year', (code) => {
    const exclusion = aDiagnosisClaim('2025-04-01', code);
    expectExcluded(evaluateGap(rule, WITH_CAD, [aGapFill('2025-06-01', 'statin'), exclusion], AS_OF), [
      exclusion.claimId,
    ]);
  });

  it.each(['E78.5', 'K74.0', 'I25.10'])('is not excluded by %s', (code) => {
    expectOutcome(evaluateGap(rule, WITH_CAD, [aDiagnosisClaim('2025-04-01', code)], AS_OF), NO_SERVICE);
  });
});

describe('statin-therapy-diabetes', () => {
  const rule = STATIN_THERAPY_DIABETES_RULE;

  // HEDIS SPD's denominator is diabetes (diagnoses or fills); identified diabetes is the platform's, no fill needed.
  it.each<[string, () => GapClaim[]]>([
    ['no fill at all', () => []],
    ['an antidiabetic fill only last year (31 December 2024)', () => [aGapFill('2024-12-31', 'metformin')]],
    ['an insulin fill this year', () => [aGapFill('2025-03-01', 'insulin')]],
  ])(
    'is eligible with identified diabetes and %s: open without a statin, closed with one',
    (_name, claims) => {
      expectOutcome(evaluateGap(rule, DIABETIC, claims(), AS_OF), NO_SERVICE);
      const statin = aGapFill('2025-06-01', 'statin');
      const result = evaluateGap(rule, DIABETIC, [...claims(), statin], AS_OF);
      expectOutcome(result, CLOSED);
      expect(result.closingClaimIds).toEqual([statin.claimId]);
    },
  );

  it('is not eligible with antidiabetic fills but no identified diabetes', () => {
    expectOutcome(evaluateGap(rule, ANYONE, [aGapFill('2025-03-01', 'metformin')], AS_OF), NOT_ELIGIBLE);
  });

  it('excludes members with identified coronary artery disease (they are in the cardiovascular measure)', () => {
    const member = aGapMember({ conditions: ['diabetes', 'coronary-artery-disease'] });
    expectExcluded(evaluateGap(rule, member, [aGapFill('2025-03-01', 'metformin')], AS_OF), []);
    // and that member is in the cardiovascular measure instead
    expectOutcome(
      evaluateGap(STATIN_THERAPY_CARDIOVASCULAR_RULE, member, [aGapFill('2025-03-01', 'metformin')], AS_OF),
      NO_SERVICE,
    );
  });

  it.each(STATIN_EXCLUSION_CODES)('is excluded by %s in the measurement year', (code) => {
    const exclusion = aDiagnosisClaim('2025-04-01', code);
    expectExcluded(evaluateGap(rule, DIABETIC, [aGapFill('2025-03-01', 'metformin'), exclusion], AS_OF), [
      exclusion.claimId,
    ]);
  });
});

describe('breast-cancer-screening', () => {
  const rule = BREAST_CANCER_SCREENING_RULE;

  it.each([
    ['female', true],
    ['male', false],
    ['other', false],
    ['unknown', false],
  ] as const)('sex %s: eligible %s', (sex, eligible) => {
    const result = evaluateGap(rule, aGapMember({ sex }), [aProcedureClaim('2025-06-01', '77067')], AS_OF);
    expectOutcome(result, eligible ? CLOSED : NOT_ELIGIBLE);
  });

  it.each(['77061', '77062', '77063', '77065', '77066', '77067', 'G9899'])('is closed by %s', (code) => {
    expectOutcome(evaluateGap(rule, WOMAN, [aProcedureClaim('2025-06-01', code)], AS_OF), CLOSED);
  });

  it.each(['77046', '76641', '99213'])('is not closed by %s', (code) => {
    expectOutcome(evaluateGap(rule, WOMAN, [aProcedureClaim('2025-06-01', code)], AS_OF), NO_SERVICE);
  });

  // From 1 October two years before the measurement year, whatever the day of the year (measure-windows.spec.ts has
  // every edge): as of 31 December 2025 and as of 15 June 2025 alike the window opens on 1 October 2023.
  it.each([
    [AS_OF, '2023-10-01', CLOSED],
    [AS_OF, '2023-09-30', NO_SERVICE],
    [AS_OF, '2024-12-31', CLOSED],
    ['2025-06-15', '2023-10-01', CLOSED],
    ['2025-06-15', '2023-09-30', NO_SERVICE],
    ['2025-06-15', '2023-03-16', NO_SERVICE],
    ['2025-06-15', '2025-06-15', CLOSED],
    ['2025-06-15', '2025-06-16', NO_SERVICE],
  ] as const)('as of %s, a mammogram on %s', (asOf, date, expected) => {
    expectOutcome(evaluateGap(rule, WOMAN, [aProcedureClaim(date, '77067')], asOf), expected);
  });

  it('is excluded by bilateral mastectomy (Z90.13) in the measurement year', () => {
    const exclusion = aDiagnosisClaim('2025-02-01', 'Z90.13');
    expectExcluded(evaluateGap(rule, WOMAN, [exclusion], AS_OF), [exclusion.claimId]);
  });

  it('is not excluded by a unilateral mastectomy (Z90.12)', () => {
    expectOutcome(evaluateGap(rule, WOMAN, [aDiagnosisClaim('2025-02-01', 'Z90.12')], AS_OF), NO_SERVICE);
  });
});

describe('colorectal-cancer-screening', () => {
  const rule = COLORECTAL_CANCER_SCREENING_RULE;
  const procedure = (code: string) => (date: string) => aProcedureClaim(date, code);
  const lab = (code: string) => (date: string) => aLabClaim(date, code);

  const COLONOSCOPY = [
    '44388',
    '44389',
    '44390',
    '44391',
    '44392',
    '44393',
    '44394',
    '44397',
    '44401',
    '44402',
    '44403',
    '44404',
    '44405',
    '44406',
    '44407',
    '44408',
    '45355',
    '45378',
    '45379',
    '45380',
    '45381',
    '45382',
    '45383',
    '45384',
    '45385',
    '45386',
    '45387',
    '45388',
    '45389',
    '45390',
    '45391',
    '45392',
    '45393',
    '45398',
    'G0105',
    'G0121',
  ];
  const SIGMOIDOSCOPY = [
    '45330',
    '45331',
    '45332',
    '45333',
    '45334',
    '45335',
    '45337',
    '45338',
    '45340',
    '45341',
    '45342',
    '45346',
    '45347',
    '45349',
    '45350',
    'G0104',
  ];
  const CT_COLONOGRAPHY = ['74261', '74262', '74263'];
  const FIT_DNA_CPT = ['81528'];
  const FIT_DNA_LOINC = ['77353-1', '77354-9'];
  const FOBT_CPT = ['82270', '82274', 'G0328'];
  const FOBT_LOINC = ['2335-8', '12503-9', '27396-1', '29771-3', '56490-6', '57905-2', '58453-2', '80372-6'];

  it.each([
    ...COLONOSCOPY.map((code) => ['colonoscopy', code, procedure(code)] as const),
    ...SIGMOIDOSCOPY.map((code) => ['flexible sigmoidoscopy', code, procedure(code)] as const),
    ...CT_COLONOGRAPHY.map((code) => ['CT colonography', code, procedure(code)] as const),
    ...FIT_DNA_CPT.map((code) => ['FIT-DNA', code, procedure(code)] as const),
    ...FIT_DNA_LOINC.map((code) => ['FIT-DNA', code, lab(code)] as const),
    ...FOBT_CPT.map((code) => ['FOBT/FIT', code, procedure(code)] as const),
    ...FOBT_LOINC.map((code) => ['FOBT/FIT', code, lab(code)] as const),
  ])('is closed by %s %s this year', (_family, _code, claimOn) => {
    const claim = claimOn('2025-06-01');
    const result = evaluateGap(rule, ANYONE, [claim], AS_OF);
    expectOutcome(result, CLOSED);
    expect(result.closingClaimIds).toEqual([claim.claimId]);
  });

  it.each(['45300', '74150', '82271', '99213'])('is not closed by %s', (code) => {
    expectOutcome(evaluateGap(rule, ANYONE, [aProcedureClaim('2025-06-01', code)], AS_OF), NO_SERVICE);
  });

  // Calendar years before the measurement year (HEDIS COL-E), the same on any day of the year: colonoscopy from
  // 1 January 2016 (9 years before 2025), sigmoidoscopy and CT colonography from 1 January 2021 (4), FIT-DNA from
  // 1 January 2023 (2), FOBT from 1 January 2025.
  type WindowCase = readonly [
    family: string,
    asOf: string,
    date: string,
    expected: Expected,
    claimOn: (date: string) => GapClaim,
  ];
  const windows: WindowCase[] = [
    ['colonoscopy 45378', AS_OF, '2016-01-31', CLOSED, procedure('45378')],
    ['colonoscopy 45378', AS_OF, '2016-01-01', CLOSED, procedure('45378')],
    ['colonoscopy 45378', AS_OF, '2015-12-31', NO_SERVICE, procedure('45378')],
    ['colonoscopy 45378', AS_OF, '2015-11-30', NO_SERVICE, procedure('45378')],
    ['colonoscopy G0121', '2025-06-15', '2016-01-01', CLOSED, procedure('G0121')],
    ['colonoscopy G0121', '2025-06-15', '2015-12-31', NO_SERVICE, procedure('G0121')],
    ['colonoscopy G0121', '2025-06-15', '2015-06-16', NO_SERVICE, procedure('G0121')],
    ['sigmoidoscopy 45330', AS_OF, '2021-01-31', CLOSED, procedure('45330')],
    ['sigmoidoscopy 45330', AS_OF, '2021-01-01', CLOSED, procedure('45330')],
    ['sigmoidoscopy 45330', AS_OF, '2020-12-31', NO_SERVICE, procedure('45330')],
    ['sigmoidoscopy 45330', AS_OF, '2020-11-30', NO_SERVICE, procedure('45330')],
    ['sigmoidoscopy G0104', '2025-06-15', '2021-01-01', CLOSED, procedure('G0104')],
    ['sigmoidoscopy G0104', '2025-06-15', '2020-12-31', NO_SERVICE, procedure('G0104')],
    ['sigmoidoscopy G0104', '2025-06-15', '2020-06-16', NO_SERVICE, procedure('G0104')],
    ['CT colonography 74263', AS_OF, '2021-01-31', CLOSED, procedure('74263')],
    ['CT colonography 74263', AS_OF, '2021-01-01', CLOSED, procedure('74263')],
    ['CT colonography 74263', AS_OF, '2020-12-31', NO_SERVICE, procedure('74263')],
    ['CT colonography 74263', AS_OF, '2020-11-30', NO_SERVICE, procedure('74263')],
    ['CT colonography 74261', '2025-06-15', '2021-01-01', CLOSED, procedure('74261')],
    ['CT colonography 74261', '2025-06-15', '2020-12-31', NO_SERVICE, procedure('74261')],
    ['FIT-DNA 81528', AS_OF, '2023-01-31', CLOSED, procedure('81528')],
    ['FIT-DNA 81528', AS_OF, '2023-01-01', CLOSED, procedure('81528')],
    ['FIT-DNA 81528', AS_OF, '2022-12-31', NO_SERVICE, procedure('81528')],
    ['FIT-DNA 81528', AS_OF, '2022-11-30', NO_SERVICE, procedure('81528')],
    ['FIT-DNA LOINC 77354-9', '2025-06-15', '2023-01-01', CLOSED, lab('77354-9')],
    ['FIT-DNA LOINC 77354-9', '2025-06-15', '2022-12-31', NO_SERVICE, lab('77354-9')],
    ['FIT-DNA LOINC 77354-9', '2025-06-15', '2022-06-16', NO_SERVICE, lab('77354-9')],
    ['FOBT 82274', AS_OF, '2025-01-01', CLOSED, procedure('82274')],
    ['FOBT 82274', AS_OF, '2024-12-31', NO_SERVICE, procedure('82274')],
    ['FOBT LOINC 12503-9', '2025-06-15', '2025-01-01', CLOSED, lab('12503-9')],
    ['FOBT LOINC 12503-9', '2025-06-15', '2024-12-31', NO_SERVICE, lab('12503-9')],
    ['FOBT LOINC 12503-9', '2025-06-15', '2025-06-16', NO_SERVICE, lab('12503-9')],
    ['colonoscopy 45378', '2025-06-15', '2025-06-16', NO_SERVICE, procedure('45378')],
  ];

  it.each(windows)('%s as of %s on %s', (_family, asOf, date, expected, claimOn) => {
    expectOutcome(evaluateGap(rule, ANYONE, [claimOn(date)], asOf), expected);
  });

  it('is closed by any one service when several are present, listing every one found', () => {
    const claims = [
      aProcedureClaim('2018-05-01', '45378'),
      aProcedureClaim('2024-03-01', '81528'),
      aLabClaim('2025-02-01', '2335-8'),
    ];
    const result = evaluateGap(rule, ANYONE, claims, AS_OF);
    expectOutcome(result, CLOSED);
    expect(sorted(result.closingClaimIds)).toEqual(sorted(idsOf(claims)));
  });

  it.each(['C18.7', 'C19', 'C20', 'Z85.038', 'Z85.048'])(
    'is excluded by %s in the measurement year',
    (code) => {
      const exclusion = aDiagnosisClaim('2025-02-01', code);
      expectExcluded(evaluateGap(rule, ANYONE, [aProcedureClaim('2025-06-01', '82270'), exclusion], AS_OF), [
        exclusion.claimId,
      ]);
    },
  );

  it('is not excluded by anal cancer (C21.0)', () => {
    expectOutcome(evaluateGap(rule, ANYONE, [aDiagnosisClaim('2025-02-01', 'C21.0')], AS_OF), NO_SERVICE);
  });

  it.each(['female', 'male'] as const)('applies to %s members alike', (sex) => {
    expectOutcome(evaluateGap(rule, aGapMember({ sex }), [], AS_OF), NO_SERVICE);
  });
});

describe.each([
  ['adherence-diabetes', ADHERENCE_DIABETES_RULE, 'metformin', 'sulfonylurea', 'statin'],
  ['adherence-ras-antagonists', ADHERENCE_RAS_ANTAGONISTS_RULE, 'ace-inhibitor', 'arb', 'statin'],
  ['adherence-statins', ADHERENCE_STATINS_RULE, 'statin', null, 'metformin'],
] as const)('%s', (_id, rule, drugClass, otherClassOfGroup, classOutsideGroup) => {
  const BELOW: Expected = { eligible: true, open: true, reason: 'below-threshold' };
  const TOO_EARLY: Expected = { eligible: false, open: false, reason: 'too-early' };
  const fill = (date: string, daysSupply: number, prescriberNpi?: string): GapClaim =>
    aGapFill(date, drugClass, daysSupply, prescriberNpi);

  type AdherenceCase = readonly [
    name: string,
    fills: () => GapClaim[],
    expected: Expected,
    proportion: number | null,
  ];
  const cases: AdherenceCase[] = [
    ['one fill is not eligible', () => [fill('2025-06-01', 30)], NOT_ELIGIBLE, null],
    [
      'two fills on the same date are not eligible',
      () => [fill('2025-06-01', 30), fill('2025-06-01', 30)],
      NOT_ELIGIBLE,
      null,
    ],
    // 2 October .. 31 December is 90 days: too early to judge
    [
      'first fill 90 days before the as-of day is too early',
      () => [fill('2025-10-02', 30), fill('2025-11-01', 30)],
      TOO_EARLY,
      null,
    ],
    // 1 October is 91 days before: 92 treatment days, 1..30 October and 31 October .. 29 November covered = 60
    [
      'first fill 91 days before the as-of day is judged: 60 of 92 days',
      () => [fill('2025-10-01', 30), fill('2025-10-31', 30)],
      BELOW,
      60 / 92,
    ],
    // 23 September .. 31 December = 100 days; 23 September .. 1 November (40), 22 November .. 31 December (40)
    ['PDC exactly 0.80 closes', () => [fill('2025-09-23', 40), fill('2025-11-22', 40)], CLOSED, 0.8],
    // the second fill covers 23 November .. 31 December (39): 79 of 100
    ['PDC 0.79 is below the threshold', () => [fill('2025-09-23', 40), fill('2025-11-23', 39)], BELOW, 0.79],
    // quarterly fills from 1 January: 365 days, uncovered 30 June, 29-30 September, 30-31 December → 360 of 365
    [
      'quarterly 90-day fills all year: 360 of 365 days',
      () => [fill('2025-01-01', 90), fill('2025-04-01', 90), fill('2025-07-01', 90), fill('2025-10-01', 90)],
      CLOSED,
      360 / 365,
    ],
    [
      'two monthly fills in January and February, then none: 60 of 365 days',
      () => [fill('2025-01-01', 30), fill('2025-02-01', 30)],
      BELOW,
      60 / 365,
    ],
    // the 31 December 2024 fill is not in the measurement year: one fill left
    [
      'a fill last year does not count',
      () => [fill('2024-12-01', 90), fill('2025-10-01', 92)],
      NOT_ELIGIBLE,
      null,
    ],
    [
      'a fill after the as-of day does not count',
      () => [fill('2025-06-01', 30), fill('2026-01-05', 30)],
      NOT_ELIGIBLE,
      null,
    ],
    [
      `a ${classOutsideGroup} fill does not count`,
      () => [aGapFill('2025-06-01', classOutsideGroup, 30), fill('2025-10-01', 92)],
      NOT_ELIGIBLE,
      null,
    ],
  ];

  it.each(cases)('%s', (_name, fills, expected, proportion) => {
    const given = fills();
    const result = evaluateGap(rule, ANYONE, given, AS_OF);
    expectOutcome(result, expected);
    if (proportion === null) {
      expect(result.proportionOfDaysCovered).toBeUndefined();
    } else {
      expect(result.proportionOfDaysCovered).toBeCloseTo(proportion, 10);
      expect(sorted(result.evidenceClaimIds)).toEqual(sorted(idsOf(given)));
      expect(sorted(result.closingClaimIds)).toEqual(expected.open ? [] : sorted(idsOf(given)));
    }
  });

  it('is closed with PDC 1 and alerts the prescriber of the last fill', () => {
    const fills = [fill('2025-10-01', 90, '1111111111'), fill('2025-12-30', 30, '2222222222')];
    const result = evaluateGap(rule, ANYONE, fills, AS_OF);
    expectOutcome(result, CLOSED);
    expect(result.proportionOfDaysCovered).toBe(1);
    expect(result.prescriberNpi).toBe('2222222222');
    expect(sorted(result.closingClaimIds)).toEqual(sorted(idsOf(fills)));
  });

  it('alerts the prescriber of the last fill when open', () => {
    const result = evaluateGap(
      rule,
      ANYONE,
      [fill('2025-10-31', 30, '2222222222'), fill('2025-10-01', 30, '1111111111')],
      AS_OF,
    );
    expectOutcome(result, BELOW);
    expect(result.prescriberNpi).toBe('2222222222');
  });

  if (otherClassOfGroup !== null) {
    it(`pools ${drugClass} and ${otherClassOfGroup} fills (a switch within the group)`, () => {
      // 1 October .. 29 December by the first, 30 .. 31 December by the second: 92 of 92
      const fills = [fill('2025-10-01', 90), aGapFill('2025-12-30', otherClassOfGroup, 30)];
      const result = evaluateGap(rule, ANYONE, fills, AS_OF);
      expectOutcome(result, CLOSED);
      expect(result.proportionOfDaysCovered).toBe(1);
    });
  }

  it.each(['N18.6', 'Z99.2'])('is excluded by %s (ESRD, dialysis) in the measurement year', (code) => {
    const exclusion = aDiagnosisClaim('2025-03-01', code);
    expectExcluded(
      evaluateGap(rule, ANYONE, [fill('2025-10-01', 90), fill('2025-12-30', 30), exclusion], AS_OF),
      [exclusion.claimId],
    );
  });
});

describe('adherence exclusions by fill', () => {
  const adequate = (drugClass: DrugClass): GapClaim[] => [
    aGapFill('2025-10-01', drugClass, 90),
    aGapFill('2025-12-30', drugClass, 30),
  ];

  it('diabetes adherence is excluded by an insulin fill in the measurement year', () => {
    const insulin = aGapFill('2025-02-01', 'insulin');
    expectExcluded(evaluateGap(ADHERENCE_DIABETES_RULE, ANYONE, [...adequate('metformin'), insulin], AS_OF), [
      insulin.claimId,
    ]);
  });

  it('diabetes adherence is not excluded by an insulin fill last year', () => {
    expectOutcome(
      evaluateGap(
        ADHERENCE_DIABETES_RULE,
        ANYONE,
        [...adequate('metformin'), aGapFill('2024-12-31', 'insulin')],
        AS_OF,
      ),
      CLOSED,
    );
  });

  it('RAS adherence is excluded by an ARNI (sacubitril/valsartan) fill in the measurement year', () => {
    const arni = aGapFill('2025-02-01', 'arni');
    expectExcluded(evaluateGap(ADHERENCE_RAS_ANTAGONISTS_RULE, ANYONE, [...adequate('arb'), arni], AS_OF), [
      arni.claimId,
    ]);
  });

  it('RAS adherence is not excluded by an ARNI fill last year', () => {
    expectOutcome(
      evaluateGap(
        ADHERENCE_RAS_ANTAGONISTS_RULE,
        ANYONE,
        [...adequate('arb'), aGapFill('2024-12-31', 'arni')],
        AS_OF,
      ),
      CLOSED,
    );
  });

  it.each<[string, GapRule, DrugClass, DrugClass]>([
    ['RAS adherence', ADHERENCE_RAS_ANTAGONISTS_RULE, 'ace-inhibitor', 'insulin'],
    ['statin adherence', ADHERENCE_STATINS_RULE, 'statin', 'insulin'],
    ['statin adherence', ADHERENCE_STATINS_RULE, 'statin', 'arni'],
    ['diabetes adherence', ADHERENCE_DIABETES_RULE, 'sglt2-inhibitor', 'arni'],
  ])('%s (%s fills) is not excluded by a %s fill', (_name, rule, drugClass, otherClass) => {
    expectOutcome(
      evaluateGap(rule, ANYONE, [...adequate(drugClass), aGapFill('2025-02-01', otherClass)], AS_OF),
      CLOSED,
    );
  });
});

describe('late-refill', () => {
  const rule = LATE_REFILL_RULE;
  const LATE: Expected = { eligible: true, open: true, reason: 'refill-late' };

  // 1 May + 30 days' supply + 15 grace days = 15 June
  it.each([
    ['2025-06-14', CLOSED],
    ['2025-06-15', CLOSED],
    ['2025-06-16', LATE],
  ] as const)('a 30-day fill on 1 May, as of %s', (asOf, expected) => {
    const last = aGapFill('2025-05-01', 'metformin', 30, '1111111111');
    const result = evaluateGap(rule, ANYONE, [last], asOf);
    expectOutcome(result, expected);
    expect(result.refillDueBy).toBe('2025-06-15');
    expect(result.prescriberNpi).toBe('1111111111');
    expect(result.evidenceClaimIds).toEqual([last.claimId]);
    expect(result.closingClaimIds).toEqual(expected.open ? [] : [last.claimId]);
  });

  // 1 March + 90 + 15 = 105 days later = 14 June
  it.each([
    ['2025-06-14', CLOSED],
    ['2025-06-15', LATE],
  ] as const)('a 90-day fill on 1 March, as of %s', (asOf, expected) => {
    const result = evaluateGap(rule, ANYONE, [aGapFill('2025-03-01', 'statin', 90)], asOf);
    expectOutcome(result, expected);
    expect(result.refillDueBy).toBe('2025-06-14');
  });

  it('is open for a late statin while metformin is on time, reporting the statin', () => {
    // metformin 1 June + 45 = 16 July; statin 1 May + 45 = 15 June
    const metformin = aGapFill('2025-06-01', 'metformin', 30, '1111111111');
    const statin = aGapFill('2025-05-01', 'statin', 30, '2222222222');
    const result = evaluateGap(rule, ANYONE, [metformin, statin], '2025-06-16');
    expectOutcome(result, LATE);
    expect(result.refillDueBy).toBe('2025-06-15');
    expect(result.prescriberNpi).toBe('2222222222');
    expect(sorted(result.evidenceClaimIds)).toEqual(sorted([metformin.claimId, statin.claimId]));
  });

  it('when every class is on time, reports the earliest-due class and its prescriber', () => {
    // metformin 1 June + 45 = 16 July; statin 10 June + 105 = 23 September
    const metformin = aGapFill('2025-06-01', 'metformin', 30, '1111111111');
    const statin = aGapFill('2025-06-10', 'statin', 90, '2222222222');
    const result = evaluateGap(rule, ANYONE, [statin, metformin], '2025-06-16');
    expectOutcome(result, CLOSED);
    expect(result.refillDueBy).toBe('2025-07-16');
    expect(result.prescriberNpi).toBe('1111111111');
    expect(sorted(result.closingClaimIds)).toEqual(sorted([metformin.claimId, statin.claimId]));
  });

  it('is closed by the next fill (the last fill of the class decides)', () => {
    // 1 March + 45 = 15 April: late on 10 June until refilled on 1 June (due again 16 July)
    const first = aGapFill('2025-03-01', 'metformin', 30);
    const alone = evaluateGap(rule, ANYONE, [first], '2025-06-10');
    expectOutcome(alone, LATE);
    expect(alone.refillDueBy).toBe('2025-04-15');

    const next = aGapFill('2025-06-01', 'metformin', 30);
    const refilled = evaluateGap(rule, ANYONE, [first, next], '2025-06-10');
    expectOutcome(refilled, CLOSED);
    expect(refilled.refillDueBy).toBe('2025-07-16');
    expect(refilled.evidenceClaimIds).toEqual([next.claimId]);
  });

  it('ignores a fill dated after the as-of day', () => {
    const result = evaluateGap(
      rule,
      ANYONE,
      [aGapFill('2025-05-01', 'metformin', 30), aGapFill('2025-06-20', 'metformin', 30)],
      '2025-06-16',
    );
    expectOutcome(result, LATE);
    expect(result.refillDueBy).toBe('2025-06-15');
  });

  // As of 30 June 2025, 180 days back is 1 January 2025.
  it('watches a fill 180 days old (1 January as of 30 June): 1 January + 45 = 15 February, late', () => {
    const result = evaluateGap(rule, ANYONE, [aGapFill('2025-01-01', 'metformin', 30)], MID_YEAR);
    expectOutcome(result, LATE);
    expect(result.refillDueBy).toBe('2025-02-15');
  });

  it('takes therapy last filled 181 days ago (31 December 2024 as of 30 June) as stopped: not eligible', () => {
    const result = evaluateGap(rule, ANYONE, [aGapFill('2024-12-31', 'metformin', 30)], MID_YEAR);
    expectOutcome(result, NOT_ELIGIBLE);
    expect(result.refillDueBy).toBeUndefined();
  });

  it('leaves a stopped class out and judges the active one', () => {
    // stopped statin (31 December 2024); metformin 20 June + 45 = 4 August
    const result = evaluateGap(
      rule,
      ANYONE,
      [aGapFill('2024-12-31', 'statin', 30), aGapFill('2025-06-20', 'metformin', 30)],
      MID_YEAR,
    );
    expectOutcome(result, CLOSED);
    expect(result.refillDueBy).toBe('2025-08-04');
  });

  it('is not eligible with no fill, or with claims that are not fills', () => {
    expectOutcome(evaluateGap(rule, ANYONE, [], MID_YEAR), NOT_ELIGIBLE);
    expectOutcome(
      evaluateGap(rule, ANYONE, [aProcedureClaim('2025-06-01', '99213')], MID_YEAR),
      NOT_ELIGIBLE,
    );
  });

  it('leaves out prescriberNpi when the fill has none', () => {
    const result = evaluateGap(rule, ANYONE, [aGapFill('2025-05-01', 'metformin', 30)], '2025-06-16');
    expectOutcome(result, LATE);
    expect(result).not.toHaveProperty('prescriberNpi');
  });

  it.each<DrugClass>([
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
  ])('watches maintenance class %s', (drugClass) => {
    expectOutcome(evaluateGap(rule, ANYONE, [aGapFill('2025-05-01', drugClass, 30)], '2025-06-16'), LATE);
    expectOutcome(evaluateGap(rule, ANYONE, [aGapFill('2025-05-01', drugClass, 30)], '2025-06-15'), CLOSED);
  });
});

describe('evaluateGap: fixes found in review', () => {
  it('does not carry supply over between different drugs of a class group (covered days are a union)', () => {
    // metformin and a sulfonylurea on 1 Jan and 1 Feb, 30 days each, nothing after: as of 30 April,
    // 120 treatment days, covered 1-30 Jan and 1 Feb-2 Mar = 60 days, PDC 0.5
    const fills = [
      aGapFill('2025-01-01', 'metformin'),
      aGapFill('2025-01-01', 'sulfonylurea'),
      aGapFill('2025-02-01', 'metformin'),
      aGapFill('2025-02-01', 'sulfonylurea'),
    ];
    const result = evaluateGap(ADHERENCE_DIABETES_RULE, ANYONE, fills, '2025-04-30');
    expect(result).toMatchObject({ open: true, reason: 'below-threshold', proportionOfDaysCovered: 0.5 });
  });

  it('ignores fills without days of supply for adherence', () => {
    const fills = [aGapFill('2025-01-01', 'metformin', 0), aGapFill('2025-10-01', 'metformin', 90)];
    expect(evaluateGap(ADHERENCE_DIABETES_RULE, ANYONE, fills, '2025-12-31')).toMatchObject({
      eligible: false,
      reason: 'not-eligible',
    });
  });

  it('does not read inherited object properties as HbA1c result codes', () => {
    const claims = [aLabClaim('2025-03-01', '4548-4', 11), aProcedureClaim('2025-06-01', 'constructor')];
    expect(evaluateGap(DIABETES_HBA1C_CONTROL_RULE, DIABETIC, claims, AS_OF)).toMatchObject({
      open: true,
      reason: 'poor-control',
    });
  });

  it('excludes on a permanent diagnosis from any year of the history passed in', () => {
    const mastectomy = aDiagnosisClaim('2021-06-01', 'Z90.13');
    expect(evaluateGap(BREAST_CANCER_SCREENING_RULE, WOMAN, [mastectomy], AS_OF)).toMatchObject({
      excluded: true,
      exclusionClaimIds: [mastectomy.claimId],
    });
    // ESRD is permanent for the kidney evaluation (HEDIS KED: any time in the member's history)
    const esrd = aDiagnosisClaim('2023-02-01', 'N18.6');
    expect(evaluateGap(DIABETES_KIDNEY_EVALUATION_RULE, DIABETIC, [esrd], AS_OF)).toMatchObject({
      excluded: true,
      exclusionClaimIds: [esrd.claimId],
    });
  });
});
