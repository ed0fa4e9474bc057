import { decodeEvent, TOPICS } from '@care/contracts';
import { stageEvents } from '@care/messaging';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import type { EntityManager } from 'typeorm';
import { EmitDueFollowUpsUseCase } from '../src/follow-ups/use-cases/emit-due-follow-ups/emit-due-follow-ups.use-case';
import { aCoachSubmission, aQuestionnaireResponse, phq9Answers } from '../src/testing/screening-answers.factory';
import { startBehavioralScreening, type RunningBehavioralScreening } from './support/behavioral-screening-app';
import { forMember, TopicCollector, type CollectedMessage } from './support/topic-collector';

const COMPLETED = TOPICS.screeningCompleted.name;
const REQUESTED = TOPICS.screeningRequested.name;
const SAFETY_SIGNAL = TOPICS.screeningSafetySignal.name;
const DAY_MS = 86_400_000;
/** The follow-up interval of this test instance: seconds instead of weeks, so "when due" is observable. */
const FOLLOW_UP_SECONDS = 3;

/** Screenings submitted over HTTP (coach answers and FHIR), against a real PostgreSQL and a real broker. */
describe('behavioral-screening scores submitted screenings', () => {
  let environment: TestEnvironment;
  let service: RunningBehavioralScreening;
  let collector: TopicCollector;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    [service, collector] = await Promise.all([
      startBehavioralScreening(environment, { PHQ9_FOLLOW_UP_INTERVAL: `${FOLLOW_UP_SECONDS}s`, FOLLOW_UP_POLL_MS: '100' }),
      TopicCollector.start(environment.probe, [COMPLETED, REQUESTED, SAFETY_SIGNAL]),
    ]);
    // Screenings are scored only for members on the roster (the held ones have their own test).
    await service.onRoster(
      ...['M-BAD', 'M-DUP', 'M-FHIR', 'M-FU', 'M-PRE', 'M-PRE-NEG', 'M-RISK', 'M-URGENT', 'M-HISTORY'],
      ...Array.from({ length: 12 }, (_, index) => `M-REPLICA-${index}`),
    );
  });

  afterAll(async () => {
    await collector.stop();
    await service.close();
    await environment.dispose();
  });

  const data = (message: CollectedMessage | undefined): Record<string, unknown> => message?.envelope?.data ?? {};
  const forScreening = (screeningId: string) => (message: CollectedMessage) => data(message)['screeningId'] === screeningId;
  const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

  it('emits screening-completed flagged urgent for a PHQ-9 with item 9 = 1, and answers 201 with the result', async () => {
    const response = await service.post(
      '/v1/screenings',
      aCoachSubmission({ screeningId: 'URGENT-1', memberId: 'M-URGENT', answers: phq9Answers(3, 1), completedAt: minutesAgo(5) }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'accepted',
      screeningId: 'URGENT-1',
      instrument: 'phq-9',
      total: 3,
      severity: 'minimal',
      positive: false,
      safetyFlag: true,
      priority: 'urgent',
    });

    const [message] = await collector.waitFor(COMPLETED, forScreening('URGENT-1'));
    expect(decodeEvent(message?.value ?? null, [COMPLETED]).ok).toBe(true);
    expect(message?.key).toBe('M-URGENT');
    expect(message?.headers).toMatchObject({ type: COMPLETED, version: '1', 'event-id': response.body['eventId'] });
    expect(message?.envelope).toMatchObject({ id: response.body['eventId'], subject: 'M-URGENT', correlationId: 'URGENT-1' });
    expect(data(message)).toMatchObject({
      memberId: 'M-URGENT',
      instrument: 'phq-9',
      instrumentVersion: '1.0.0',
      total: 3,
      severity: 'minimal',
      positive: false,
      positiveCutoff: 10,
      safetyFlag: true,
      priority: 'urgent',
      source: 'coach',
      panelLoinc: '44249-1',
      totalLoinc: '44261-6',
    });
    expect((data(message)['answers'] as unknown[])[8]).toEqual({ item: 9, loinc: '44260-8', value: 1, answerLoinc: 'LA6569-3' });
  });

  it('stores and emits nothing new for a resubmission with the same id: 200 with the stored result, 409 when different', async () => {
    const submission = aCoachSubmission({ screeningId: 'DUP-1', memberId: 'M-DUP', instrument: 'audit-c', answers: { 1: 2, 2: 1, 3: 0 }, sex: 'male', completedAt: minutesAgo(10) });
    const first = await service.post('/v1/screenings', submission);
    expect(first.status).toBe(201);
    const again = await service.post('/v1/screenings', submission);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, status: 'duplicate' });
    const changed = await service.post('/v1/screenings', { ...submission, answers: { 1: 2, 2: 1, 3: 1 } });
    expect(changed.status).toBe(409);
    expect(changed.body['message']).toBe('screening DUP-1 was already received with different content');
    // the same answers with another sex would score against another cut-off: different content too
    expect((await service.post('/v1/screenings', { ...submission, sex: 'female' })).status).toBe(409);

    // a later screening of the same member goes to the same partition after anything DUP-1 could have caused
    expect((await service.post('/v1/screenings', { ...submission, screeningId: 'DUP-2' })).status).toBe(201);
    await collector.waitFor(COMPLETED, forScreening('DUP-2'));
    expect(await collector.read(COMPLETED, forScreening('DUP-1'))).toHaveLength(1);
    expect(await service.count("screenings WHERE member_id = 'M-DUP'")).toBe(2);
    expect((await service.get('/v1/screenings/DUP-1')).body).toEqual({ ...first.body, status: undefined });
  });

  it('answers incomplete or out-of-range answers with 400 naming each item, storing and emitting nothing', async () => {
    const rowsBefore = await service.count('screenings');
    const answers: Record<string, unknown> = { ...phq9Answers(8), '4': 5, '9': 0 };
    delete answers['6'];
    const response = await service.post('/v1/screenings', aCoachSubmission({ screeningId: 'BAD-1', memberId: 'M-BAD', answers }));
    expect(response.status).toBe(400);
    expect(response.body['issues']).toEqual([
      { field: 'answers.4', messages: ['PHQ-9 item 4 (44254-1): answer must be one of 0, 1, 2, 3'] },
      { field: 'answers.6', messages: ['PHQ-9 item 6 (44258-2): missing answer'] },
    ]);
    expect(response.body['safetySignal']).toBe('no-risk');
    expect(await service.count('screenings')).toBe(rowsBefore);
    expect((await service.get('/v1/screenings/BAD-1')).status).toBe(404);
    const fhir = await service.post('/v1/screenings/fhir', { resourceType: 'QuestionnaireResponse', status: 'completed' });
    expect(fhir.status).toBe(400);
    expect((fhir.body['issues'] as Array<{ field: string }>).map((issue) => issue.field)).toEqual(['id', 'subject', 'authored', 'questionnaire']);
    expect(await service.count('screenings')).toBe(rowsBefore);
    expect(await collector.read(COMPLETED, forMember('M-BAD'))).toHaveLength(0);
    expect(await service.count("incomplete_screenings WHERE member_id = 'M-BAD'")).toBe(0);
  });

  it('never drops a self-harm answer: an unscorable PHQ-9 with item 9 = 2 is stored as incomplete and signalled once', async () => {
    const answers: Record<string, unknown> = { ...phq9Answers(8), '4': 5, '9': 2 };
    delete answers['6'];
    const incomplete = aCoachSubmission({ screeningId: 'RISK-1', memberId: 'M-RISK', answers, completedAt: minutesAgo(20) });
    const response = await service.post('/v1/screenings', incomplete);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      status: 'incomplete',
      screeningId: 'RISK-1',
      memberId: 'M-RISK',
      safetySignal: 'risk',
      urgentFollowUp: 'requested',
      receivedAt: expect.any(String),
      message: expect.stringContaining('urgent follow-up is requested'),
      issues: [
        { field: 'answers.4', messages: ['PHQ-9 item 4 (44254-1): answer must be one of 0, 1, 2, 3'] },
        { field: 'answers.6', messages: ['PHQ-9 item 6 (44258-2): missing answer'] },
      ],
    });
    const [signal] = await collector.waitFor(SAFETY_SIGNAL, forScreening('RISK-1'));
    expect(decodeEvent(signal?.value ?? null, [SAFETY_SIGNAL]).ok).toBe(true);
    expect(signal?.key).toBe('M-RISK');
    expect(data(signal)).toEqual({
      screeningId: 'RISK-1',
      memberId: 'M-RISK',
      instrument: 'phq-9',
      reason: 'incomplete-screening',
      completedAt: incomplete['completedAt'],
      receivedAt: response.body['receivedAt'],
      source: 'coach',
    });
    // Not scored, in no history or trend; kept for the clinician.
    expect(await service.count("screenings WHERE member_id = 'M-RISK'")).toBe(0);
    expect(await service.count("incomplete_screenings WHERE screening_id = 'RISK-1' AND received->'answers'->>'9' = '2'")).toBe(1);
    expect((await service.get('/v1/screenings/RISK-1')).status).toBe(404);
    expect((await service.get('/v1/members/M-RISK/screenings')).body).toMatchObject({
      screenings: [],
      incomplete: [{ screeningId: 'RISK-1', instrument: 'phq-9', safetySignal: 'risk', completedAt: incomplete['completedAt'] }],
    });

    // Sent again (a client retrying a 4xx): still one signal. Then complete: scored as usual, with its safety flag.
    const again = await service.post('/v1/screenings', incomplete);
    expect([again.status, again.body['urgentFollowUp']]).toEqual([202, 'already-requested']);
    const complete = await service.post('/v1/screenings', { ...incomplete, answers: { ...phq9Answers(8), '9': 2 } });
    expect(complete.status).toBe(201);
    expect(complete.body).toMatchObject({ screeningId: 'RISK-1', safetyFlag: true, priority: 'urgent' });
    await collector.waitFor(COMPLETED, forScreening('RISK-1'));
    expect(await collector.read(SAFETY_SIGNAL, forScreening('RISK-1'))).toHaveLength(1);

    // The FHIR channel alike: an amended (not completed) response with item 9 answered.
    const fhir = await service.post(
      '/v1/screenings/fhir',
      { ...aQuestionnaireResponse({ id: 'RISK-F', memberId: 'M-RISK', instrument: 'phq-9', values: [1, 1, 1, 1, 1, 1, 1, 1, 3] }), status: 'amended' },
      'application/fhir+json',
    );
    expect([fhir.status, fhir.body['status']]).toEqual([202, 'incomplete']);
    expect(data((await collector.waitFor(SAFETY_SIGNAL, forScreening('RISK-F')))[0])).toMatchObject({ source: 'fhir' });

    // Without a member id it cannot be routed: 400 as before, the risk named.
    const unroutable = await service.post('/v1/screenings', { ...incomplete, screeningId: 'RISK-2', memberId: 'no member!' });
    expect([unroutable.status, unroutable.body['safetySignal']]).toEqual([400, 'risk']);
  });

  it("scores AUDIT-C against the roster's sex: a man screened without sex and a total of 3 is negative", async () => {
    await service.onRoster({ memberId: 'M-AUD-M', sex: 'male' }, { memberId: 'M-AUD-F', sex: 'female' });
    const auditC = (screeningId: string, memberId: string, sex?: string) =>
      service.post(
        '/v1/screenings',
        aCoachSubmission({ screeningId, memberId, instrument: 'audit-c', answers: { 1: 1, 2: 1, 3: 1 }, completedAt: minutesAgo(3), ...(sex !== undefined && { sex }) }),
      );
    const man = await auditC('AUD-M-1', 'M-AUD-M');
    expect([man.status, man.body]).toEqual([
      201,
      expect.objectContaining({ total: 3, positive: false, positiveCutoff: 4, cutoffBasis: 'male', priority: 'routine', auditCSex: { sex: 'male', source: 'roster' } }),
    ]);
    // A submitted sex the roster contradicts is recorded, and the roster's used.
    const contradicted = await auditC('AUD-M-2', 'M-AUD-M', 'female');
    expect(contradicted.body).toEqual(
      expect.objectContaining({ positive: false, cutoffBasis: 'male', auditCSex: { sex: 'male', source: 'roster', contradicted: 'female' } }),
    );
    const woman = await auditC('AUD-F-1', 'M-AUD-F');
    expect(woman.body).toEqual(expect.objectContaining({ total: 3, positive: true, positiveCutoff: 3, cutoffBasis: 'female', priority: 'high' }));
    const [event] = await collector.waitFor(COMPLETED, forScreening('AUD-M-1'));
    expect(data(event)).toEqual(expect.objectContaining({ positive: false, cutoffBasis: 'male' }));
  });

  it("holds a screening of a member not on the roster unscored, signals a self-harm answer at once, and scores it when the member arrives", async () => {
    const submission = aCoachSubmission({ screeningId: 'HELD-1', memberId: 'M-NEW', answers: phq9Answers(5, 2), completedAt: minutesAgo(10) });
    const held = await service.post('/v1/screenings', submission);
    expect(held.status).toBe(202);
    expect(held.body).toEqual({
      status: 'held',
      screeningId: 'HELD-1',
      memberId: 'M-NEW',
      reason: 'member-not-on-roster',
      receivedAt: expect.any(String),
      safetySignal: 'risk',
      urgentFollowUp: 'requested',
      message: expect.stringContaining('not on the roster yet'),
    });
    // No scored result: nothing stored as a screening, nothing completed; the self-harm answer goes on now.
    expect((await service.get('/v1/screenings/HELD-1')).status).toBe(404);
    expect(await service.count("screenings WHERE member_id = 'M-NEW'")).toBe(0);
    const [signal] = await collector.waitFor(SAFETY_SIGNAL, forScreening('HELD-1'));
    expect(data(signal)).toEqual(expect.objectContaining({ memberId: 'M-NEW', reason: 'member-not-on-roster' }));
    const again = await service.post('/v1/screenings', submission);
    expect([again.status, again.body['status'], again.body['urgentFollowUp']]).toEqual([202, 'held', 'already-requested']);
    expect((await service.post('/v1/screenings', { ...submission, answers: phq9Answers(6, 2) })).status).toBe(409);
    expect(await collector.read(COMPLETED, forScreening('HELD-1'))).toHaveLength(0);

    await service.onRoster({ memberId: 'M-NEW', sex: 'female' });
    const [completed] = await collector.waitFor(COMPLETED, forScreening('HELD-1'));
    expect(data(completed)).toEqual(expect.objectContaining({ memberId: 'M-NEW', safetyFlag: true, priority: 'urgent' }));
    expect((await service.get('/v1/screenings/HELD-1')).body).toEqual(expect.objectContaining({ screeningId: 'HELD-1', total: 5 }));
    expect(await service.count("held_screenings WHERE member_id = 'M-NEW'")).toBe(0);
    expect(await collector.read(SAFETY_SIGNAL, forScreening('HELD-1'))).toHaveLength(1);
  });

  it('gives a FHIR QuestionnaireResponse exactly the result of the same answers through the direct API', async () => {
    const completedAt = minutesAgo(30);
    const cases = [
      { instrument: 'phq-9' as const, values: [2, 1, 0, 1, 0, 2, 0, 1, 2], sex: undefined },
      { instrument: 'audit-c' as const, values: [3, 0, 0], sex: 'female' },
    ];
    for (const [index, { instrument, values, sex }] of cases.entries()) {
      const direct = await service.post(
        '/v1/screenings',
        aCoachSubmission({
          screeningId: `DIRECT-${index}`,
          memberId: 'M-FHIR',
          instrument,
          answers: Object.fromEntries(values.map((value, item) => [String(item + 1), value])),
          completedAt,
          ...(sex !== undefined && { sex }),
        }),
      );
      const fhir = await service.post(
        `/v1/screenings/fhir${sex === undefined ? '' : `?sex=${sex}`}`,
        aQuestionnaireResponse({ id: `QR-${index}`, memberId: 'M-FHIR', instrument, values, authored: completedAt }),
        'application/fhir+json',
      );
      expect([direct.status, fhir.status]).toEqual([201, 201]);
      /** Everything but the ids, the channel and the receipt time. */
      const comparable = (result: Record<string, unknown>): Record<string, unknown> =>
        Object.fromEntries(Object.entries(result).filter(([key]) => !['screeningId', 'source', 'eventId', 'receivedAt'].includes(key)));
      expect(comparable(fhir.body)).toEqual(comparable(direct.body));
      const [fromDirect] = await collector.waitFor(COMPLETED, forScreening(`DIRECT-${index}`));
      const [fromFhir] = await collector.waitFor(COMPLETED, forScreening(`QR-${index}`));
      expect(comparable(data(fromFhir))).toEqual(comparable(data(fromDirect)));
      expect(data(fromFhir)['source']).toBe('fhir');
    }
    // the AUDIT-C case: all points from question 1, positive for a woman at 3
    expect(data((await collector.read(COMPLETED, forScreening('QR-1')))[0])).toMatchObject({ total: 3, positive: true, cutoffBasis: 'female', onlyFrequencyPoints: true, priority: 'high' });

    // the stored QuestionnaireResponse and the total-score Observation that points back to it
    const bundle = await service.get('/v1/screenings/QR-0/fhir');
    expect(bundle.body).toMatchObject({
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'QuestionnaireResponse', id: 'QR-0' } },
        { resource: { resourceType: 'Observation', valueInteger: 9, code: { coding: [{ code: '44261-6' }] }, derivedFrom: [{ reference: 'QuestionnaireResponse/QR-0' }] } },
      ],
    });
  });

  it('schedules a follow-up PHQ-9 after a positive PHQ-9 and requests it when due', async () => {
    const completedAt = new Date().toISOString();
    const response = await service.post('/v1/screenings', aCoachSubmission({ screeningId: 'FU-1', memberId: 'M-FU', answers: phq9Answers(14), completedAt }));
    const dueOn = new Date(Date.parse(completedAt) + FOLLOW_UP_SECONDS * 1000).toISOString().slice(0, 10);
    expect(response.body).toMatchObject({ status: 'accepted', positive: true, severity: 'moderate', priority: 'high', followUpDueOn: dueOn });
    const [scheduled] = await service.dataSource.query<Array<{ status: string; due_at: Date }>>(
      "SELECT status, due_at FROM follow_ups WHERE screening_id = 'FU-1'",
    );
    expect(scheduled?.status).toBe('pending');
    expect(scheduled?.due_at.getTime()).toBe(Date.parse(completedAt) + FOLLOW_UP_SECONDS * 1000);
    expect(await collector.read(REQUESTED, forMember('M-FU'))).toHaveLength(0);

    const [request] = await collector.waitFor(REQUESTED, forMember('M-FU'), 1, (FOLLOW_UP_SECONDS + 10) * 1000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(completedAt) + FOLLOW_UP_SECONDS * 1000);
    expect(data(request)).toMatchObject({ instrument: 'phq-9', reason: 'follow-up', previousScreeningId: 'FU-1', dueOn });
    expect(request?.envelope?.correlationId).toBe('FU-1');
    expect(await service.count("follow_ups WHERE screening_id = 'FU-1' AND status = 'requested' AND request_id = $1", [data(request)['requestId']])).toBe(1);
  });

  it('never gives a due follow-up to two instances polling at the same time', async () => {
    await service.followUps.stop(); // the test plays two instances itself
    try {
      const members = Array.from({ length: 12 }, (_, index) => `M-REPLICA-${index}`);
      const completedAt = new Date(Date.now() - (FOLLOW_UP_SECONDS + 1) * 1000).toISOString(); // due already
      for (const [index, memberId] of members.entries()) {
        const response = await service.post('/v1/screenings', aCoachSubmission({ screeningId: `REPLICA-${index}`, memberId, answers: phq9Answers(20), completedAt }));
        expect(response.status).toBe(201);
      }
      const useCase = new EmitDueFollowUpsUseCase(service.messaging.events);
      const emit = async (manager: EntityManager, limit: number): Promise<string[]> => {
        const { events } = await useCase.execute(manager, limit);
        await stageEvents(manager, events);
        return events.map((event) => event.envelope.subject);
      };
      let takenBySecond: string[] = [];
      const takenByFirst = await service.dataSource.transaction(async (first) => {
        const taken = await emit(first, 5); // instance A holds 5 due follow-ups, not yet committed
        // instance B polls meanwhile: it skips A's rows instead of taking them too (or waiting for them)
        takenBySecond = await service.dataSource.transaction(async (second) => {
          await second.query("SET LOCAL lock_timeout = '2s'"); // waiting on A's rows would hang this test: fail instead
          return emit(second, 100);
        });
        return taken;
      });
      service.messaging.published();
      expect(takenByFirst).toHaveLength(5);
      expect([...takenByFirst, ...takenBySecond].sort()).toEqual([...members].sort());

      const isReplica = (message: CollectedMessage): boolean => String(message.envelope?.subject).startsWith('M-REPLICA-');
      await collector.waitFor(REQUESTED, isReplica, members.length);
      expect(await service.count("screening_requests WHERE member_id LIKE 'M-REPLICA-%'")).toBe(members.length);
      expect(await service.count("follow_ups WHERE member_id LIKE 'M-REPLICA-%' AND status = 'requested'")).toBe(members.length);
      expect(await service.followUps.runOnce()).toBe(0);
      expect(await collector.read(REQUESTED, isReplica)).toHaveLength(members.length);
    } finally {
      service.followUps.start();
    }
  });

  it('requests the full PHQ-9 today after a positive PHQ-2 pre-screen', async () => {
    const response = await service.post('/v1/screenings', aCoachSubmission({ screeningId: 'PRE-1', memberId: 'M-PRE', instrument: 'phq-2', answers: { 1: 2, 2: 1 }, completedAt: minutesAgo(1) }));
    expect(response.body).toMatchObject({ status: 'accepted', instrument: 'phq-2', total: 3, positive: true, priority: 'high', requestedNext: { instrument: 'phq-9' } });
    const [request] = await collector.waitFor(REQUESTED, forMember('M-PRE'));
    expect(data(request)).toMatchObject({
      requestId: (response.body['requestedNext'] as { requestId: string }).requestId,
      instrument: 'phq-9',
      reason: 'positive-pre-screen',
      previousScreeningId: 'PRE-1',
      dueOn: String(response.body['receivedAt']).slice(0, 10),
    });
    // a negative PHQ-2 requests nothing
    expect((await service.post('/v1/screenings', aCoachSubmission({ screeningId: 'PRE-2', memberId: 'M-PRE-NEG', instrument: 'phq-2', answers: { 1: 1, 2: 1 } }))).body).not.toHaveProperty('requestedNext');
  });

  it("returns a member's history with the trend per instrument", async () => {
    const member = 'M-HISTORY';
    const submit = (screeningId: string, daysAgo: number, answers: Record<string, unknown>, instrument = 'phq-9') =>
      service.post('/v1/screenings', aCoachSubmission({ screeningId, memberId: member, instrument, answers, sex: 'male', completedAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString() }));
    await submit('H-1', 90, phq9Answers(18));
    await submit('H-2', 60, phq9Answers(12));
    await submit('H-3', 30, phq9Answers(8));
    await submit('H-4', 20, { 1: 1, 2: 1, 3: 0 }, 'audit-c');
    const history = await service.get(`/v1/members/${member}/screenings`);
    expect(history.status).toBe(200);
    expect(history.body['screenings']).toEqual([
      expect.objectContaining({ screeningId: 'H-4', instrument: 'audit-c', total: 2, positive: false }),
      expect.objectContaining({ screeningId: 'H-3', total: 8, severity: 'mild', positive: false }),
      expect.objectContaining({ screeningId: 'H-2', total: 12, severity: 'moderate', positive: true }),
      expect.objectContaining({ screeningId: 'H-1', total: 18, severity: 'moderately-severe', positive: true }),
    ]);
    expect(history.body['trends']).toEqual([
      expect.objectContaining({
        instrument: 'phq-9',
        count: 3,
        series: [expect.objectContaining({ screeningId: 'H-1', total: 18 }), expect.objectContaining({ total: 12 }), expect.objectContaining({ total: 8 })],
        changeSincePrevious: -4,
        changeSinceFirst: -10,
        direction: 'improving',
        phq9: { significantChange: false, response: true, remission: false },
      }),
      expect.objectContaining({ instrument: 'audit-c', count: 1, direction: 'single-result' }),
    ]);
    // the latest PHQ-9 is negative and later than the positive ones: no follow-up is pending, none is open
    expect(history.body['scheduledFollowUps']).toEqual([]);
    expect(history.body['openRequests']).toEqual([]);
    expect((await service.get('/v1/members/not%20a%20member/screenings')).status).toBe(400);
    expect((await service.get('/v1/members/M-NOBODY/screenings')).body).toMatchObject({ screenings: [], trends: [] });
  });

  it('exposes readiness with both consumer groups, and OpenAPI with the endpoints and the event schemas', async () => {
    const ready = await service.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.stringify(ready.body)).toContain('behavioral-screening.case-opened');
    expect(JSON.stringify(ready.body)).toContain('behavioral-screening.program-enrollment-changed');
    const openApi = (await service.get('/docs/json')).body as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining(['/v1/screenings', '/v1/screenings/fhir', '/v1/screenings/{screeningId}', '/v1/screenings/{screeningId}/fhir', '/v1/members/{memberId}/screenings']),
    );
    expect(Object.keys(openApi.components.schemas)).toEqual(
      expect.arrayContaining(['SubmitScreeningRequest', 'ScreeningCompletedPayload', 'ScreeningRequestedPayload']),
    );
  });

  it('counts completed screenings by instrument, positive and priority, without member ids', async () => {
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/care_screenings_completed_total\{[^}]*instrument="phq-9",positive="false",priority="urgent",source="coach"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/care_screenings_completed_total\{[^}]*instrument="audit-c",positive="true",priority="high",source="fhir"[^}]*\} [1-9]/);
    // two in the duplicate test, one in the held test
    expect(metrics).toMatch(/care_screening_submissions_total\{[^}]*channel="coach",outcome="conflict"[^}]*\} 3/);
    expect(metrics).toMatch(/care_screening_submissions_total\{[^}]*channel="coach",outcome="held"[^}]*\} 2/);
    // RISK-1 twice and RISK-2 (unroutable) by the coach channel; signals: RISK-1 and HELD-1 (coach), RISK-F (fhir).
    expect(metrics).toMatch(/care_screening_rejected_with_safety_risk_total\{[^}]*channel="coach"[^}]*\} 3/);
    expect(metrics).toMatch(/care_screening_safety_signals_total\{[^}]*channel="coach"[^}]*\} 2/);
    expect(metrics).toMatch(/care_screening_safety_signals_total\{[^}]*channel="fhir"[^}]*\} 1/);
    expect(metrics).toMatch(/care_screening_submissions_total\{[^}]*channel="coach",outcome="incomplete"[^}]*\} 2/);
    expect(metrics).toMatch(/care_screening_follow_ups_total\{[^}]*event="requested"[^}]*\} [1-9]/);
    expect(metrics).not.toMatch(/M-[A-Z]/);
  });
});
