import { aValidMember } from '@care/contracts';
import { memberFactsOf } from './member-facts';

describe('memberFactsOf', () => {
  it('keeps the decision facts of a subscriber with email consent', () => {
    expect(memberFactsOf(aValidMember())).toEqual({
      householdId: 'M0000001',
      birthDate: '1970-06-15',
      deceasedDate: null,
      optedOutOfSurveys: false,
      emailWithConsent: true,
      mailingAddress: true,
      language: 'en',
    });
  });

  it.each<[string, Parameters<typeof aValidMember>[0], Partial<ReturnType<typeof memberFactsOf>>]>([
    [
      'an email without consent',
      { contactPreferences: { preferredChannel: 'mail', language: 'es-US', emailConsent: false } },
      { emailWithConsent: false, language: 'es-US' },
    ],
    ['consent without an email', { email: undefined }, { emailWithConsent: false }],
    ['no address', { address: undefined }, { mailingAddress: false }],
    ['a survey opt-out among others', { optOuts: ['care-alerts', 'surveys'] }, { optedOutOfSurveys: true }],
    ['other opt-outs only', { optOuts: ['care-management'] }, { optedOutOfSurveys: false }],
    ['a death date', { deceasedDate: '2026-01-02' }, { deceasedDate: '2026-01-02' }],
    [
      'a dependent (household of the subscriber)',
      { memberId: 'M0000002', subscriberId: 'M0000001', relationship: 'child' },
      { householdId: 'M0000001' },
    ],
  ])('reads %s', (_name, overrides, expected) => {
    expect(memberFactsOf(aValidMember(overrides))).toMatchObject(expected);
  });

  it('carries no name, address or email', () => {
    const text = JSON.stringify(memberFactsOf(aValidMember()));
    expect(text).not.toContain('test.member@example.com');
    expect(text).not.toContain('Test Street');
    expect(text).not.toContain('Member');
  });
});
