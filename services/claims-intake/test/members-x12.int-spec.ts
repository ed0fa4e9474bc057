import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { aValidMember, aValidProfessionalClaim, TOPICS, type MemberRecord } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { interchange834Text, type Member834Spec } from '../src/files/x12/testing/x12-834.builder';
import { interchange837Text } from '../src/files/x12/testing/x12-837.builder';
import { startClaimsIntake, type RunningClaimsIntake } from './support/claims-intake-app';

const CHANGED = TOPICS.memberEligibilityChanged.name;

/** A member as an 834 can carry them: the roster's defaults for what it does not (contact by mail, no PCP). */
function asEnrolled(overrides: Partial<MemberRecord>): MemberRecord {
  const member: MemberRecord = {
    ...aValidMember(overrides),
    contactPreferences: { preferredChannel: 'mail', language: 'en', emailConsent: false },
    planAdministeredByHealthPlan: false,
    optOuts: [],
  };
  delete member.attributedPcp;
  return member;
}

/** X12 834 upload (POST /v1/members/x12) against a real PostgreSQL and broker. */
describe('claims-intake X12 834 files', () => {
  let environment: TestEnvironment;
  let service: RunningClaimsIntake;
  let nextControl = 500;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startClaimsIntake(environment);
  });

  afterAll(async () => {
    await service.close();
    await environment.dispose();
  });

  const upload = async (body: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${service.url}/v1/members/x12`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/edi-x12' },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const file = (specs: readonly Member834Spec[]): string =>
    interchange834Text(specs, { controlNumber: (nextControl += 1) });

  const rosterRecord = async (memberId: string): Promise<unknown> => {
    const [row] = await service.dataSource.query<Array<{ record: unknown }>>(
      'SELECT record FROM members WHERE member_id = $1',
      [memberId],
    );
    return row?.record;
  };
  const changesOf = async (
    memberId: string,
  ): Promise<Array<{ changeType: string; changedFields: string[] }>> =>
    (await environment.probe.readAll(CHANGED))
      .map(
        (message) =>
          (
            JSON.parse(message.value ?? '{}') as {
              data: { changeType: string; changedFields: string[]; member: MemberRecord };
            }
          ).data,
      )
      .filter((data) => data.member.memberId === memberId)
      .map(({ changeType, changedFields }) => ({ changeType, changedFields }));

  it('adds a subscriber and a spouse (INS03 021) as POST /v1/members would, then applies a change (001) and a termination (024)', async () => {
    const subscriber = asEnrolled({ memberId: 'M-834-S', subscriberId: 'M-834-S' });
    const spouse = asEnrolled({
      memberId: 'M-834-P',
      subscriberId: 'M-834-S',
      relationship: 'spouse',
      firstName: 'Dana',
      sex: 'male',
      birthDate: '1972-02-29',
      planType: 'hdhp',
      email: undefined,
      contactPreferences: { preferredChannel: 'mail', language: 'es', emailConsent: false },
    });
    delete spouse.email;

    const added = await upload(file([{ member: subscriber }, { member: spouse }]));

    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      interchange: { status: 'accepted', repeated: false },
      members: 2,
      added: 2,
      updated: 0,
      rejected: 0,
      transactionSets: [{ transactionSet: '0001', status: 'accepted', members: 2, errors: [] }],
    });
    expect(added.body['acknowledgment']).toMatch(
      /AK1\*BE\*1\*005010X220A1~\nAK2\*834\*0001\*005010X220A1~\nIK5\*A~\nAK9\*A\*1\*1\*1~/,
    );
    expect(await rosterRecord('M-834-S')).toEqual(subscriber);
    expect(await rosterRecord('M-834-P')).toEqual(spouse);
    // The JSON API finds the same record: unchanged.
    const json = await fetch(`${service.url}/v1/members`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
      body: JSON.stringify(spouse),
    });
    expect([json.status, ((await json.json()) as { status: string }).status]).toEqual([200, 'unchanged']);

    // Preferences set through the JSON API stay through an 834 change, which does not carry them.
    const preferences = {
      ...subscriber,
      optOuts: ['surveys' as const],
      contactPreferences: { preferredChannel: 'email' as const, language: 'en', emailConsent: true },
    };
    await fetch(`${service.url}/v1/members`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
      body: JSON.stringify(preferences),
    });
    const moved = {
      ...preferences,
      address: { line1: '9 Harbor Road', city: 'Peoria', state: 'IL', postalCode: '61602-1234' },
    };
    const changed = await upload(file([{ member: moved, maintenance: '001' }]));
    expect(changed.body).toMatchObject({ updated: 1, rejected: 0 });
    expect(await rosterRecord('M-834-S')).toEqual(moved);

    const ended = await upload(
      file([
        {
          member: { ...moved, coverage: { effectiveDate: '2024-01-01', terminationDate: '2025-06-30' } },
          maintenance: '024',
        },
      ]),
    );
    expect(ended.body).toMatchObject({ updated: 1, terminated: 1, rejected: 0 });
    expect(await rosterRecord('M-834-S')).toEqual({
      ...moved,
      coverage: { effectiveDate: '2024-01-01', terminationDate: '2025-06-30' },
    });

    await environment.probe.waitForCount(CHANGED, 5);
    expect(await changesOf('M-834-S')).toEqual([
      { changeType: 'added', changedFields: [] },
      { changeType: 'updated', changedFields: ['contactPreferences', 'optOuts'] },
      { changeType: 'updated', changedFields: ['address'] },
      { changeType: 'updated', changedFields: ['coverage'] },
    ]);
  });

  it('rejects only the bad member loops, by position and reason, never naming the member, with the 999 accepting the set with errors', async () => {
    const good = asEnrolled({ memberId: 'M-834-G', subscriberId: 'M-834-G' });
    const unknownEnd = asEnrolled({
      memberId: 'M-834-NONE',
      subscriberId: 'M-834-NONE',
      coverage: { effectiveDate: '2024-01-01', terminationDate: '2025-01-31' },
    });
    const badDate = asEnrolled({ memberId: 'M-834-D', subscriberId: 'M-834-D', lastName: 'Quill' });
    const text = file([
      { member: good },
      { member: unknownEnd, maintenance: '024' },
      { member: badDate },
    ]).replace(/(NM1\*IL\*1\*Quill\*[^~]*~\n(?:[^~]*~\n)*?)DMG\*D8\*19700615/, '$1DMG*D8*19701350');

    const response = await upload(text);

    expect(response.body).toMatchObject({
      interchange: { status: 'accepted-with-errors' },
      members: 3,
      added: 1,
      rejected: 2,
      rejections: [
        {
          transactionSet: '0001',
          segment: expect.any(Number),
          reason: expect.stringMatching(/^memberId \(INS at segment \d+\): the member is not on the roster/),
        },
        {
          transactionSet: '0001',
          segment: expect.any(Number),
          reason: expect.stringMatching(
            /^birthDate \(DMG02 at segment \d+\): birthDate must be a real calendar date/,
          ),
        },
      ],
    });
    const body = JSON.stringify(response.body);
    for (const secret of ['M-834-NONE', 'M-834-D', 'Quill', '19701350']) expect(body).not.toContain(secret);
    expect(response.body['acknowledgment']).toMatch(/IK3\*DMG\*\d+\*2100A\*8~\nIK4\*2\*1251\*8~/);
    expect(response.body['acknowledgment']).toContain('IK5*E*I5~');
  });

  it('takes the documented example, docs/examples/members-sample.834, without a rejection', async () => {
    const response = await upload(
      await readFile(join(__dirname, '..', '..', '..', 'docs/examples/members-sample.834'), 'utf8'),
    );
    expect(response.body).toMatchObject({
      interchange: { status: 'accepted' },
      members: 3,
      added: 3,
      rejected: 0,
    });
  });

  it('rejects an 837 sent here at the group (AK9 R, code 1), and answers the same 834 again with its first answer', async () => {
    const claims = interchange837Text(
      [{ kind: 'professional', claims: [{ claim: aValidProfessionalClaim() }] }],
      {
        controlNumber: (nextControl += 1),
      },
    );
    const refused = await upload(claims);
    expect(refused.body).toMatchObject({
      interchange: { status: 'rejected' },
      members: 0,
      problems: ['GS 1: GS01 must be BE: this endpoint takes benefit enrollment (834)'],
    });
    expect(refused.body['acknowledgment']).toContain('AK9*R*1*1*0*1~');

    const text = file([{ member: asEnrolled({ memberId: 'M-834-R', subscriberId: 'M-834-R' }) }]);
    const first = await upload(text);
    const again = await upload(text);
    expect(again.body).toEqual({
      ...first.body,
      interchange: { ...(first.body['interchange'] as object), repeated: true },
    });
  });
});
