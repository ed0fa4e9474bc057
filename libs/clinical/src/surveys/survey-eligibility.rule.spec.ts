import {
  ageInYears,
  daysBetween,
  decideSurvey,
  type EarlierSurvey,
  type SurveyDecisionInput,
  type SurveyMemberFacts,
  type SurveyPolicy,
} from './survey-eligibility.rule';

const ADULT: SurveyMemberFacts = {
  birthDate: '1980-05-20',
  deceasedDate: null,
  optedOutOfSurveys: false,
  emailWithConsent: true,
  mailingAddress: true,
  language: 'en',
};
const POLICY: SurveyPolicy = {
  samplingRate: 0.3,
  quietPeriodDays: 90,
  maxVisitAgeDays: 180,
  oneSurveyPerHousehold: true,
};
const input = (
  overrides: Partial<SurveyDecisionInput> = {},
  member: Partial<SurveyMemberFacts> = {},
): SurveyDecisionInput => ({
  serviceDate: '2026-03-10',
  decidedOn: '2026-04-01',
  member: { ...ADULT, ...member },
  earlierSurveys: [],
  draw: 0.1,
  ...overrides,
});
const survey = (decidedOn: string, sameMember = true): EarlierSurvey => ({ decidedOn, sameMember });

describe('survey eligibility', () => {
  it('selects an eligible adult whose draw is under the rate, by email in their language', () => {
    expect(decideSurvey(input({}, { language: 'es-US' }), POLICY)).toEqual({
      outcome: 'selected',
      channel: 'email',
      language: 'es-US',
    });
  });

  it.each<[string, Partial<SurveyMemberFacts>]>([
    ['no email consent', { emailWithConsent: false }],
    ['no email consent and a Vietnamese preference', { emailWithConsent: false, language: 'vi' }],
  ])('mails the survey with %s', (_name, member) => {
    expect(decideSurvey(input({}, member), POLICY)).toEqual({
      outcome: 'selected',
      channel: 'mail',
      language: member.language ?? 'en',
    });
  });

  it('does not sample an eligible visit whose draw is at or over the rate', () => {
    expect(decideSurvey(input({ draw: 0.3 }), POLICY)).toEqual({ outcome: 'not-sampled' });
    expect(decideSurvey(input({ draw: 0.95 }), POLICY)).toEqual({ outcome: 'not-sampled' });
    expect(decideSurvey(input({ draw: 0.2999 }), POLICY)).toMatchObject({ outcome: 'selected' });
  });

  it.each<[string, Partial<SurveyDecisionInput>, Partial<SurveyMemberFacts>, string[]]>([
    ['deceased after the visit', {}, { deceasedDate: '2026-03-20' }, ['deceased']],
    [
      '17 the day before their 18th birthday',
      { serviceDate: '2026-05-19' },
      { birthDate: '2008-05-20' },
      ['under-18'],
    ],
    ['a child', {}, { birthDate: '2019-01-01' }, ['under-18']],
    ['opted out of surveys', {}, { optedOutOfSurveys: true }, ['opted-out']],
    [
      'a visit 181 days before the decision day',
      { serviceDate: '2025-10-02', decidedOn: '2026-04-01' },
      {},
      ['visit-too-old'],
    ],
    [
      'no email consent and no address',
      {},
      { emailWithConsent: false, mailingAddress: false },
      ['no-mailing-address'],
    ],
    ['surveyed 89 days earlier', { earlierSurveys: [survey('2026-01-02')] }, {}, ['quiet-period']],
    [
      'surveyed 89 days later (a late claim)',
      { earlierSurveys: [survey('2026-06-29')] },
      {},
      ['quiet-period'],
    ],
    [
      'someone in the household surveyed 10 days earlier',
      { earlierSurveys: [survey('2026-03-22', false)] },
      {},
      ['household-quiet-period'],
    ],
    [
      'every reason at once, in order',
      { serviceDate: '2025-01-05', earlierSurveys: [survey('2026-03-01'), survey('2026-03-02', false)] },
      {
        deceasedDate: '2026-01-01',
        birthDate: '2010-01-01',
        optedOutOfSurveys: true,
        emailWithConsent: false,
        mailingAddress: false,
      },
      [
        'deceased',
        'under-18',
        'opted-out',
        'visit-too-old',
        'no-mailing-address',
        'quiet-period',
        'household-quiet-period',
      ],
    ],
  ])('excludes a member %s', (_name, overrides, member, reasons) => {
    expect(decideSurvey(input(overrides, member), POLICY)).toEqual({ outcome: 'excluded', reasons });
  });

  it.each<[string, Partial<SurveyDecisionInput>, Partial<SurveyMemberFacts>]>([
    ['18 on the visit day', { serviceDate: '2026-05-20' }, { birthDate: '2008-05-20' }],
    [
      'a visit exactly 180 days before the decision day',
      { serviceDate: '2025-10-03', decidedOn: '2026-04-01' },
      {},
    ],
    ['surveyed exactly 90 days earlier', { earlierSurveys: [survey('2026-01-01')] }, {}],
    ['no email but an address', {}, { emailWithConsent: false }],
    ['an email with consent and no address', {}, { mailingAddress: false }],
  ])('includes a member %s', (_name, overrides, member) => {
    expect(decideSurvey(input(overrides, member), POLICY)).toMatchObject({ outcome: 'selected' });
  });

  it('ignores the household when the household rule is off', () => {
    const household = input({ earlierSurveys: [survey('2026-03-22', false)] });
    expect(decideSurvey(household, { ...POLICY, oneSurveyPerHousehold: false })).toMatchObject({
      outcome: 'selected',
    });
    expect(
      decideSurvey(input({ earlierSurveys: [survey('2026-03-22')] }), {
        ...POLICY,
        oneSurveyPerHousehold: false,
      }),
    ).toEqual({
      outcome: 'excluded',
      reasons: ['quiet-period'],
    });
  });

  it('applies a shorter quiet period from the policy', () => {
    const earlier = input({ earlierSurveys: [survey('2026-03-01')] }); // 31 days before 2026-04-01
    expect(decideSurvey(earlier, { ...POLICY, quietPeriodDays: 31 })).toMatchObject({ outcome: 'selected' });
    expect(decideSurvey(earlier, { ...POLICY, quietPeriodDays: 32 })).toMatchObject({ outcome: 'excluded' });
  });

  describe('dates', () => {
    it.each<[string, string, number]>([
      ['2026-01-01', '2026-01-01', 0],
      ['2026-01-01', '2026-04-01', 90],
      ['2026-04-01', '2026-01-01', -90],
      ['2024-02-28', '2024-03-01', 2],
      ['2026-03-28', '2026-03-30', 2],
    ])('%s to %s is %i days', (from, to, days) => {
      expect(daysBetween(from, to)).toBe(days);
    });

    it.each<[string, string, number]>([
      ['1980-05-20', '2026-05-19', 45],
      ['1980-05-20', '2026-05-20', 46],
      ['2008-02-29', '2026-02-28', 17],
      ['2008-02-29', '2026-03-01', 18],
      ['2008-02-29', '2028-02-29', 20],
    ])('born %s is, on %s, %i', (birth, on, age) => {
      expect(ageInYears(birth, on)).toBe(age);
    });
  });
});
