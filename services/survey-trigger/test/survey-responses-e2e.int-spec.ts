import { deadLetterTopicOf, TOPICS } from '@care/contracts';
import {
  createTestEnvironment,
  spawnService,
  type ServiceProcess,
  type TestEnvironment,
} from '@care/testing';
import { getJson, postJson, SurveyProbe, type JsonReply } from './support/survey-probe';
import {
  daysAgo,
  member,
  PROVIDER_A,
  PROVIDER_B,
  startSurveyTrigger,
  visitClaim,
  type RunningSurveyTrigger,
} from './support/survey-trigger-app';

type Answers = Array<{ topic: string; value: number }>;
interface ScoresBody {
  npi: string;
  period: { label: string; from: string; to: string };
  surveysSent: number;
  responses: number;
  responseRate: number | null;
  minResponses: number;
  topics: Array<{
    topic: string;
    answered: number;
    suppressed: boolean;
    mean: number | null;
    score: number | null;
    topBoxPercent: number | null;
  }>;
  summary: { suppressed: boolean; score: number | null; stars: number | null; topics: string[] };
}

const answers = (gnc: number, gcq: number, cc: number | undefined, pc: number, qoc: number): Answers => [
  { topic: 'quality-of-care', value: qoc },
  { topic: 'getting-needed-care', value: gnc },
  { topic: 'getting-care-quickly', value: gcq },
  ...(cc === undefined ? [] : [{ topic: 'care-coordination', value: cc }]),
  { topic: 'provider-communication', value: pc },
];
const quarterOf = (day: string): string =>
  `${day.slice(0, 4)}-Q${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1)}`;

/**
 * Members and claims submitted to claims-intake (its own process) reach survey-trigger (this process) through
 * `member-eligibility-changed` and `claim-received`; the surveys it triggers are answered over HTTP and scored per
 * provider, with SURVEY_MIN_RESPONSES=3. Expected scores are worked out by hand in the comments.
 */
