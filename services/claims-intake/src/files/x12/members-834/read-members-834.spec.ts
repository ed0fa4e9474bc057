import { Readable } from 'node:stream';
import { aValidMember, type MemberRecord } from '@care/contracts';
import { readX12SegmentBatches } from '../segments/read-x12-segments';
import { interchange834Text, type Member834Spec } from '../testing/x12-834.builder';
import { mergeMember, MEMBER_DEFAULTS } from './merge-member';
import { readMembers834, type ReadMember, type ReadMemberSet } from './read-members-834';

async function setsOf(text: string, maxMembersPerSet?: number): Promise<ReadMemberSet[]> {
  const sets: ReadMemberSet[] = [];
  const options = maxMembersPerSet === undefined ? {} : { maxMembersPerSet };
  for await (const event of readMembers834(
    readX12SegmentBatches(Readable.from([Buffer.from(text)])),
    options,
  )) {
    if (event.kind === 'set') sets.push(event.set);
  }
  return sets;
}

async function onlyMember(spec: Member834Spec, edit = (text: string) => text): Promise<ReadMember> {
  const [set] = await setsOf(edit(interchange834Text([spec], { controlNumber: 3 })));
  const [member] = set?.members ?? [];
  if (member === undefined) throw new Error('no member read');
  return member;
}

const changeOf = (member: ReadMember) => {
  if (!member.ok) throw new Error(member.reason);
  return member.change;
};

const subscriber = aValidMember({ memberId: 'M-1', subscriberId: 'M-1' });

describe('reading the members of an 834 (docs/x12-834.md)', () => {
  it.each([
    ['021', 'upsert'],
    ['001', 'upsert'],
    ['025', 'upsert'],
    ['030', 'upsert'],
    ['024', 'terminate'],
  ])('applies INS03 %s as %s', async (maintenance, action) => {
    expect(changeOf(await onlyMember({ member: subscriber, maintenance }))).toMatchObject({
      action,
      maintenance,
    });
  });

  it('refuses a maintenance type code it does not apply, naming INS03', async () => {
    const change = changeOf(await onlyMember({ member: subscriber, maintenance: '032' }));
    expect(change.issues).toEqual([
      expect.objectContaining({
        field: '(maintenance)',
        source: expect.objectContaining({ tag: 'INS', element: 3 }),
        message: expect.stringMatching(
          /^INS03 must be 021 \(addition\), 001 \(change\), 024 \(termination\)/,
        ),
      }),
    ]);
  });

  it.each<[string, MemberRecord['relationship']]>([
    ['01', 'spouse'],
    ['53', 'domestic-partner'],
    ['19', 'child'],
    ['17', 'child'],
    ['03', 'parent'],
    ['13', 'parent-in-law'],
  ])('reads INS02 %s as the family relation %s', async (code, relationship) => {
    const dependent = aValidMember({ memberId: 'M-2', subscriberId: 'M-1', relationship: 'spouse' });
    const change = changeOf(
      await onlyMember({ member: dependent }, (text) => text.replace('INS*N*01*', `INS*N*${code}*`)),
    );
    expect(change.fields['relationship']).toBe(relationship);
  });

  it('maps the loop field by field to the roster record', async () => {
    const member = aValidMember({
      memberId: 'M-3',
      subscriberId: 'M-1',
      relationship: 'child',
      deceasedDate: '2025-02-01',
      planType: 'medicare-advantage',
      address: {
        line1: '4 Pine Court',
        line2: 'Apt 2',
        city: 'Normal',
        state: 'IL',
        postalCode: '61761-2201',
      },
    });
    const change = changeOf(await onlyMember({ member }));
    expect(change.fields).toEqual({
      memberId: 'M-3',
      subscriberId: 'M-1',
      relationship: 'child',
      firstName: member.firstName,
      lastName: member.lastName,
      birthDate: member.birthDate,
      sex: 'female',
      deceasedDate: '2025-02-01',
      address: member.address,
      email: member.email,
      phone: member.phone,
      language: 'en',
      planType: 'medicare-advantage',
      coverage: member.coverage,
    });
  });

  it('never takes an SSN (NM108 34) as a dependent member id', async () => {
    const dependent = aValidMember({ memberId: 'M-2', subscriberId: 'M-1', relationship: 'spouse' });
    const change = changeOf(
      await onlyMember({ member: dependent }, (text) => text.replace('****ZZ*M-2~', '****34*123456789~')),
    );
    expect(change.memberId).toBeUndefined();
    expect(JSON.stringify(change.fields)).not.toContain('123456789');
    expect(change.issues.map((issue) => issue.field)).toEqual(['memberId']);
  });

  it('asks a termination for its last covered day, and an addition for its medical coverage', async () => {
    const termination = changeOf(await onlyMember({ member: subscriber, maintenance: '024' }));
    expect(termination.issues.map((issue) => issue.field)).toEqual(['coverage.terminationDate']);
    const noCoverage = changeOf(
      await onlyMember({ member: subscriber }, (text) =>
        text
          .replace(/HD\*[^~]*~\nDTP\*348\*[^~]*~\n/, '')
          .replace(/SE\*(\d+)\*/, (_m, count: string) => `SE*${Number(count) - 2}*`),
      ),
    );
    expect(noCoverage.issues.map((issue) => issue.field)).toEqual(['planType']);
  });

  it('rejects a member loop without REF*0F alone, and a set holding more members than allowed', async () => {
    const member = await onlyMember({ member: subscriber }, (text) =>
      text
        .replace(/REF\*0F\*[^~]*~\n/, '')
        .replace(/SE\*(\d+)\*/, (_m, count: string) => `SE*${Number(count) - 1}*`),
    );
    expect(!member.ok && member.reason).toMatch(/has no subscriber identifier \(REF\*0F\)/);
    const [set] = await setsOf(
      interchange834Text(
        [1, 2, 3].map((index) => ({
          member: aValidMember({ memberId: `M-${index}`, subscriberId: `M-${index}` }),
        })),
        { controlNumber: 4 },
      ),
      2,
    );
    expect([set?.members.length, set?.memberCount, set?.segmentErrors[0]?.code]).toEqual([2, 3, '4']);
  });
});

describe('merging an 834 member change with the roster', () => {
  it("gives a new member the defaults for what an 834 does not carry, and keeps a known member's own", async () => {
    const change = changeOf(await onlyMember({ member: subscriber }));
    const fresh = mergeMember(change, undefined);
    expect('record' in fresh && fresh.record).toMatchObject({ ...MEMBER_DEFAULTS });
    const known = { ...subscriber, optOuts: ['surveys' as const], planAdministeredByHealthPlan: true };
    const merged = mergeMember(change, known);
    expect('record' in merged && merged.record).toMatchObject({
      optOuts: ['surveys'],
      planAdministeredByHealthPlan: true,
      attributedPcp: subscriber.attributedPcp,
      contactPreferences: subscriber.contactPreferences,
    });
  });

  it('ends the coverage of a known member on a termination, and refuses one the roster does not have', async () => {
    const ending = {
      ...subscriber,
      coverage: { effectiveDate: '2024-01-01', terminationDate: '2025-03-31' },
    };
    const change = changeOf(await onlyMember({ member: ending, maintenance: '024' }));
    expect(mergeMember(change, subscriber)).toEqual({ record: { ...subscriber, coverage: ending.coverage } });
    expect(mergeMember(change, undefined)).toEqual({
      problem: 'the member is not on the roster: a termination (INS03 024) ends a coverage added before',
    });
  });
});
