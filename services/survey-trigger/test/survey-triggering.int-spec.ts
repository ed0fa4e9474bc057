import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  deadLetterTopicOf,
  TOPICS,
  type ClaimSubmission,
} from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { getJson, SurveyProbe, type JsonReply, type MemberVisitsBody } from './support/survey-probe';
import {
  claimMessage,
  daysAgo,
  instantDaysAgo,
  member,
  memberMessage,
  PRACTICE_NPI,
  PROVIDER_A,
  PROVIDER_B,
  startSurveyTrigger,
  visitClaim,
  type RunningSurveyTrigger,
} from './support/survey-trigger-app';

const CLAIMS = TOPICS.claimReceived.name;
const MEMBERS = TOPICS.memberEligibilityChanged.name;

/**
 * survey-trigger against a real PostgreSQL and a real Kafka-protocol broker, sampling every eligible visit
 * (SURVEY_SAMPLING_RATE=1) so that each expected survey below is decided by classification and exclusions alone.
 * Expected outcomes are written out by hand from docs (CLINICAL.md section 5 and the service README).
 */
describe('survey-trigger: visits, exclusions and survey-triggered', () => {
  let environment: TestEnvironment;
  let service: RunningSurveyTrigger;
  let probe: SurveyProbe;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startSurveyTrigger(environment, { SURVEY_SAMPLING_RATE: '1' });
    probe = await SurveyProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
  });

  const publishMembers = (...messages: Array<{ key: string; value: string }>) =>
    environment.probe.produce(MEMBERS, messages);
  const publishClaims = (...messages: Array<{ key: string; value: string }>) =>
    environment.probe.produce(CLAIMS, messages);
  const visitsOf = async (memberId: string): Promise<MemberVisitsBody> => {
    const { status, body } = (await getJson(
      `${service.url}/v1/members/${memberId}/survey-visits`,
      await environment.bearer('coach-ana'),
    )) as JsonReply<MemberVisitsBody>;
    expect(status).toBe(200);
    return body;
  };
  const surveyedMembers = async (prefix: string): Promise<string[]> =>
    (await probe.surveys())
      .map((survey) => survey.memberId)
      .filter((id) => id.startsWith(prefix))
      .sort();

  it('counts professional office, preventive and wellness visits, and nothing else', async () => {
    const date = daysAgo(10);
    const ids = Array.from({ length: 16 }, (_, i) => `C-${String(i + 1).padStart(2, '0')}`);
    await publishMembers(...ids.map((id) => memberMessage(member(id))));
    const office = (id: string, codes: string[], extra: Partial<Parameters<typeof visitClaim>[0]> = {}) =>
      claimMessage(visitClaim({ claimId: `CLM-${id}`, memberId: id, date, codes, ...extra }));
    await publishClaims(
      office('C-01', ['99202']), // new patient office visit
      office('C-02', ['99205']),
      office('C-03', ['99212']), // established patient office visit
      office('C-04', ['99215', '83036']),
      office('C-05', ['99381']), // preventive, new patient
      office('C-06', ['99397']), // preventive, established patient
      office('C-07', ['G0438']), // Medicare annual wellness, initial
      office('C-08', ['G0439', 'G0444']), // annual wellness, subsequent (with a depression screening line)
      office('C-09', ['99211']), // nurse visit: off by default
      office('C-10', ['99442']), // telephone E/M: telehealth, off by default
      office('C-11', ['99213'], { placeOfService: '02' }), // office code delivered by telehealth
      claimMessage(
        aValidInstitutionalClaim({
          claimId: 'CLM-C-12',
          memberId: 'C-12',
          serviceDateFrom: date,
          serviceDateTo: date,
          lines: [
            {
              lineNumber: 1,
              revenueCode: '0510',
              procedureCode: '99213',
              serviceDate: date,
              units: 1,
              chargedAmount: 200,
            },
          ],
          totalChargedAmount: 200,
          totalPaidAmount: undefined,
        }),
      ),
      claimMessage(
        aValidPharmacyClaim({
          claimId: 'CLM-C-13',
          memberId: 'C-13',
          serviceDateFrom: date,
          serviceDateTo: date,
          drug: { ...(aValidPharmacyClaim().drug as NonNullable<ClaimSubmission['drug']>), fillDate: date },
        }),
      ),
      office('C-14', ['99213'], { adjudicationStatus: 'denied' }),
      // a void arriving before the original it voids: neither is a visit
      office('C-15', ['99213'], { version: 2, frequency: 'void' }),
      office('C-15', ['99213']),
      office('C-16', ['83036']), // a lab test only
    );
    await probe.settle();

    expect(await surveyedMembers('C-')).toEqual([
      'C-01',
      'C-02',
      'C-03',
      'C-04',
      'C-05',
      'C-06',
      'C-07',
      'C-08',
    ]);
    const byMember = new Map((await probe.surveys()).map((survey) => [survey.memberId, survey]));
    expect(
      ['C-01', 'C-03', 'C-05', 'C-06', 'C-07', 'C-08'].map((id) => [
        id,
        byMember.get(id)?.visit.kind,
        byMember.get(id)?.visit.procedureCode,
      ]),
    ).toEqual([
      ['C-01', 'sick', '99202'],
      ['C-03', 'sick', '99212'],
      ['C-05', 'preventive', '99381'],
      ['C-06', 'preventive', '99397'],
      ['C-07', 'preventive', 'G0438'],
      ['C-08', 'preventive', 'G0439'],
    ]);
    expect(byMember.get('C-08')).toEqual({
      surveyId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      memberId: 'C-08',
      visit: {
        serviceDate: date,
        kind: 'preventive',
        procedureCode: 'G0439',
        telehealth: false,
        claimId: 'CLM-C-08',
        claimVersion: 1,
        codeSetVersion: 'survey-visits-2026.1',
      },
      provider: {
        npi: PROVIDER_A,
        tin: '123456789',
        billingNpi: PRACTICE_NPI,
        name: 'Dr. Rendering',
        practiceName: 'Lakeside Family Practice',
      },
      channel: 'email',
      language: 'en',
      topics: [
        'getting-needed-care',
        'getting-care-quickly',
        'care-coordination',
        'provider-communication',
        'quality-of-care',
      ],
      instrumentVersion: 'post-visit-2026.1',
      triggeredAt: expect.any(String) as unknown,
    });
    for (const id of ['C-09', 'C-10', 'C-11', 'C-12', 'C-13', 'C-14', 'C-15', 'C-16']) {
      expect([id, (await visitsOf(id)).visits]).toEqual([id, []]);
    }
    // every claim above was applied: none of them went to the dead-letter topic
    expect(await environment.probe.count(deadLetterTopicOf(CLAIMS))).toBe(0);
  });

  it('triggers at most one survey per visit, however many claims, versions or lines describe it', async () => {
    const date = daysAgo(20);
    await publishMembers(memberMessage(member('D-1')), memberMessage(member('D-3')));
    const claimA = visitClaim({ claimId: 'DUP-A', memberId: 'D-1', date, codes: ['99213'] });
    await publishClaims(
      claimMessage(claimA),
      claimMessage(claimA), // the same claim version published again
      claimMessage(visitClaim({ claimId: 'DUP-B', memberId: 'D-1', date, codes: ['99214', '83036'] })), // another claim
      claimMessage(
        visitClaim({
          claimId: 'DUP-A',
          memberId: 'D-1',
          date,
          codes: ['99214'],
          version: 2,
          frequency: 'replacement',
        }),
      ),
      claimMessage(visitClaim({ claimId: 'DUP-C', memberId: 'D-1', date, codes: ['99213', '99396'] })), // two visit lines
      // denied first, then paid by a replacement: one visit
      claimMessage(visitClaim({ claimId: 'DEN-1', memberId: 'D-3', date, adjudicationStatus: 'denied' })),
      claimMessage(
        visitClaim({ claimId: 'DEN-1', memberId: 'D-3', date, version: 2, frequency: 'replacement' }),
      ),
    );
    await probe.settle();
    // and again in a later batch: a third version, and an older version arriving late
    await publishClaims(
      claimMessage(
        visitClaim({
          claimId: 'DUP-A',
          memberId: 'D-1',
          date,
          codes: ['99215'],
          version: 3,
          frequency: 'replacement',
        }),
      ),
      claimMessage(claimA),
    );
    await probe.settle();

    expect(await probe.surveys('D-1')).toHaveLength(1);
    expect(await probe.surveys('D-3')).toHaveLength(1);
    const view = await visitsOf('D-1');
    expect(
      view.visits.map((visit) => [visit.serviceDate, visit.provider.npi, visit.status, visit.procedureCode]),
    ).toEqual([[date, PROVIDER_A, 'surveyed', '99213']]);
    expect(view.visits[0]?.claims).toEqual([
      { claimId: 'DUP-A', version: 3, describesVisit: true },
      { claimId: 'DUP-B', version: 1, describesVisit: true },
      { claimId: 'DUP-C', version: 1, describesVisit: true },
    ]);
  });

  it('cancels a visit voided before its member was known, and never surveys it', async () => {
    const date = daysAgo(15);
    await publishClaims(claimMessage(visitClaim({ claimId: 'VOID-1', memberId: 'D-2', date })));
    await probe.settle();
    expect((await visitsOf('D-2')).visits.map((visit) => [visit.status, visit.reasons])).toEqual([
      ['pending-member', []],
    ]);
    await publishClaims(
      claimMessage(visitClaim({ claimId: 'VOID-1', memberId: 'D-2', date, version: 2, frequency: 'void' })),
    );
    await probe.settle();
    await publishMembers(memberMessage(member('D-2')));
    await probe.settle();
    expect(await probe.surveys('D-2')).toEqual([]);
    expect((await visitsOf('D-2')).visits.map((visit) => [visit.status, visit.reasons])).toEqual([
      ['cancelled', ['voided']],
    ]);
  });

  it('keeps 90 days between two surveys of a member, and of a household', async () => {
    await publishMembers(
      memberMessage(member('Q-1')),
      memberMessage(member('H-1')),
      memberMessage(member('H-2', { subscriberId: 'H-1', relationship: 'spouse' })),
    );
    // surveyed for the visit decided 125 days ago; the next visit's claim arrives 70 days later (excluded);
    // the third one's claim arrives 100 days after the first survey (surveyed).
    await publishClaims(
      claimMessage(visitClaim({ claimId: 'Q-V1', memberId: 'Q-1', date: daysAgo(130) }), instantDaysAgo(125)),
      claimMessage(
        visitClaim({ claimId: 'Q-V2', memberId: 'Q-1', date: daysAgo(60), providerNpi: PROVIDER_B }),
        instantDaysAgo(55),
      ),
      claimMessage(visitClaim({ claimId: 'Q-V3', memberId: 'Q-1', date: daysAgo(30) }), instantDaysAgo(25)),
    );
    // H-1 surveyed 20 days ago; H-2 (same household) has a visit whose claim arrived 10 days ago.
    await publishClaims(
      claimMessage(visitClaim({ claimId: 'H-V1', memberId: 'H-1', date: daysAgo(22) }), instantDaysAgo(20)),
    );
    await probe.settle();
    await publishClaims(
      claimMessage(visitClaim({ claimId: 'H-V2', memberId: 'H-2', date: daysAgo(12) }), instantDaysAgo(10)),
    );
    await probe.settle();

    expect((await probe.surveys('Q-1')).map((survey) => survey.visit.serviceDate)).toEqual([
      daysAgo(130),
      daysAgo(30),
    ]);
    expect(
      (await visitsOf('Q-1')).visits.map((visit) => [
        visit.serviceDate,
        visit.status,
        visit.reasons,
        visit.decision.decidedOn,
      ]),
    ).toEqual([
      [daysAgo(30), 'surveyed', [], daysAgo(25)],
      [daysAgo(60), 'excluded', ['quiet-period'], daysAgo(55)],
      [daysAgo(130), 'surveyed', [], daysAgo(125)],
    ]);
    expect(await probe.surveys('H-1')).toHaveLength(1);
    expect(await probe.surveys('H-2')).toEqual([]);
    expect((await visitsOf('H-2')).visits.map((visit) => [visit.status, visit.reasons])).toEqual([
      ['excluded', ['household-quiet-period']],
    ]);
  });

  it('excludes minors, the deceased, opt-outs, late claims and the unreachable, and mails in the member language', async () => {
    await publishMembers(
      memberMessage(
        member('X-MINOR', { subscriberId: 'X-PARENT', relationship: 'child', birthDate: daysAgo(10 * 365) }),
      ),
      memberMessage(member('X-DEAD', { deceasedDate: daysAgo(3) })),
      memberMessage(member('X-OPT', { optOuts: ['care-alerts', 'surveys'] })),
      memberMessage(member('X-OLD')),
      memberMessage(member('X-NOADDR', { email: undefined, address: undefined })),
      memberMessage(
        member('X-MAIL', {
          contactPreferences: { preferredChannel: 'mail', language: 'es-US', emailConsent: false },
        }),
      ),
      memberMessage(
        member('X-18', { birthDate: `${String(Number(daysAgo(8).slice(0, 4)) - 18)}${daysAgo(8).slice(4)}` }),
      ),
    );
    const visit = (memberId: string, date = daysAgo(8)) =>
      claimMessage(visitClaim({ claimId: `CLM-${memberId}`, memberId, date, codes: ['99395'] }));
    await publishClaims(
      visit('X-MINOR'),
      visit('X-DEAD', daysAgo(9)),
      visit('X-OPT'),
      visit('X-OLD', daysAgo(181)), // the claim arrives today: 181 days after the visit
      visit('X-NOADDR'),
      visit('X-MAIL'),
      visit('X-18'), // 18 on the day of the visit
    );
    await probe.settle();

    const reasons = async (memberId: string) =>
      (await visitsOf(memberId)).visits.map((item) => [item.status, item.reasons]);
    expect(await reasons('X-MINOR')).toEqual([['excluded', ['under-18']]]);
    expect(await reasons('X-DEAD')).toEqual([['excluded', ['deceased']]]);
    expect(await reasons('X-OPT')).toEqual([['excluded', ['opted-out']]]);
    expect(await reasons('X-OLD')).toEqual([['excluded', ['visit-too-old']]]);
    expect(await reasons('X-NOADDR')).toEqual([['excluded', ['no-mailing-address']]]);
    expect(await surveyedMembers('X-')).toEqual(['X-18', 'X-MAIL']);
    expect((await probe.surveys('X-MAIL')).map((survey) => [survey.channel, survey.language])).toEqual([
      ['mail', 'es-US'],
    ]);
    expect((await probe.surveys('X-18')).map((survey) => [survey.channel, survey.language])).toEqual([
      ['email', 'en'],
    ]);
  });

  it('holds a visit until its member is on the roster, then decides it on the day the member became known', async () => {
    await publishClaims(
      claimMessage(visitClaim({ claimId: 'PEND-1', memberId: 'P-1', date: daysAgo(6) }), instantDaysAgo(5)),
    );
    await probe.settle();
    const before = await visitsOf('P-1');
    expect(before.memberKnown).toBe(false);
    expect(before.visits.map((visit) => [visit.status, visit.decision.decidedOn])).toEqual([
      ['pending-member', null],
    ]);
    expect(await probe.surveys('P-1')).toEqual([]);

    const roster = memberMessage(member('P-1'), 0);
    await publishMembers(roster);
    await probe.settle();
    const after = await visitsOf('P-1');
    expect(after.memberKnown).toBe(true);
    expect(after.visits.map((visit) => [visit.status, visit.decision.decidedOn])).toEqual([
      ['surveyed', daysAgo(0)],
    ]);
    const [message] = (await probe.messages()).filter((item) => item.key === 'P-1');
    const envelope = JSON.parse(message?.value ?? '{}') as {
      causationId: string;
      correlationId: string;
      id: string;
      data: { surveyId: string };
    };
    expect(envelope.causationId).toBe((JSON.parse(roster.value) as { id: string }).id);
    expect(envelope.correlationId).toBe('PEND-1');
    expect(envelope.id).toBe(envelope.data.surveyId);

    const survey = (await getJson(
      `${service.url}/v1/surveys/${envelope.data.surveyId}`,
      await environment.bearer('screening-vendor'),
    )) as JsonReply<{
      surveyId: string;
      memberId: string;
      response: unknown;
    }>;
    expect(survey).toEqual({
      status: 200,
      body: expect.objectContaining({
        surveyId: envelope.data.surveyId,
        memberId: 'P-1',
        response: null,
      }) as unknown,
    });
  });

  it('dead-letters a poison claim-received and keeps triggering', async () => {
    await publishMembers(memberMessage(member('POISON-1')));
    const good = claimMessage(visitClaim({ claimId: 'POISON-OK', memberId: 'POISON-1', date: daysAgo(4) }));
    const invalid = JSON.parse(
      claimMessage(visitClaim({ claimId: 'POISON-BAD', memberId: 'POISON-1', date: daysAgo(4) })).value,
    ) as {
      data: { claim: Record<string, unknown> };
    };
    invalid.data.claim['claimType'] = 'dental';
    await publishClaims(
      { key: 'POISON-1', value: '{not json' },
      { key: 'POISON-1', value: JSON.stringify(invalid) },
      good,
    );
    await probe.settle();
    const deadLetters = await environment.probe.readAll(deadLetterTopicOf(CLAIMS));
    expect(deadLetters.filter((message) => message.key === 'POISON-1')).toHaveLength(2);
    expect(await probe.surveys('POISON-1')).toHaveLength(1);
  });

  it('answers 400 naming memberId for a bad member id and 404 for an unknown survey', async () => {
    const bad = (await getJson(
      `${service.url}/v1/members/${encodeURIComponent('no spaces!')}/survey-visits`,
      await environment.bearer('coach-ana'),
    )) as JsonReply<{ issues: Array<{ field: string }> }>;
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue) => issue.field)).toEqual(['memberId']);
    const vendor = await environment.bearer('screening-vendor');
    expect((await getJson(`${service.url}/v1/surveys/00000000-0000-4000-8000-000000000000`, vendor)).status).toBe(
      404,
    );
    expect((await getJson(`${service.url}/v1/surveys/not-a-uuid`, vendor)).status).toBe(400);
  });
});
