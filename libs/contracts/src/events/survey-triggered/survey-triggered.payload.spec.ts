import { aSurveyPayload, aSurveyProvider, aSurveyVisit } from '../../testing/payload-examples';
import { validateSubmission } from '../validate-submission';
import { SurveyProvider, SurveyTriggeredPayload, SurveyVisit } from './survey-triggered.payload';

const visit = aSurveyVisit();
const provider = aSurveyProvider();
const valid = { ...aSurveyPayload(), visit, provider };

const fields = (payload: unknown, forbidUnknownFields = true): string[] => {
  const result = validateSubmission(SurveyTriggeredPayload, payload, { forbidUnknownFields });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('SurveyTriggeredPayload', () => {
  it('passes a survey and returns nested instances', () => {
    const result = validateSubmission(SurveyTriggeredPayload, valid, { forbidUnknownFields: true });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.visit).toBeInstanceOf(SurveyVisit);
    expect(result.ok && result.value.provider).toBeInstanceOf(SurveyProvider);
  });

  it.each<[string, Record<string, unknown>]>([
    ['mail', { channel: 'mail' }],
    ['a preventive visit', { visit: { ...visit, kind: 'preventive', procedureCode: '99396' } }],
    ['an annual wellness visit', { visit: { ...visit, kind: 'preventive', procedureCode: 'G0439' } }],
    ['a telehealth visit', { visit: { ...visit, telehealth: true, procedureCode: '99442' } }],
    [
      'a provider without names',
      { provider: { npi: '1234567893', tin: '123456789', billingNpi: '1234567893' } },
    ],
    ['one topic', { topics: ['quality-of-care'] }],
    ['a two-letter language', { language: 'vi' }],
  ])('passes with %s', (_name, change) => {
    expect(fields({ ...valid, ...change })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a survey id that is not a UUID', { surveyId: 'S-1' }, ['surveyId']],
    ['a bad member id', { memberId: 'M 1' }, ['memberId']],
    ['phone as channel', { channel: 'phone' }, ['channel']],
    ['a language name', { language: 'Spanish' }, ['language']],
    ['no topics', { topics: [] }, ['topics']],
    ['an unknown topic', { topics: ['overall-rating'] }, ['topics']],
    ['a topic twice', { topics: ['quality-of-care', 'quality-of-care'] }, ['topics']],
    ['a bad instrument version', { instrumentVersion: 'Post Visit' }, ['instrumentVersion']],
    ['triggeredAt without a zone', { triggeredAt: '2026-03-11T08:00:00' }, ['triggeredAt']],
    [
      'a visit on an impossible day',
      { visit: { ...visit, serviceDate: '2026-02-30' } },
      ['visit.serviceDate'],
    ],
    ['an emergency visit kind', { visit: { ...visit, kind: 'emergency' } }, ['visit.kind']],
    ['a bad procedure code', { visit: { ...visit, procedureCode: '9921' } }, ['visit.procedureCode']],
    ['a claim version 0', { visit: { ...visit, claimVersion: 0 } }, ['visit.claimVersion']],
    ['telehealth as text', { visit: { ...visit, telehealth: 'no' } }, ['visit.telehealth']],
    ['diagnoses on the visit', { visit: { ...visit, diagnosisCodes: ['E119'] } }, ['visit.diagnosisCodes']],
    ['an NPI with a wrong check digit', { provider: { ...provider, npi: '1234567890' } }, ['provider.npi']],
    ['a TIN with a dash', { provider: { ...provider, tin: '12-3456789' } }, ['provider.tin']],
    ['a null practice name', { provider: { ...provider, practiceName: null } }, ['provider.practiceName']],
    ['contact details (they stay with the roster)', { email: 'member@example.com' }, ['email']],
    [
      'everything missing',
      {
        surveyId: undefined,
        memberId: undefined,
        visit: undefined,
        provider: undefined,
        channel: undefined,
        language: undefined,
        topics: undefined,
        instrumentVersion: undefined,
        triggeredAt: undefined,
      },
      [
        'channel',
        'instrumentVersion',
        'language',
        'memberId',
        'provider',
        'surveyId',
        'topics',
        'triggeredAt',
        'visit',
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(fields({ ...valid, ...change })).toEqual(expected);
  });

  it('tolerates unknown fields when they are not forbidden (Kafka)', () => {
    expect(fields({ ...valid, campaign: 'spring' }, false)).toEqual([]);
  });
});