describe('survey-trigger end to end: claims-intake -> surveys -> responses -> provider scores', () => {
  let environment: TestEnvironment;
  let intake: ServiceProcess;
  let service: RunningSurveyTrigger;
  let probe: SurveyProbe;
  const surveyOf = new Map<string, string>();
  const period = `${daysAgo(43).slice(0, 7)}..${daysAgo(0).slice(0, 7)}`;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    [intake, service] = await Promise.all([
      spawnService('claims-intake', environment),
      startSurveyTrigger(environment, { SURVEY_SAMPLING_RATE: '1', SURVEY_MIN_RESPONSES: '3' }),
    ]);
    probe = await SurveyProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await intake.kill('SIGTERM');
    await environment.dispose();
  });

  const vendor = () => environment.bearer('screening-vendor');
  const respond = async (memberId: string, body: unknown) =>
    (await postJson(`${service.url}/v1/surveys/${surveyOf.get(memberId) ?? ''}/responses`, body, await vendor())) as JsonReply<
      Record<string, unknown>
    >;
  const scores = async (npi: string, query: string) =>
    (await getJson(
      `${service.url}/v1/providers/${npi}/survey-scores?${query}`,
      await environment.bearer('supervisor-dee'),
    )) as JsonReply<ScoresBody>;

  it('triggers a survey for each visit submitted to claims-intake', async () => {
    const ids = ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-9'];
    const members = (await postJson(
      `${intake.url}/v1/members/batch`,
      { members: ids.map((id) => member(id)) },
      await environment.bearer('claims-feed'),
    )) as JsonReply<{ results: unknown[] }>;
    expect(members.status).toBe(200);
    const claims = [
      ...['R-1', 'R-2', 'R-3', 'R-4'].map((id, i) =>
        visitClaim({ claimId: `E2E-${id}`, memberId: id, date: daysAgo(40 + i), providerNpi: PROVIDER_A }),
      ),
      ...['R-5', 'R-6'].map((id, i) =>
        visitClaim({ claimId: `E2E-${id}`, memberId: id, date: daysAgo(40 + i), providerNpi: PROVIDER_B }),
      ),
      visitClaim({ claimId: 'E2E-R-9', memberId: 'R-9', date: daysAgo(150), providerNpi: PROVIDER_A }), // another period
    ];
    const response = (await postJson(
      `${intake.url}/v1/claims/batch`,
      { claims },
      await environment.bearer('claims-feed'),
    )) as JsonReply<{
      accepted: number;
    }>;
    expect(response).toMatchObject({ status: 200, body: { accepted: 7 } });
    await environment.probe.waitForCount(TOPICS.surveyTriggered.name, 7);
    await probe.settle();
    for (const survey of await probe.surveys()) surveyOf.set(survey.memberId, survey.surveyId);
    expect([...surveyOf.keys()].sort()).toEqual(ids);
    expect(await environment.probe.count(deadLetterTopicOf(TOPICS.claimReceived.name))).toBe(0);
    expect(await environment.probe.count(deadLetterTopicOf(TOPICS.memberEligibilityChanged.name))).toBe(0);
  });

  it('records a response once: the same content again is answered alike, different content is a conflict', async () => {
    const first = await respond('R-1', {
      answers: answers(4, 3, 4, 4, 10),
      respondedAt: '2026-11-01T10:00:00Z',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      surveyId: surveyOf.get('R-1'),
      instrumentVersion: 'post-visit-2026.1',
      respondedAt: '2026-11-01T10:00:00.000Z',
      receivedAt: expect.any(String) as unknown,
      answers: [
        { topic: 'getting-needed-care', value: 4 },
        { topic: 'getting-care-quickly', value: 3 },
        { topic: 'care-coordination', value: 4 },
        { topic: 'provider-communication', value: 4 },
        { topic: 'quality-of-care', value: 10 },
      ],
    });
    const again = await respond('R-1', {
      answers: [...answers(4, 3, 4, 4, 10)].reverse(),
      respondedAt: '2026-11-01T11:00:00+01:00',
    });
    expect(again).toEqual({ status: 200, body: first.body });
    const changed = await respond('R-1', {
      answers: answers(4, 3, 4, 4, 9),
      respondedAt: '2026-11-01T10:00:00Z',
    });
    expect(changed.status).toBe(409);

    const survey = (await getJson(`${service.url}/v1/surveys/${surveyOf.get('R-1') ?? ''}`, await vendor())) as JsonReply<{
      response: { answers: Answers } | null;
    }>;
    expect(survey.body.response?.answers.find((answer) => answer.topic === 'quality-of-care')?.value).toBe(
      10,
    );
  });

  it('rejects answers off the topic scales, naming each field, and stores nothing', async () => {
    const bad = await respond('R-4', {
      answers: [
        { topic: 'getting-needed-care', value: 5 }, // frequency scale is 1-4
        { topic: 'quality-of-care', value: 11 }, // rating scale is 0-10
        { topic: 'overall-rating', value: 3 }, // not a topic of the survey
        { topic: 'care-coordination', value: 2.5 },
      ],
      channel: 'phone',
    });
    expect(bad.status).toBe(400);
    expect((bad.body['issues'] as Array<{ field: string }>).map((issue) => issue.field).sort()).toEqual([
      'answers[0].value',
      'answers[1].value',
      'answers[2].topic',
      'answers[3].value',
      'channel',
    ]);
    const twice = await respond('R-4', {
      answers: [
        { topic: 'care-coordination', value: 2 },
        { topic: 'care-coordination', value: 3 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('answers must name each topic at most once');
    expect((await respond('R-4', { answers: [] })).status).toBe(400);
    const unknown = await postJson(
      `${service.url}/v1/surveys/00000000-0000-4000-8000-000000000000/responses`,
      { answers: answers(4, 4, 4, 4, 10) },
      await vendor(),
    );
    expect(unknown.status).toBe(404);
    const survey = (await getJson(`${service.url}/v1/surveys/${surveyOf.get('R-4') ?? ''}`, await vendor())) as JsonReply<{
      response: unknown;
    }>;
    expect(survey.body.response).toBeNull();
  });

  // Provider A, visits in the period: R-1 (above), R-2, R-3 answered; R-4 not; R-9 (answered) is in another quarter.
  //   getting needed care 4, 3, 4 -> mean 3.67, linear 100, 66.7, 100 -> 88.9, Always 2 of 3 = 66.7 %
  //   getting care quickly 3, 3, 2 -> mean 2.67, 66.7, 66.7, 33.3 -> 55.6, Always 0 %
  //   care coordination 4, 2 (R-3 skipped it) -> 2 answers < 3: suppressed
  //   provider communication 4, 4, 3 -> 3.67, 88.9, 66.7 %
  //   quality of care 10, 9, 8 -> mean 9, 90, (9-10) 2 of 3 = 66.7 %
  //   summary (88.89 + 55.56 + 88.89 + 90) / 4 = 80.83 -> 80.8, 4 stars; response rate 3 / 4 = 0.75
  it('scores a provider per topic with a star summary, and suppresses topics below the minimum', async () => {
    for (const [memberId, body] of [
      ['R-2', answers(3, 3, 2, 4, 9)],
      ['R-3', answers(4, 2, undefined, 3, 8)],
      ['R-9', answers(1, 1, 1, 1, 0)],
      ['R-5', answers(4, 4, 4, 4, 10)],
      ['R-6', answers(4, 4, 4, 4, 10)],
    ] as const) {
      expect([memberId, (await respond(memberId, { answers: body })).status]).toEqual([memberId, 201]);
    }
    const { status, body } = await scores(PROVIDER_A, `period=${period}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      npi: PROVIDER_A,
      period: { label: period, from: `${daysAgo(43).slice(0, 7)}-01` },
      surveysSent: 4,
      responses: 3,
      responseRate: 0.75,
      minResponses: 3,
    });
    expect(
      body.topics.map((topic) => [
        topic.topic,
        topic.answered,
        topic.suppressed,
        topic.mean,
        topic.score,
        topic.topBoxPercent,
      ]),
    ).toEqual([
      ['getting-needed-care', 3, false, 3.67, 88.9, 66.7],
      ['getting-care-quickly', 3, false, 2.67, 55.6, 0],
      ['care-coordination', 2, true, null, null, null],
      ['provider-communication', 3, false, 3.67, 88.9, 66.7],
      ['quality-of-care', 3, false, 9, 90, 66.7],
    ]);
    expect(body.summary).toEqual({
      suppressed: false,
      score: 80.8,
      stars: 4,
      topics: ['getting-needed-care', 'getting-care-quickly', 'provider-communication', 'quality-of-care'],
    });
  });

  it('suppresses every score of a provider with fewer responses than the minimum, and scores by quarter', async () => {
    const b = await scores(PROVIDER_B, `period=${period}`);
    expect(b.body).toMatchObject({ surveysSent: 2, responses: 2, responseRate: 1 });
    expect(b.body.summary).toEqual({ suppressed: true, score: null, stars: null, topics: [] });
    expect(
      b.body.topics.every((topic) => topic.suppressed && topic.score === null && topic.answered === 2),
    ).toBe(true);

    const quarter = quarterOf(daysAgo(150));
    const older = await scores(PROVIDER_A, `period=${quarter}`);
    expect(older.body).toMatchObject({
      period: { label: quarter },
      surveysSent: 1,
      responses: 1,
      responseRate: 1,
    });
    expect(older.body.summary.suppressed).toBe(true);
  });

  it('answers 400 naming npi or period', async () => {
    const supervisor = await environment.bearer('supervisor-dee');
    const badNpi = (await getJson(
      `${service.url}/v1/providers/1234567890/survey-scores?period=2026-Q1`,
      supervisor,
    )) as JsonReply<{ issues: Array<{ field: string }> }>;
    expect([badNpi.status, badNpi.body.issues.map((issue) => issue.field)]).toEqual([400, ['npi']]);
    for (const query of ['period=2026-Q5', 'period=2026-06..2026-01', '', 'period=2026-Q1&extra=1']) {
      const bad = (await getJson(
        `${service.url}/v1/providers/${PROVIDER_A}/survey-scores?${query}`,
        supervisor,
      )) as JsonReply<{ issues: Array<{ field: string }> }>;
      expect([query, bad.status]).toEqual([query, 400]);
      expect(bad.body.issues.map((issue) => issue.field)).toEqual([
        query.includes('extra') ? 'extra' : 'period',
      ]);
    }
  });
});
