import { getMetadataStorage } from 'class-validator';
import { aValidMember } from '../../testing/claim-factory';
import { todayUtc } from '../../validators/not-future-date.validator';
import { validateSubmission } from '../validate-submission';
import { MEMBER_RECORD_FIELDS, MemberRecord } from './member-record.payload';

type Plain = Record<string, unknown>;

function failingFields(member: unknown): string[] {
  const result = validateSubmission(MemberRecord, member, { forbidUnknownFields: true });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
}

const withNested = (key: string, patch: Plain): Plain => {
  const member = aValidMember() as unknown as Plain;
  return { ...member, [key]: { ...(member[key] as Plain), ...patch } };
};

const tomorrow = todayUtc(new Date(Date.now() + 24 * 60 * 60 * 1000));

describe('MemberRecord', () => {
  it.each<[string, unknown]>([
    ['the factory subscriber', aValidMember()],
    ['a dependent child', aValidMember({ memberId: 'M0000002', relationship: 'child' })],
    [
      'a minimal member',
      aValidMember({ address: undefined, email: undefined, phone: undefined, attributedPcp: undefined }),
    ],
    ['a deceased member', aValidMember({ deceasedDate: '2024-03-01' })],
    [
      'a terminated coverage',
      aValidMember({ coverage: { effectiveDate: '2024-01-01', terminationDate: '2024-01-01' } }),
    ],
    [
      'ZIP+4, E.164 phone, regional language',
      {
        ...withNested('contactPreferences', { language: 'es-US', preferredChannel: 'phone' }),
        phone: '+15555550123',
        address: { line1: '1 Main', line2: 'Apt 2', city: 'Austin', state: 'TX', postalCode: '78701-1234' },
      },
    ],
    ['all opt-outs', aValidMember({ optOuts: ['care-management', 'care-alerts', 'surveys'] })],
    ['a PCP without a name', aValidMember({ attributedPcp: { npi: '1500000009', tin: '123456789' } })],
    ['a future coverage start', aValidMember({ coverage: { effectiveDate: '2099-01-01' } })],
  ])('%s passes', (_name, member) => {
    expect(validateSubmission(MemberRecord, member, { forbidUnknownFields: true })).toMatchObject({
      ok: true,
    });
  });

  it.each<[string, unknown, string[]]>([
    ['subscriber with another subscriberId', aValidMember({ subscriberId: 'M0000009' }), ['subscriberId']],
    ['dependent who is their own subscriber', aValidMember({ relationship: 'spouse' }), ['subscriberId']],
    [
      'unknown relationship (no subscriberId cascade)',
      { ...aValidMember(), relationship: 'cousin' },
      ['relationship'],
    ],
    ['bad subscriberId', aValidMember({ subscriberId: 'M 9' }), ['subscriberId']],
    ['empty firstName', aValidMember({ firstName: '' }), ['firstName']],
    ['lastName of 101 characters', aValidMember({ lastName: 'x'.repeat(101) }), ['lastName']],
    ['birthDate in the future', aValidMember({ birthDate: tomorrow }), ['birthDate']],
    ['birthDate not a real date', aValidMember({ birthDate: '1970-02-30' }), ['birthDate']],
    ['unknown sex', { ...aValidMember(), sex: 'x' }, ['sex']],
    ['deceasedDate before birthDate', aValidMember({ deceasedDate: '1969-12-31' }), ['deceasedDate']],
    ['deceasedDate in the future', aValidMember({ deceasedDate: tomorrow }), ['deceasedDate']],
    ['3-letter state', withNested('address', { state: 'ILL' }), ['address.state']],
    ['4-digit ZIP', withNested('address', { postalCode: '6270' }), ['address.postalCode']],
    ['address without city', withNested('address', { city: undefined }), ['address.city']],
    ['email not an email', aValidMember({ email: 'nope' }), ['email']],
    ['dashed phone', aValidMember({ phone: '555-555-0123' }), ['phone']],
    ['null phone', { ...aValidMember(), phone: null }, ['phone']],
    [
      'upper-case language',
      withNested('contactPreferences', { language: 'EN' }),
      ['contactPreferences.language'],
    ],
    [
      'unknown channel',
      withNested('contactPreferences', { preferredChannel: 'sms' }),
      ['contactPreferences.preferredChannel'],
    ],
    [
      'emailConsent as a string',
      withNested('contactPreferences', { emailConsent: 'yes' }),
      ['contactPreferences.emailConsent'],
    ],
    ['missing contactPreferences', aValidMember({ contactPreferences: undefined }), ['contactPreferences']],
    ['PCP NPI invalid', withNested('attributedPcp', { npi: '1500000000' }), ['attributedPcp.npi']],
    ['PCP without TIN', withNested('attributedPcp', { tin: undefined }), ['attributedPcp.tin']],
    ['unknown planType', { ...aValidMember(), planType: 'gold' }, ['planType']],
    [
      'planAdministeredByHealthPlan as a string',
      { ...aValidMember(), planAdministeredByHealthPlan: 'yes' },
      ['planAdministeredByHealthPlan'],
    ],
    [
      'terminationDate before effectiveDate',
      withNested('coverage', { terminationDate: '2023-12-31' }),
      ['coverage.terminationDate'],
    ],
    [
      'coverage without effectiveDate',
      withNested('coverage', { effectiveDate: undefined }),
      ['coverage.effectiveDate'],
    ],
    ['duplicate opt-outs', { ...aValidMember(), optOuts: ['surveys', 'surveys'] }, ['optOuts']],
    ['unknown opt-out', { ...aValidMember(), optOuts: ['calls'] }, ['optOuts']],
    ['missing optOuts', aValidMember({ optOuts: undefined }), ['optOuts']],
  ])('%s is reported on %j', (_name, member, fields) => {
    expect(failingFields(member)).toEqual([...fields].sort());
  });

  it('names every broken field at once', () => {
    const member = {
      ...withNested('coverage', { terminationDate: '2020-01-01' }),
      relationship: 'child',
      birthDate: tomorrow,
      email: 'nope',
      optOuts: ['surveys', 'surveys'],
    };
    expect(failingFields(member)).toEqual([
      'birthDate',
      'coverage.terminationDate',
      'email',
      'optOuts',
      'subscriberId',
    ]);
  });

  it('never echoes PHI in messages', () => {
    const member = {
      ...aValidMember(),
      memberId: 'SECRET ID',
      firstName: 'SECRET'.repeat(20),
      birthDate: '1970-02-30',
      email: 'SECRET-at-example',
      phone: 'SECRET',
      address: { line1: 'SECRET', city: 'SECRET', state: 'SECRET', postalCode: 'SECRET' },
    };
    const result = validateSubmission(MemberRecord, member, { forbidUnknownFields: true });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/SECRET|1970-02-30/);
  });

  it('MEMBER_RECORD_FIELDS lists exactly the decorated fields, in order', () => {
    const decorated = getMetadataStorage()
      .getTargetValidationMetadatas(MemberRecord, '', true, false)
      .map((metadata) => metadata.propertyName);
    expect([...new Set(decorated)].sort()).toEqual([...MEMBER_RECORD_FIELDS].sort());
    expect(Object.keys(aValidMember({ deceasedDate: '2024-01-01' })).sort()).toEqual(
      [...MEMBER_RECORD_FIELDS].sort(),
    );
  });
});
