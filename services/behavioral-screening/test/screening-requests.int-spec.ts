import { decodeEvent, deadLetterTopicOf, TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { SUBJECT_MISMATCH_CODE } from '../src/requests/handlers/screening-trigger.handler';
import { aCoachSubmission, phq9Answers } from '../src/testing/screening-answers.factory';
import { startBehavioralScreening, type RunningBehavioralScreening } from './support/behavioral-screening-app';
import { caseOpenedMessage, enrollmentChangedMessage, type CaseworkMessage } from './support/casework-events';
import { forMember, TopicCollector, type CollectedMessage } from './support/topic-collector';

const REQUESTED = TOPICS.screeningRequested.name;
const CASE_OPENED = TOPICS.caseOpened.name;
const ENROLLMENT = TOPICS.programEnrollmentChanged.name;
const CASE_OPENED_DLQ = deadLetterTopicOf(CASE_OPENED);
const DAY_MS = 86_400_000;

/** Screening requests from casework's events, against a real PostgreSQL and a real Kafka-protocol broker. */
describe('behavioral-screening requests screenings when casework opens a case or enrolls a member', () => {
  let environment: TestEnvironment;
  let service: RunningBehavioralScreening;
  let collector: TopicCollector;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    [service, collector] = await Promise.all([
      startBehavioralScreening(environment),
      TopicCollector.start(environment.probe, [REQUESTED, CASE_OPENED_DLQ]),
    ]);
    await service.onRoster('M-RE-1', 'M-RE-2');
  });

  afterAll(async () => {
    await collector.stop();
    await service.close();
    await environment.dispose();
  });

  const publish = (topic: string, ...messages: CaseworkMessage[]): Promise<void> => environment.probe.produce(topic, messages);
  const data = (message: CollectedMessage): Record<string, unknown> => message.envelope?.data ?? {};
  const instruments = (messages: readonly CollectedMessage[]): string[] => messages.map((message) => String(data(message)['instrument'])).sort();

  /** Resolves once the consumer group applied the event and the outbox relay published what it staged. */
  const applied = async (group: string, eventId: string): Promise<void> => {
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      const inbox = await service.count('inbox WHERE consumer_group = $1 AND event_id = $2', [`${environment.prefix}behavioral-screening.${group}`, eventId]);
      if (inbox === 1 && (await service.count('outbox')) === 0) return; // staged events are on the broker
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`event ${eventId} was not applied by ${group}`);
  };

  it('requests PHQ-9 and AUDIT-C once when a case is opened, even when the event is delivered twice', async () => {
    const opened = caseOpenedMessage('M-CASE-1', { caseId: 'CASE-77', caseType: 'coaching', openedAt: '2025-03-03T09:30:00Z' });
    await publish(CASE_OPENED, opened, opened);
    const requests = await collector.waitFor(REQUESTED, forMember('M-CASE-1'), 2);
    await applied(CASE_OPENED, opened.id);

    expect(await collector.read(REQUESTED, forMember('M-CASE-1'))).toHaveLength(2);
    expect(instruments(requests)).toEqual(['audit-c', 'phq-9']);
    for (const message of requests) {
      expect(decodeEvent(message.value, [REQUESTED]).ok).toBe(true);
      expect(message.key).toBe('M-CASE-1');
      expect(message.envelope).toMatchObject({ source: 'behavioral-screening', causationId: opened.id, correlationId: opened.id });
      expect(data(message)).toMatchObject({
        memberId: 'M-CASE-1',
        reason: 'case-opened',
        caseId: 'CASE-77',
        dueOn: '2025-03-17', // opened + SCREENING_DUE_DAYS (14)
      });
      expect(data(message)['requestId']).toBe(message.envelope?.id);
    }
    expect(await service.count("screening_requests WHERE member_id = 'M-CASE-1' AND fulfilled_by IS NULL")).toBe(2);
  });

  it('requests both screenings when a member enrolls, and nothing for a declined or ended enrollment', async () => {
    const declined = enrollmentChangedMessage('M-ENR-1', 'declined');
    const optedOut = enrollmentChangedMessage('M-ENR-1', 'opted-out');
    const enrolled = enrollmentChangedMessage('M-ENR-1', 'enrolled', { programId: 'DIABETES-COACHING' });
    await publish(ENROLLMENT, declined, optedOut, enrolled); // one member: one partition, in this order
    await applied(ENROLLMENT, enrolled.id);
    const requests = await collector.read(REQUESTED, forMember('M-ENR-1'));
    expect(instruments(requests)).toEqual(['audit-c', 'phq-9']);
    expect(requests.map((message) => data(message))).toEqual([
      expect.objectContaining({ reason: 'program-enrolled', programId: 'DIABETES-COACHING' }),
      expect.objectContaining({ reason: 'program-enrolled', programId: 'DIABETES-COACHING' }),
    ]);
    expect(requests.map((message) => message.envelope?.causationId)).toEqual([enrolled.id, enrolled.id]);
  });

  it('requests nothing the member completed within the rescreen interval or already has open, and requests again after it', async () => {
    // a negative PHQ-9 yesterday: only AUDIT-C is requested
    const screened = await service.post(
      '/v1/screenings',
      aCoachSubmission({ screeningId: 'RE-1', memberId: 'M-RE-1', answers: phq9Answers(4), completedAt: new Date(Date.now() - DAY_MS).toISOString() }),
    );
    expect(screened.status).toBe(201);
    const first = caseOpenedMessage('M-RE-1');
    await publish(CASE_OPENED, first);
    await applied(CASE_OPENED, first.id);
    expect(instruments(await collector.read(REQUESTED, forMember('M-RE-1')))).toEqual(['audit-c']);

    // the same member enrolls in a program the same day: PHQ-9 recently done, AUDIT-C already requested
    const enrolled = enrollmentChangedMessage('M-RE-1', 'enrolled');
    await publish(ENROLLMENT, enrolled);
    await applied(ENROLLMENT, enrolled.id);
    expect(instruments(await collector.read(REQUESTED, forMember('M-RE-1')))).toEqual(['audit-c']);

    // a screening 100 days old (interval 90 days) suppresses nothing
    expect(
      (await service.post('/v1/screenings', aCoachSubmission({ screeningId: 'RE-2', memberId: 'M-RE-2', answers: phq9Answers(3), completedAt: new Date(Date.now() - 100 * DAY_MS).toISOString() }))).status,
    ).toBe(201);
    const later = caseOpenedMessage('M-RE-2');
    await publish(CASE_OPENED, later);
    await applied(CASE_OPENED, later.id);
    expect(instruments(await collector.read(REQUESTED, forMember('M-RE-2')))).toEqual(['audit-c', 'phq-9']);

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/care_screening_requests_suppressed_total\{[^}]*instrument="phq-9",cause="recently-screened"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/care_screening_requests_suppressed_total\{[^}]*instrument="audit-c",cause="already-requested"[^}]*\} [1-9]/);
    expect(metrics).not.toContain('M-RE-');
  });

  it('sends a poison case-opened to case-opened.dlq with its reason and keeps consuming', async () => {
    const member = 'M-POISON';
    const invalid = caseOpenedMessage(member, { caseType: 'billing' });
    const mismatch = caseOpenedMessage(member, { data: { memberId: 'M-SOMEONE-ELSE' } });
    const valid = caseOpenedMessage(member);
    // one key, one partition: the valid event comes after the poison ones
    await environment.probe.produce(CASE_OPENED, [
      { key: member, value: 'not json at all' },
      { key: member, value: invalid.value },
      { key: member, value: mismatch.value },
      { key: member, value: valid.value },
    ]);
    expect(instruments(await collector.waitFor(REQUESTED, forMember(member), 2))).toEqual(['audit-c', 'phq-9']);
    const deadLetters = await collector.waitFor(CASE_OPENED_DLQ, (message) => message.key === member, 3);
    expect(deadLetters.map((message) => message.headers['dlq-error-code'])).toEqual(['unparseable', 'invalid-payload', SUBJECT_MISMATCH_CODE]);
    expect(deadLetters[1]?.headers['dlq-error']).toContain('caseType');
    expect(deadLetters[2]?.headers['dlq-consumer-group']).toBe(`${environment.prefix}behavioral-screening.case-opened`);
    expect(await collector.read(REQUESTED, (message) => message.envelope?.subject === 'M-SOMEONE-ELSE')).toHaveLength(0);
    // the rejected event is not recorded as applied, so a replay after a fix would apply it
    expect(await service.count('inbox WHERE event_id = $1', [mismatch.id])).toBe(0);
  });
});
