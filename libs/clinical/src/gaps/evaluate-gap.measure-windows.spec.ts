import { evaluateGap } from './evaluate-gap.rule';
import {
  gapLookbackMonths,
  gapRuleHistoryMonths,
  nextGapReview,
  rulesConcerningGapClaim,
} from './gap-relevance.util';
import type { GapClaim, GapEvaluation, GapMember, GapReason, GapRule } from './gap-rule.types';
import { GAP_RULES } from './gap-rules.catalog';
import { DIABETES_EYE_EXAM_RULE, DIABETES_KIDNEY_EVALUATION_RULE } from './rules/diabetes-care.rule-data';
import {
  ADHERENCE_DIABETES_RULE,
  ADHERENCE_RAS_ANTAGONISTS_RULE,
  ADHERENCE_STATINS_RULE,
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

// Issue 21: the measure windows as the public measure summaries define them (docs/clinical/care-gap-rules.md). Every
// expected value is written by hand from those summaries for the 2026 measurement year, at the window's edges: the day
// before it opens, its first day, its last day (the as-of day, or 31 December of an earlier year) and the day after.

/** Mid-year: the windows are the same on any day of the measurement year; only the as-of day ends them. */
const MID_2026 = '2026-06-15';
const END_2026 = '2026-12-31';
const START_2027 = '2027-01-01';

/** Born 1 June 1970: 56 on 31 December 2026. */
const WOMAN = aGapMember({ sex: 'female' });
const ANYONE = aGapMember({ sex: 'male' });
const DIABETIC = aGapMember({ sex: 'male', conditions: ['diabetes'] });
const WITH_CAD = aGapMember({ sex: 'male', conditions: ['coronary-artery-disease'] });

type Outcome = readonly [eligible: boolean, excluded: boolean, open: boolean, reason: GapReason];
const CLOSED: Outcome = [true, false, false, 'closed'];
const OPEN: Outcome = [true, false, true, 'no-service'];
const EXCLUDED: Outcome = [true, true, false, 'excluded'];
const NOT_ELIGIBLE: Outcome = [false, false, false, 'not-eligible'];

const outcomeOf = (result: GapEvaluation): Outcome => [
  result.eligible,
  result.excluded,
  result.open,
  result.reason,
];

describe('breast cancer screening (HEDIS BCS-E, eCQM CMS125v14): from 1 October two years before', () => {
  const mammogram = (date: string): GapClaim => aProcedureClaim(date, '77067');

  it.each<[string, string, string, Outcome]>([
    ['the day before the window opens', MID_2026, '2024-09-30', OPEN],
    ['the first day of the window', MID_2026, '2024-10-01', CLOSED],
    ['the last day (the as-of day)', MID_2026, MID_2026, CLOSED],
    ['the day after the as-of day', MID_2026, '2026-06-16', OPEN],
    // months counted back from the as-of day would have taken this one (27 months before 15 June 2026)
    ['27 months before a mid-year as-of day', MID_2026, '2024-03-16', OPEN],
    ['the day before the window opens, on 31 December', END_2026, '2024-09-30', OPEN],
    ['the first day of the window, on 31 December', END_2026, '2024-10-01', CLOSED],
    ['the last day of the measurement year', END_2026, END_2026, CLOSED],
    // on 1 January 2027 the window opens on 1 October 2025
    ['30 September 2025, on the last day of 2026', END_2026, '2025-09-30', CLOSED],
    ['30 September 2025, on the first day of 2027', START_2027, '2025-09-30', OPEN],
    ['1 October 2025, on the first day of 2027', START_2027, '2025-10-01', CLOSED],
  ])('a mammogram on %s (as of %s, on %s)', (_edge, asOf, date, expected) => {
    expect(outcomeOf(evaluateGap(BREAST_CANCER_SCREENING_RULE, WOMAN, [mammogram(date)], asOf))).toEqual(
      expected,
    );
  });

  // Women 40-74 on 31 December 2026: the ages the measures screen (their denominators count 42-74, so that the whole
  // window falls after the 40th birthday; the platform reaches out from 40, a kept choice).
  it.each<[string, string, boolean]>([
    ['1986-12-31', END_2026, true],
    ['1987-01-01', END_2026, false],
    ['1952-01-01', END_2026, true],
    ['1951-12-31', END_2026, false],
    // 39 on 15 June but 40 on 31 December: eligible all year
    ['1986-12-31', MID_2026, true],
    // 42 and 49: eligible (the band started at 50 before issue 21)
    ['1984-06-01', MID_2026, true],
    ['1977-06-01', MID_2026, true],
  ])('born %s, as of %s: eligible %s', (birthDate, asOf, eligible) => {
    expect(
      evaluateGap(BREAST_CANCER_SCREENING_RULE, aGapMember({ sex: 'female', birthDate }), [], asOf).eligible,
    ).toBe(eligible);
  });
});

describe('colorectal cancer screening (HEDIS COL-E): calendar years before the measurement year', () => {
  const procedure = (code: string) => (date: string) => aProcedureClaim(date, code);
  const lab = (code: string) => (date: string) => aLabClaim(date, code);

  // colonoscopy: 2026 and the 9 years before (from 1 January 2017); sigmoidoscopy and CT colonography: 4 years before
  // (from 1 January 2022); FIT-DNA: 2 years before (from 1 January 2024); FOBT/FIT: 2026 only.
  it.each<[string, string, string, Outcome, (date: string) => GapClaim]>([
    ['colonoscopy 45378', MID_2026, '2016-12-31', OPEN, procedure('45378')],
    ['colonoscopy 45378', MID_2026, '2017-01-01', CLOSED, procedure('45378')],
    ['colonoscopy 45378', MID_2026, MID_2026, CLOSED, procedure('45378')],
    ['colonoscopy 45378', MID_2026, '2026-06-16', OPEN, procedure('45378')],
    ['colonoscopy 45378', END_2026, '2017-01-01', CLOSED, procedure('45378')],
    ['colonoscopy 45378', START_2027, '2017-12-31', OPEN, procedure('45378')],
    ['colonoscopy 45378', START_2027, '2018-01-01', CLOSED, procedure('45378')],
    ['flexible sigmoidoscopy 45330', MID_2026, '2021-12-31', OPEN, procedure('45330')],
    ['flexible sigmoidoscopy 45330', MID_2026, '2022-01-01', CLOSED, procedure('45330')],
    ['flexible sigmoidoscopy 45330', MID_2026, '2026-06-16', OPEN, procedure('45330')],
    ['CT colonography 74263', MID_2026, '2021-12-31', OPEN, procedure('74263')],
    ['CT colonography 74263', MID_2026, '2022-01-01', CLOSED, procedure('74263')],
    ['CT colonography 74263', END_2026, END_2026, CLOSED, procedure('74263')],
    ['FIT-DNA 81528', MID_2026, '2023-12-31', OPEN, procedure('81528')],
    ['FIT-DNA 81528', MID_2026, '2024-01-01', CLOSED, procedure('81528')],
    ['FIT-DNA LOINC 77353-1', END_2026, '2024-01-01', CLOSED, lab('77353-1')],
    ['FIT-DNA LOINC 77353-1', START_2027, '2024-12-31', OPEN, lab('77353-1')],
    ['FOBT 82274', MID_2026, '2025-12-31', OPEN, procedure('82274')],
    ['FOBT 82274', MID_2026, '2026-01-01', CLOSED, procedure('82274')],
    ['FOBT 82274', MID_2026, '2026-06-16', OPEN, procedure('82274')],
  ])('%s as of %s on %s', (_service, asOf, date, expected, claimOn) => {
    expect(outcomeOf(evaluateGap(COLORECTAL_CANCER_SCREENING_RULE, ANYONE, [claimOn(date)], asOf))).toEqual(
      expected,
    );
  });
});

describe('diabetes eye exam (HEDIS EED): an exam this year, or a negative one the year before', () => {
  it.each<[string, string, string, string, Outcome]>([
    // the year before 2026 is 2025
    ['negative (2023F)', '2023F', MID_2026, '2024-12-31', OPEN],
    ['negative (2023F)', '2023F', MID_2026, '2025-01-01', CLOSED],
    ['negative (2023F)', '2023F', MID_2026, '2025-12-31', CLOSED],
    ['negative (2025F)', '2025F', MID_2026, '2025-06-01', CLOSED],
    ['negative (2033F)', '2033F', MID_2026, '2025-06-01', CLOSED],
    ['with retinopathy (2022F)', '2022F', MID_2026, '2025-06-01', OPEN],
    ['with retinopathy (2024F)', '2024F', MID_2026, '2025-12-31', OPEN],
    ['with retinopathy (2026F)', '2026F', MID_2026, '2025-12-31', OPEN],
    ['without a result (92250)', '92250', MID_2026, '2025-12-31', OPEN],
    // 3072F says the prior year's exam was negative; it is billed, and counts, in the measurement year
    ['low risk (3072F)', '3072F', MID_2026, '2025-12-31', OPEN],
    ['low risk (3072F)', '3072F', MID_2026, '2026-01-01', CLOSED],
    // any exam in the measurement year counts, whatever its result
    ['with retinopathy (2022F)', '2022F', MID_2026, '2026-01-01', CLOSED],
    ['negative (2023F)', '2023F', MID_2026, '2026-06-16', OPEN],
    // on 1 January 2027 the year before is 2026
    ['negative (2023F)', '2023F', END_2026, '2025-12-31', CLOSED],
    ['negative (2023F)', '2023F', START_2027, '2025-12-31', OPEN],
    ['negative (2023F)', '2023F', START_2027, '2026-01-01', CLOSED],
    ['with retinopathy (2022F)', '2022F', START_2027, '2026-12-31', OPEN],
  ])('an exam %s as of %s on %s', (_result, code, asOf, date, expected) => {
    // `code` repeats the result for the table's readers; the claim carries it
    expect(
      outcomeOf(evaluateGap(DIABETES_EYE_EXAM_RULE, DIABETIC, [aProcedureClaim(date, code)], asOf)),
    ).toEqual(expected);
  });

  it('closes with both the prior-year negative exam and this year’s exam as closing claims', () => {
    const prior = aProcedureClaim('2025-04-01', '2025F');
    const current = aProcedureClaim('2026-04-01', '92014');
    const result = evaluateGap(DIABETES_EYE_EXAM_RULE, DIABETIC, [prior, current], MID_2026);
    expect(outcomeOf(result)).toEqual(CLOSED);
    expect([...result.closingClaimIds].sort()).toEqual([prior.claimId, current.claimId].sort());
  });
});

describe('kidney health evaluation (HEDIS KED): urine albumin and urine creatinine four days or less apart', () => {
  const egfr = (): GapClaim => aProcedureClaim('2026-06-01', '82565');

  it.each<[string, string, string, Outcome]>([
    ['the same day', '2026-06-10', '2026-06-10', CLOSED],
    ['creatinine 4 days after', '2026-06-10', '2026-06-14', CLOSED],
    ['creatinine 5 days after', '2026-06-10', '2026-06-15', OPEN],
    ['creatinine 4 days before', '2026-06-10', '2026-06-06', CLOSED],
    ['creatinine 5 days before', '2026-06-10', '2026-06-05', OPEN],
    // four days apart across 1 January: the creatinine is not in the measurement year
    ['creatinine on 29 December 2025, albumin on 2 January', '2026-01-02', '2025-12-29', OPEN],
    ['creatinine on 5 January, albumin on 1 January', '2026-01-01', '2026-01-05', CLOSED],
    ['creatinine on 31 December, albumin on 27 December', '2026-12-27', '2026-12-31', CLOSED],
  ])('%s (82043 on %s, 82570 on %s)', (_case, albumin, creatinine, expected) => {
    const claims = [egfr(), aProcedureClaim(albumin, '82043'), aProcedureClaim(creatinine, '82570')];
    expect(outcomeOf(evaluateGap(DIABETES_KIDNEY_EVALUATION_RULE, DIABETIC, claims, END_2026))).toEqual(
      expected,
    );
  });

  it('closes with the pair that is close enough, leaving out an albumin test with no creatinine near it', () => {
    const early = aProcedureClaim('2026-03-01', '82043');
    const albumin = aProcedureClaim('2026-09-20', '82043');
    const creatinine = aProcedureClaim('2026-09-23', '82570');
    const test = egfr();
    const result = evaluateGap(
      DIABETES_KIDNEY_EVALUATION_RULE,
      DIABETIC,
      [early, test, albumin, creatinine],
      END_2026,
    );
    expect(outcomeOf(result)).toEqual(CLOSED);
    expect([...result.closingClaimIds].sort()).toEqual(
      [test.claimId, albumin.claimId, creatinine.claimId].sort(),
    );
  });

  it('is open with albumin and creatinine months apart (they counted anywhere in the year before issue 21)', () => {
    const claims = [egfr(), aProcedureClaim('2026-03-01', '82043'), aProcedureClaim('2026-09-01', '82570')];
    expect(outcomeOf(evaluateGap(DIABETES_KIDNEY_EVALUATION_RULE, DIABETIC, claims, END_2026))).toEqual(OPEN);
  });
});

describe('statin therapy for cardiovascular disease (HEDIS SPC): men 21-75, women 40-75', () => {
  it.each<[GapMember['sex'], string, number, boolean]>([
    ['male', '2005-12-31', 21, true],
    ['male', '2006-01-01', 20, false],
    ['male', '1951-01-01', 75, true],
    ['male', '1950-12-31', 76, false],
    ['female', '1986-12-31', 40, true],
    ['female', '1987-01-01', 39, false],
    ['female', '2005-12-31', 21, false],
    ['female', '1951-01-01', 75, true],
    ['female', '1950-12-31', 76, false],
    // no sex recorded for the measure: the wider band (a product choice)
    ['other', '2005-12-31', 21, true],
    ['unknown', '2006-01-01', 20, false],
    ['unknown', '1951-01-01', 75, true],
  ])('%s born %s (%d on 31 December 2026): eligible %s', (sex, birthDate, _age, eligible) => {
    const member = aGapMember({ sex, birthDate, conditions: ['coronary-artery-disease'] });
    expect(evaluateGap(STATIN_THERAPY_CARDIOVASCULAR_RULE, member, [], END_2026).eligible).toBe(eligible);
  });
});

describe('statin measures: exclusions in the measurement year or the year before', () => {
  // As of 15 June 2026: the measurement year opens on 1 January 2026, the year before on 1 January 2025.
  const SPC = 'statin-therapy-cardiovascular';
  const SPD = 'statin-therapy-diabetes';
  const measures: Readonly<Record<string, readonly [GapRule, GapMember]>> = {
    [SPC]: [STATIN_THERAPY_CARDIOVASCULAR_RULE, WITH_CAD],
    [SPD]: [STATIN_THERAPY_DIABETES_RULE, DIABETIC],
  };
  type ExclusionCase = readonly [measure: string, code: string, date: string, expected: Outcome];
  const cases: ExclusionCase[] = [
    [SPC, 'N18.6', '2024-12-31', OPEN],
    [SPC, 'N18.6', '2025-01-01', EXCLUDED],
    [SPC, 'Z99.2', MID_2026, EXCLUDED],
    [SPC, 'Z99.2', '2026-06-16', OPEN],
    [SPC, 'K74.60', '2024-12-31', OPEN],
    [SPC, 'K74.60', '2025-01-01', EXCLUDED],
    // SPC: pregnancy, myositis and palliative care in the measurement year only
    [SPC, 'O09.90', '2025-12-31', OPEN],
    [SPC, 'O09.90', '2026-01-01', EXCLUDED],
    [SPC, 'M62.82', '2025-12-31', OPEN],
    [SPC, 'M62.82', '2026-01-01', EXCLUDED],
    [SPC, 'Z51.5', '2025-12-31', OPEN],
    [SPD, 'N18.6', '2024-12-31', OPEN],
    [SPD, 'N18.6', '2025-01-01', EXCLUDED],
    [SPD, 'K74.60', '2025-01-01', EXCLUDED],
    // SPD: pregnancy in the year before too
    [SPD, 'Z33.1', '2024-12-31', OPEN],
    [SPD, 'Z33.1', '2025-01-01', EXCLUDED],
    [SPD, 'O09.90', '2025-12-31', EXCLUDED],
    [SPD, 'G72.41', '2025-12-31', OPEN],
    [SPD, 'G72.41', '2026-01-01', EXCLUDED],
  ];

  it.each(cases)('%s: %s on %s gives %j', (measure, code, date, expected) => {
    const [rule, member] = measures[measure] ?? [STATIN_THERAPY_CARDIOVASCULAR_RULE, WITH_CAD];
    const exclusion = aDiagnosisClaim(date, code);
    const result = evaluateGap(rule, member, [exclusion], MID_2026);
    expect(outcomeOf(result)).toEqual(expected);
    expect(result.exclusionClaimIds).toEqual(expected === EXCLUDED ? [exclusion.claimId] : []);
  });

  it('names the claims of both windows once each', () => {
    const esrd = aDiagnosisClaim('2025-03-01', 'N18.6', 'O09.90');
    const pregnancy = aDiagnosisClaim('2026-02-01', 'O09.90');
    const result = evaluateGap(STATIN_THERAPY_CARDIOVASCULAR_RULE, WITH_CAD, [esrd, pregnancy], MID_2026);
    expect([...result.exclusionClaimIds].sort()).toEqual([esrd.claimId, pregnancy.claimId].sort());
  });
});

describe('adherence (PQA PDC): end-stage renal disease in the measurement year', () => {
  // 1 October + 90 days and 30 December + 30 days: every day to 31 December 2026 covered
  const adequate = (drugClass: 'metformin' | 'arb' | 'statin'): GapClaim[] => [
    aGapFill('2026-10-01', drugClass, 90),
    aGapFill('2026-12-30', drugClass, 30),
  ];

  it.each<[string, 'metformin' | 'arb' | 'statin', string, string, Outcome, GapRule]>([
    ['adherence-diabetes', 'metformin', 'N18.6', '2025-12-31', CLOSED, ADHERENCE_DIABETES_RULE],
    ['adherence-diabetes', 'metformin', 'N18.6', '2026-01-01', EXCLUDED, ADHERENCE_DIABETES_RULE],
    ['adherence-ras-antagonists', 'arb', 'Z99.2', '2025-12-31', CLOSED, ADHERENCE_RAS_ANTAGONISTS_RULE],
    ['adherence-ras-antagonists', 'arb', 'Z99.2', '2026-01-01', EXCLUDED, ADHERENCE_RAS_ANTAGONISTS_RULE],
    ['adherence-statins', 'statin', 'N18.6', '2020-01-01', CLOSED, ADHERENCE_STATINS_RULE],
    ['adherence-statins', 'statin', 'N18.6', END_2026, EXCLUDED, ADHERENCE_STATINS_RULE],
  ])('%s (%s fills) with %s on %s: %j', (_id, drugClass, code, date, expected, rule) => {
    const result = evaluateGap(rule, ANYONE, [...adequate(drugClass), aDiagnosisClaim(date, code)], END_2026);
    expect(outcomeOf(result)).toEqual(expected);
  });
});

describe('how far back the rules look, and when time alone changes them', () => {
  // months from the first day of each rule's earliest window to the end of the measurement year
  it.each([
    ['diabetes-hba1c-testing', 12],
    ['diabetes-hba1c-poor-control', 12],
    ['diabetes-eye-exam', 24],
    ['diabetes-kidney-health-evaluation', 12],
    ['statin-therapy-cardiovascular', 24],
    ['statin-therapy-diabetes', 24],
    ['breast-cancer-screening', 27],
    ['colorectal-cancer-screening', 120],
    ['adherence-diabetes', 12],
    ['adherence-ras-antagonists', 12],
    ['adherence-statins', 12],
    ['late-refill', 12],
  ])('%s: %d months', (id, months) => {
    const rule = GAP_RULES.find((candidate) => candidate.id === id);
    expect(rule === undefined ? undefined : gapRuleHistoryMonths(rule)).toBe(months);
  });

  it('the catalog looks back 120 months (the colonoscopy window)', () => {
    expect(gapLookbackMonths(GAP_RULES)).toBe(120);
  });

  it.each<[string, GapRule, GapMember, () => GapClaim[]]>([
    [
      'mammography on 1 October 2024',
      BREAST_CANCER_SCREENING_RULE,
      WOMAN,
      () => [aProcedureClaim('2024-10-01', '77067')],
    ],
    [
      'colonoscopy on 1 January 2017',
      COLORECTAL_CANCER_SCREENING_RULE,
      ANYONE,
      () => [aProcedureClaim('2017-01-01', '45378')],
    ],
    [
      'a negative eye exam in 2025',
      DIABETES_EYE_EXAM_RULE,
      DIABETIC,
      () => [aProcedureClaim('2025-03-01', '2023F')],
    ],
  ])(
    'a gap closed by %s is next reviewed on 1 January 2027, when its window moves',
    (_name, rule, member, claims) => {
      const given = claims();
      const evaluation = evaluateGap(rule, member, given, MID_2026);
      expect(outcomeOf(evaluation)).toEqual(CLOSED);
      expect(nextGapReview(rule, given, evaluation, MID_2026)).toBe(START_2027);
    },
  );

  it('a hospice claim (HCPCS Q5001) concerns every rule, so it is kept and loaded for each', () => {
    const claim = aProcedureClaim('2026-03-01', 'Q5001');
    expect(rulesConcerningGapClaim(GAP_RULES, claim).sort()).toEqual(GAP_RULES.map((rule) => rule.id).sort());
  });

  it.each([
    ['revenue code 0651 alone', { revenueCodes: ['0651'] }],
    ['type of bill 0811 alone', { typeOfBill: '0811' }],
    ['palliative care HCPCS G9054', { procedureCodes: ['G9054'] }],
    ['palliative care HCPCS M1017', { procedureCodes: ['M1017'] }],
  ] as const)(
    'an institutional hospice or palliative claim (%s) concerns every rule, so it is kept',
    (_name, codes) => {
      const claim = aGapClaim({ serviceDate: '2026-03-01', ...codes });
      expect(rulesConcerningGapClaim(GAP_RULES, claim).sort()).toEqual(
        GAP_RULES.map((rule) => rule.id).sort(),
      );
    },
  );

  it.each([
    ['revenue code 0660', { revenueCodes: ['0660'] }],
    ['revenue code 0450', { revenueCodes: ['0450'] }],
    ['type of bill 0111', { typeOfBill: '0111' }],
  ] as const)('an institutional claim with %s and nothing else concerns no rule', (_name, codes) => {
    expect(rulesConcerningGapClaim(GAP_RULES, aGapClaim({ serviceDate: '2026-03-01', ...codes }))).toEqual(
      [],
    );
  });

  // A hospice stay across 1 January, dated by its first day (the claim's serviceDateFrom), with revenue code 0651:
  // as of mid-2026 a stay dated 31 December 2025 is last year's; one dated 1 January 2026 excludes.
  it.each([
    ['2025-12-31', OPEN],
    ['2026-01-01', 'excluded'],
  ] as const)(
    'colorectal screening as of 15 June 2026 with hospice revenue code 0651 dated %s: %s',
    (date, expected) => {
      const hospice = aGapClaim({ serviceDate: date, revenueCodes: ['0651'], typeOfBill: '0811' });
      const evaluation = evaluateGap(COLORECTAL_CANCER_SCREENING_RULE, ANYONE, [hospice], MID_2026);
      if (expected === 'excluded') {
        expect(evaluation).toMatchObject({
          excluded: true,
          open: false,
          exclusionClaimIds: [hospice.claimId],
        });
      } else {
        expect(outcomeOf(evaluation)).toEqual(expected);
      }
    },
  );

  it('a claim dated after the as-of day is looked at again on its own date', () => {
    // a colonoscopy sent with a date three days ahead (claims-intake does not refuse future service dates)
    const ahead = aProcedureClaim('2026-06-18', '45378');
    const evaluation = evaluateGap(COLORECTAL_CANCER_SCREENING_RULE, ANYONE, [ahead], MID_2026);
    expect(outcomeOf(evaluation)).toEqual(OPEN);
    expect(nextGapReview(COLORECTAL_CANCER_SCREENING_RULE, [ahead], evaluation, MID_2026)).toBe('2026-06-18');
    expect(outcomeOf(evaluateGap(COLORECTAL_CANCER_SCREENING_RULE, ANYONE, [ahead], '2026-06-18'))).toEqual(
      CLOSED,
    );
  });

  it.each([
    ['K74.60', ['statin-therapy-cardiovascular', 'statin-therapy-diabetes']],
    ['O09.90', ['statin-therapy-cardiovascular', 'statin-therapy-diabetes']],
    [
      'N18.6',
      [
        'diabetes-kidney-health-evaluation',
        'statin-therapy-cardiovascular',
        'statin-therapy-diabetes',
        'adherence-diabetes',
        'adherence-ras-antagonists',
        'adherence-statins',
      ],
    ],
  ])('a claim with %s concerns the rules that exclude on it in any window', (code, ids) => {
    const claim = aDiagnosisClaim('2025-03-01', code);
    expect(rulesConcerningGapClaim(GAP_RULES, claim).sort()).toEqual([...ids].sort());
  });
});

describe('outcomes that stay as they were (kept choices)', () => {
  // COL-E: 45-75 on 31 December (the eCQM's initial population starts at 46; the platform keeps 45, see the doc)
  it.each<[string, Outcome]>([
    ['1981-12-31', OPEN],
    ['1982-01-01', NOT_ELIGIBLE],
    ['1951-01-01', OPEN],
    ['1950-12-31', NOT_ELIGIBLE],
  ])(
    'colorectal screening, born %s, as of 15 June 2026 (age taken on 31 December): %j',
    (birthDate, expected) => {
      const member = aGapMember({ birthDate });
      expect(outcomeOf(evaluateGap(COLORECTAL_CANCER_SCREENING_RULE, member, [], MID_2026))).toEqual(
        expected,
      );
    },
  );
});

describe('adherence (PQA PDC), kept choices mid-year: coverage up to the as-of day, first fill 91 days before it', () => {
  // As of 15 June 2026. The rule text (docs/clinical/care-gap-rules.md): 2+ fills on distinct dates in the
  // measurement year; the first at least 91 days before the as-of day, else not yet measured ('too-early'); the
  // treatment period runs from the first fill to the as-of day, both included; PDC >= 0.80 closes.
  // 91 days before 15 June is 16 March (16 days of March from the 16th, 30 of April, 31 of May, 15 of June: 92
  // treatment days counted on both ends, 91 days apart); 17 March is 90 days before.
  const TOO_EARLY: Outcome = [false, false, false, 'too-early'];
  const BELOW: Outcome = [true, false, true, 'below-threshold'];
  const RULES: ReadonlyArray<[string, GapRule, 'metformin' | 'arb' | 'statin']> = [
    ['adherence-diabetes (metformin fills)', ADHERENCE_DIABETES_RULE, 'metformin'],
    ['adherence-ras-antagonists (ARB fills)', ADHERENCE_RAS_ANTAGONISTS_RULE, 'arb'],
    ['adherence-statins (statin fills)', ADHERENCE_STATINS_RULE, 'statin'],
  ];

  describe.each(RULES)('%s', (_name, rule, drugClass) => {
    it.each<[string, Array<[date: string, daysSupply: number]>, Outcome, number | undefined]>([
      // the first fill 90 days before the as-of day: not measured yet, whatever the coverage
      [
        'first fill 17 March (90 days before), fully covered',
        [
          ['2026-03-17', 90],
          ['2026-06-15', 30],
        ],
        TOO_EARLY,
        undefined,
      ],
      // 91 days before: measured; 16 March + 90 days covers 16 March to 13 June, 14 June + 30 the rest: 92 of 92
      [
        'first fill 16 March (91 days before), fully covered',
        [
          ['2026-03-16', 90],
          ['2026-06-14', 30],
        ],
        CLOSED,
        1,
      ],
      // 16 March + 30 days: 16 March to 14 April (30); 1 May + 44 days: 1 May to 13 June (44): 74 of 92 = 0.804
      [
        '74 of 92 days covered',
        [
          ['2026-03-16', 30],
          ['2026-05-01', 44],
        ],
        CLOSED,
        74 / 92,
      ],
      // one day less of supply: 1 May to 12 June (43): 73 of 92 = 0.793
      [
        '73 of 92 days covered',
        [
          ['2026-03-16', 30],
          ['2026-05-01', 43],
        ],
        BELOW,
        73 / 92,
      ],
      // 1 May + 90 days runs to 29 July; only 1 May to 15 June (46) counts: 76 of 92 = 0.826. Counted to 31 December
      // (the PQA period end) the same fills would cover 120 of 291 days and be open.
      [
        'a supply running past the as-of day',
        [
          ['2026-03-16', 30],
          ['2026-05-01', 90],
        ],
        CLOSED,
        76 / 92,
      ],
    ])('as of 15 June 2026, %s', (_name, fills, expected, pdc) => {
      const claims = fills.map(([date, daysSupply]) => aGapFill(date, drugClass, daysSupply));
      const result = evaluateGap(rule, ANYONE, claims, MID_2026);
      expect(outcomeOf(result)).toEqual(expected);
      if (pdc === undefined) expect(result.proportionOfDaysCovered).toBeUndefined();
      else expect(result.proportionOfDaysCovered).toBeCloseTo(pdc, 6);
    });

    it('the same fills counted to 31 December: 120 of 291 days (16 March to 31 December), open', () => {
      const claims = [aGapFill('2026-03-16', drugClass, 30), aGapFill('2026-05-01', drugClass, 90)];
      const result = evaluateGap(rule, ANYONE, claims, END_2026);
      expect(outcomeOf(result)).toEqual(BELOW);
      expect(result.proportionOfDaysCovered).toBeCloseTo(120 / 291, 6);
    });

    it('a first fill 90 days before is measured the next day: reviewed on 16 June (17 March + 91 days)', () => {
      const claims = [aGapFill('2026-03-17', drugClass, 90), aGapFill('2026-06-15', drugClass, 30)];
      const evaluation = evaluateGap(rule, ANYONE, claims, MID_2026);
      expect(outcomeOf(evaluation)).toEqual(TOO_EARLY);
      expect(nextGapReview(rule, claims, evaluation, MID_2026)).toBe('2026-06-16');
      // 17 March to 16 June: 92 days, 17 March + 90 covers to 14 June, 15 June + 30 the rest
      expect(outcomeOf(evaluateGap(rule, ANYONE, claims, '2026-06-16'))).toEqual(CLOSED);
    });
  });
});
