import { TOPICS } from '@care/contracts';
import { createTestEnvironment, spawnService, type ServiceProcess, type TestEnvironment, type TopicFollower } from '@care/testing';
import type { CaseDetail } from '../src/cases/case.model';
import type { TaskView } from '../src/tasks/task.model';
import { CaseworkProbe, memberIdentified, rosterMessage, startCasework, type RunningCasework } from './support/casework-app';

interface ScreeningRequested {
  memberId: string;
  instrument: string;
  reason: string;
  caseId?: string;
}

/**
 * The loop the issue describes, across two services talking only through Kafka: casework opens a case and emits
 * `case-opened`; behavioral-screening (its own process) requests PHQ-9 and AUDIT-C for it; a coach's PHQ-9 with a
 * self-harm answer comes back as `screening-completed`, and casework puts the urgent follow-up first in the queue.
 */
describe('casework and behavioral screening, end to end', () => {
  let environment: TestEnvironment;
  let casework: RunningCasework;
  let screening: ServiceProcess;
  let probe: CaseworkProbe;
  let requests: TopicFollower;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    [casework, screening] = await Promise.all([startCasework(environment), spawnService('behavioral-screening', environment)]);
    probe = await CaseworkProbe.start(environment, () => casework.dataSource);
    requests = await environment.probe.follow([TOPICS.screeningRequested.name]);
  });

  afterAll(async () => {
    await requests.stop();
    await probe.stop();
    await casework.close();
    await screening.kill('SIGTERM');
    await environment.dispose();
  });

  /** Waits until behavioral-screening has the roster (it holds the screenings of members it does not know yet). */
  const screeningKnowsRoster = () =>
    environment.probe.waitUntilConsumed(
      [{ group: `${environment.prefix}behavioral-screening.members`, topics: [TOPICS.memberEligibilityChanged.name] }],
      () => Promise.resolve(0),
    );

  const requestsFor = async (memberId: string): Promise<ScreeningRequested[]> =>
    (await requests.read(TOPICS.screeningRequested.name))
      .map((message) => (JSON.parse(message.value ?? '{}') as { data: ScreeningRequested }).data)
      .filter((request) => request.memberId === memberId);

  it('opens a case, gets PHQ-9 and AUDIT-C requested for it, and turns a self-harm answer into the first task of the queue', async () => {
    await environment.probe.produce(TOPICS.memberEligibilityChanged.name, [rosterMessage('M-E1')]);
    await environment.probe.produce(TOPICS.memberIdentified.name, [memberIdentified('M-E2'), memberIdentified('M-E3')]);
    await probe.settle();
    await screeningKnowsRoster();

    const opened = await casework.as('advocate-cruz').post<CaseDetail>('/v1/cases', {
      memberId: 'M-E1',
      serviceId: 'find-provider',
      channel: 'phone',
      summary: 'Looking for a therapist in network',
    });
    expect(opened.status).toBe(201);

    const deadline = Date.now() + 60000;
    while ((await requestsFor('M-E1')).length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await requestsFor('M-E1')).map((request) => [request.instrument, request.reason, request.caseId]).sort()).toEqual([
      ['audit-c', 'case-opened', opened.body.caseId],
      ['phq-9', 'case-opened', opened.body.caseId],
    ]);

    const answers = { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2, 9: 1 };
    const submitted = await fetch(`${screening.url}/v1/screenings`, {
      method: 'POST',
      headers: { ...(await environment.bearer('screening-vendor')), 'content-type': 'application/json' },
      body: JSON.stringify({
        screeningId: 'E2E-PHQ9-1',
        memberId: 'M-E1',
        instrument: 'phq-9',
        answers,
        completedAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    });
    expect(submitted.status).toBe(201);

    const taskDeadline = Date.now() + 60000;
    let tasks: Array<{ kind: string; priority: string }> = [];
    while (tasks.length === 0 && Date.now() < taskDeadline) {
      tasks = await casework.dataSource.query("SELECT kind, priority FROM tasks WHERE member_id = 'M-E1' AND queue = 'coaching'");
      if (tasks.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(tasks).toEqual([{ kind: 'screening-follow-up', priority: 'urgent' }]);

    const first = await casework.as('coach-ana').post<TaskView>('/v1/queues/coaching/next');
    expect(first.body).toMatchObject({ memberId: 'M-E1', kind: 'screening-follow-up', priority: 'urgent', causeId: 'E2E-PHQ9-1' });
  });

  it('turns an incomplete PHQ-9 with item 9 = 2 into the urgent task, and the complete resend into no second one', async () => {
    await environment.probe.produce(TOPICS.memberEligibilityChanged.name, [rosterMessage('M-E4')]);
    await probe.settle();
    await screeningKnowsRoster();
    const vendor = await environment.bearer('screening-vendor');
    const submit = (answers: Record<string, number>) =>
      fetch(`${screening.url}/v1/screenings`, {
        method: 'POST',
        headers: { ...vendor, 'content-type': 'application/json' },
        body: JSON.stringify({ screeningId: 'E2E-PHQ9-INC', memberId: 'M-E4', instrument: 'phq-9', answers, completedAt: new Date(Date.now() - 60_000).toISOString() }),
      });
    const incomplete = await submit({ 1: 1, 2: 1, 3: 1, 9: 2 }); // items 4-8 missing: cannot be scored
    expect(incomplete.status).toBe(202);

    const tasksOf = (): Promise<Array<{ kind: string; priority: string; cause_id: string }>> =>
      casework.dataSource.query("SELECT kind, priority, cause_id FROM tasks WHERE member_id = 'M-E4'");
    const deadline = Date.now() + 60000;
    while ((await tasksOf()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await tasksOf()).toEqual([{ kind: 'screening-follow-up', priority: 'urgent', cause_id: 'E2E-PHQ9-INC' }]);

    expect((await submit({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 2 })).status).toBe(201);
    await environment.probe.waitForCount(TOPICS.screeningCompleted.name, 2);
    await probe.settle();
    expect(await tasksOf()).toEqual([{ kind: 'screening-follow-up', priority: 'urgent', cause_id: 'E2E-PHQ9-INC' }]);
  });
});
