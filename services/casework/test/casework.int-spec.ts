import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf, TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import type { TaskView } from '../src/tasks/task.model';
import {
  careGapClosed,
  careGapDetected,
  CaseworkProbe,
  CASEWORK_INPUTS,
  identificationRetracted,
  memberIdentified,
  phq9Completed,
  rosterMessage,
  startCasework,
  type RunningCasework,
} from './support/casework-app';

interface TaskRow {
  kind: string;
  priority: string;
  status: string;
  cancel_reason: string | null;
}

/** casework on its own, fed its input topics directly, on the real PostgreSQL and broker. */
describe('casework work queues', () => {
  let environment: TestEnvironment;
  let service: RunningCasework;
  let probe: CaseworkProbe;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startCasework(environment);
    probe = await CaseworkProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
  });

  const publish = (topic: string, ...messages: Array<{ key: string; value: string }>) =>
    environment.probe.produce(topic, messages);
  const tasksOf = (memberId: string): Promise<TaskRow[]> =>
    service.dataSource.query<TaskRow[]>(
      'SELECT kind, priority, status, cancel_reason FROM tasks WHERE member_id = $1 ORDER BY kind, created_at',
      [memberId],
    );
  const coach = (id: string) => service.as(id);

  it('puts a positive PHQ-9 with the safety flag first in the queue, then high, then routine', async () => {
    await publish(TOPICS.memberIdentified.name, memberIdentified('M-Q1'));
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-Q1'));
    await publish(TOPICS.screeningCompleted.name, phq9Completed('M-Q2', { positive: true, safetyFlag: false }));
    await probe.settle();
    await publish(TOPICS.screeningCompleted.name, phq9Completed('M-Q3', { positive: true, safetyFlag: true }));
    await publish(TOPICS.screeningCompleted.name, phq9Completed('M-Q4', { positive: false, safetyFlag: false }));
    await probe.settle();

    expect(await tasksOf('M-Q4')).toEqual([]); // a negative screening calls for nothing
    const ana = coach('coach-ana');
    const taken: TaskView[] = [];
    for (let turn = 0; turn < 4; turn += 1) {
      const next = await ana.post<TaskView>('/v1/queues/coaching/next');
      expect(next.status).toBe(200);
      taken.push(next.body);
    }
    expect(taken.map((task) => [task.memberId, task.kind, task.priority])).toEqual([
      ['M-Q3', 'screening-follow-up', 'urgent'],
      ['M-Q2', 'screening-follow-up', 'high'],
      ['M-Q1', 'welcome-outreach', 'routine'], // due in 24 business hours, before the gap's 36
      ['M-Q1', 'gap-outreach', 'routine'],
    ]);
    expect(taken.every((task) => task.status === 'assigned' && task.assignee === 'coach-ana')).toBe(true);
    expect((await ana.post('/v1/queues/coaching/next')).status).toBe(204);
    // the urgent task is due within 4 business hours of the screening, the high one later
    expect(Date.parse(taken[0]?.dueAt ?? '')).toBeLessThan(Date.parse(taken[1]?.dueAt ?? ''));
  });

  it('creates exactly one task per cause when the same event is delivered twice', async () => {
    const identified = memberIdentified('M-R1');
    const gap = careGapDetected('M-R1');
    const screening = phq9Completed('M-R1', { positive: true, safetyFlag: false });
    await publish(TOPICS.memberIdentified.name, identified, identified);
    await publish(TOPICS.careGapDetected.name, gap, gap);
    // the same screening re-published as a new event (new event id, same screening id): still one task
    const again = phq9Completed('M-R1', { positive: true, safetyFlag: false, screeningId: (JSON.parse(screening.value) as { data: { screeningId: string } }).data.screeningId });
    await publish(TOPICS.screeningCompleted.name, screening, again);
    await probe.settle();
    expect(await tasksOf('M-R1')).toEqual([
      { kind: 'gap-outreach', priority: 'routine', status: 'open', cancel_reason: null },
      { kind: 'screening-follow-up', priority: 'high', status: 'open', cancel_reason: null },
      { kind: 'welcome-outreach', priority: 'routine', status: 'open', cancel_reason: null },
    ]);
  });

  it('cancels the task of a retracted identification or a closed gap, even when the end arrives first', async () => {
    const identificationId = randomUUID();
    const gapId = randomUUID();
    await publish(TOPICS.memberIdentified.name, memberIdentified('M-C1', identificationId));
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-C1', gapId));
    await probe.settle();
    await publish(TOPICS.memberIdentificationRetracted.name, identificationRetracted('M-C1', identificationId));
    await publish(TOPICS.careGapClosed.name, careGapClosed('M-C1', gapId));
    await probe.settle();
    expect((await tasksOf('M-C1')).map((task) => [task.kind, task.status, task.cancel_reason])).toEqual([
      ['gap-outreach', 'cancelled', 'gap-closed'],
      ['welcome-outreach', 'cancelled', 'identification-retracted'],
    ]);

    // The gap closes before casework hears it opened (separate topics): the late detection makes no task.
    const lateGap = randomUUID();
    await publish(TOPICS.careGapClosed.name, careGapClosed('M-C2', lateGap));
    await probe.settle();
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-C2', lateGap));
    await probe.settle();
    expect((await tasksOf('M-C2')).map((task) => task.status)).toEqual(['cancelled']);
  });

  it('stops outreach when a member opts out (API or roster) or dies, but still calls a member at risk who opted out', async () => {
    const ana = coach('coach-ana');
    await publish(TOPICS.memberIdentified.name, memberIdentified('M-O1'));
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-O1'));
    await probe.settle();

    const optOut = { programId: 'chronic-condition-management', status: 'opted-out', source: 'self' };
    const changed = await ana.post('/v1/members/M-O1/enrollment', optOut);
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ result: 'changed', status: 'opted-out', source: 'self', changedBy: 'coach-ana' });
    expect((await ana.post('/v1/members/M-O1/enrollment', optOut)).status).toBe(200); // already so: nothing emitted
    expect((await tasksOf('M-O1')).map((task) => [task.status, task.cancel_reason])).toEqual([
      ['cancelled', 'opted-out'],
      ['cancelled', 'opted-out'],
    ]);

    await publish(TOPICS.careGapDetected.name, careGapDetected('M-O1'));
    await publish(TOPICS.screeningCompleted.name, phq9Completed('M-O1', { positive: true, safetyFlag: false }));
    await publish(TOPICS.screeningCompleted.name, phq9Completed('M-O1', { positive: true, safetyFlag: true }));
    await probe.settle();
    const after = await tasksOf('M-O1');
    expect(after.filter((task) => task.status !== 'cancelled')).toEqual([
      { kind: 'screening-follow-up', priority: 'urgent', status: 'open', cancel_reason: null },
    ]);
    expect(after).toHaveLength(3);
    const emitted = await probe.enrollmentChanges('M-O1');
    expect(emitted).toEqual([
      { memberId: 'M-O1', programId: 'chronic-condition-management', status: 'opted-out', changedAt: expect.any(String) as string, source: 'self' },
    ]);

    // The roster's care-management opt-out does the same.
    await publish(TOPICS.memberEligibilityChanged.name, rosterMessage('M-O2'));
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-O2'));
    await probe.settle();
    await publish(TOPICS.memberEligibilityChanged.name, rosterMessage('M-O2', { optOuts: ['care-management'] }));
    await probe.settle();
    await publish(TOPICS.memberIdentified.name, memberIdentified('M-O2'));
    await probe.settle();
    expect((await tasksOf('M-O2')).map((task) => [task.kind, task.status])).toEqual([['gap-outreach', 'cancelled']]);

    // A member recorded as deceased gets no task at all, not even an urgent one.
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-O3'));
    await probe.settle();
    await publish(TOPICS.memberEligibilityChanged.name, rosterMessage('M-O3', { deceasedDate: '2026-11-01' }));
    await probe.settle();
    await publish(TOPICS.screeningCompleted.name, phq9Completed('M-O3', { positive: true, safetyFlag: true }));
    await probe.settle();
    expect((await tasksOf('M-O3')).map((task) => [task.kind, task.status, task.cancel_reason])).toEqual([
      ['gap-outreach', 'cancelled', 'deceased'],
    ]);

    // the urgent task is taken first (before M-R1's high follow-up) and handed back
    const urgent = await ana.post<TaskView>('/v1/queues/coaching/next');
    expect(urgent.body).toMatchObject({ memberId: 'M-O1', priority: 'urgent' });
    expect((await ana.post(`/v1/tasks/${urgent.body.taskId}/complete`, { outcome: 'referred' })).status).toBe(200);
  });

  it('runs a task through its life: snooze, reassign, complete with an outcome that enrolls, append-only notes', async () => {
    const ana = coach('coach-ana');
    const ben = coach('coach-ben');
    const taken = await ana.post<TaskView>('/v1/queues/coaching/next');
    expect(taken.body).toMatchObject({ memberId: 'M-R1', priority: 'high' });
    const id = taken.body.taskId;

    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await ana.post<TaskView>(`/v1/tasks/${id}/snooze`, { reason: 'Asked for a call after 5 pm', until });
    expect(snoozed.body).toMatchObject({ status: 'snoozed', assignee: null, availableAt: until, snoozeReason: 'Asked for a call after 5 pm' });
    const other = await ana.post<TaskView>('/v1/queues/coaching/next'); // the snoozed task waits
    expect(other.body.taskId).not.toBe(id);

    expect((await ana.post(`/v1/tasks/${id}/complete`, { outcome: 'enrolled' })).body).toMatchObject({ code: 'task-not-assigned' });
    const reassigned = await ana.post<TaskView>(`/v1/tasks/${id}/reassign`, { assignee: 'coach-ben' });
    expect(reassigned.body).toMatchObject({ status: 'assigned', assignee: 'coach-ben' });
    const completed = await ben.post<TaskView>(`/v1/tasks/${id}/complete`, { outcome: 'enrolled' });
    expect(completed).toMatchObject({ status: 200, body: { status: 'completed', outcome: 'enrolled', assignee: 'coach-ben' } });
    expect((await ben.post(`/v1/tasks/${id}/complete`, { outcome: 'enrolled' })).status).toBe(200);
    expect(await ben.post(`/v1/tasks/${id}/complete`, { outcome: 'declined' })).toMatchObject({ status: 409, body: { code: 'outcome-conflict' } });
    expect((await ben.post(`/v1/tasks/${id}/snooze`, { reason: 'x', until })).status).toBe(409);

    const noteId = randomUUID();
    expect((await ben.post(`/v1/tasks/${id}/notes`, { noteId, text: 'Enrolled; prefers evening calls.' })).status).toBe(201);
    expect((await ben.post(`/v1/tasks/${id}/notes`, { noteId, text: 'Enrolled; prefers evening calls.' })).status).toBe(200);
    expect((await ben.post(`/v1/tasks/${id}/notes`, { noteId, text: 'changed' })).status).toBe(409);
    await expect(service.dataSource.query("UPDATE task_notes SET body = 'rewritten'")).rejects.toThrow('append-only');
    await expect(service.dataSource.query('DELETE FROM task_notes')).rejects.toThrow('append-only');
    await expect(service.dataSource.query('DELETE FROM task_history')).rejects.toThrow('append-only');

    const detail = await ben.get<TaskView & { notes: Array<{ text: string; author: string }>; history: Array<{ action: string; actor: string }> }>(`/v1/tasks/${id}`);
    expect(detail.body.notes).toEqual([expect.objectContaining({ text: 'Enrolled; prefers evening calls.', author: 'coach-ben' })]);
    expect(detail.body.history.map((entry) => [entry.action, entry.actor])).toEqual([
      ['created', 'system'],
      ['assigned', 'coach-ana'],
      ['snoozed', 'coach-ana'],
      ['reassigned', 'coach-ana'],
      ['completed', 'coach-ben'],
    ]);

    // the outcome recorded the enrollment and emitted it
    expect((await ben.get<unknown[]>('/v1/members/M-R1/enrollment')).body).toEqual([
      expect.objectContaining({ programId: 'chronic-condition-management', status: 'enrolled', source: 'outreach', changedBy: 'coach-ben' }),
    ]);
    await probe.settle();
    expect((await probe.enrollmentChanges('M-R1')).map((event) => [event.status, event.source])).toEqual([['enrolled', 'outreach']]);
  });

  it('shows supervisors depth, age and SLA breaches per queue and per coach', async () => {
    // a gap found in January is long past due
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-S1', randomUUID(), '2026-01-05T15:00:00.000Z'));
    await probe.settle();
    // Its task has waited two hours (set here: a task made a moment ago has waited under a second, counted as 0).
    await service.dataSource.query("UPDATE tasks SET created_at = now() - interval '2 hours' WHERE member_id = 'M-S1'");
    const stats = await coach('supervisor-dee').get<{
      queues: Array<{ queue: string; depth: number; slaBreaches: number; oldestWaitingSeconds: number | null; assigned: number }>;
      coaches: Array<{ coach: string; assigned: number }>;
    }>('/v1/queues/stats');
    expect(stats.status).toBe(200);
    const coaching = stats.body.queues.find((queue) => queue.queue === 'coaching');
    const [{ open }] = await service.dataSource.query<Array<{ open: number }>>(
      "SELECT count(*)::int AS open FROM tasks WHERE status IN ('open', 'snoozed')",
    );
    expect(coaching?.depth).toBe(open);
    expect(coaching?.slaBreaches).toBeGreaterThanOrEqual(1);
    expect(coaching?.oldestWaitingSeconds).toBeGreaterThanOrEqual(2 * 3600);
    expect(stats.body.queues.find((queue) => queue.queue === 'advocacy')).toMatchObject({ depth: 0, assigned: 0, oldestWaitingSeconds: null });
    expect(stats.body.coaches.find((row) => row.coach === 'coach-ana')?.assigned).toBeGreaterThanOrEqual(1);
  });

  it('answers bad requests with the failing field and changes nothing', async () => {
    expect(await coach('coach-ana').post('/v1/queues/nursing/next')).toMatchObject({ status: 400, body: { issues: [{ field: 'queue' }] } });
    expect((await coach('coach-ana').get(`/v1/tasks/${randomUUID()}`)).status).toBe(404);
    expect(await coach('coach-ana').post('/v1/members/M-X/enrollment', { programId: 'p', status: 'paused' })).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'status' }, { field: 'source' }] },
    });
    expect(await coach('coach-ana').post(`/v1/tasks/${randomUUID()}/snooze`, { reason: '', until: 'tomorrow' })).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'reason' }, { field: 'until' }] },
    });
  });

  it('dead-letters a poison event and keeps going', async () => {
    await environment.probe.produce(TOPICS.memberIdentified.name, [{ key: 'M-P1', value: '{"not": "an envelope"}' }]);
    await publish(TOPICS.memberIdentified.name, memberIdentified('M-P1'));
    await probe.settle();
    expect(await environment.probe.count(deadLetterTopicOf(TOPICS.memberIdentified.name))).toBe(1);
    expect((await tasksOf('M-P1')).map((task) => task.kind)).toEqual(['welcome-outreach']);
    for (const topic of CASEWORK_INPUTS.filter((name) => name !== TOPICS.memberIdentified.name)) {
      expect(await environment.probe.count(deadLetterTopicOf(topic))).toBe(0);
    }
  });

  it('changes nothing when its inputs are replayed from the beginning', async () => {
    const snapshot = () =>
      service.dataSource.query<unknown[]>(
        'SELECT kind, cause_id, status, priority, due_at FROM tasks ORDER BY kind, cause_id',
      );
    const before = await snapshot();
    await service.close();
    for (const topic of CASEWORK_INPUTS) await environment.probe.rewindGroup(probe.group, topic);
    expect(await environment.probe.groupLag(probe.group, TOPICS.memberIdentified.name)).toBeGreaterThan(0);
    service = await startCasework(environment);
    await probe.settle(60000);
    expect(await snapshot()).toEqual(before);
  });

  it("shows a worker their queues' counts, a member's and a queue's tasks and the tasks they hold, each task read audited", async () => {
    await publish(TOPICS.memberIdentified.name, memberIdentified('M-V1'));
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-V1'));
    await probe.settle();
    const eli = coach('coach-19');
    const auditOf = (memberId: string) =>
      service.dataSource.query<Array<{ actor: string; action: string; resource_id: string }>>(
        'SELECT actor, action, resource_id FROM read_audit WHERE member_id = $1 ORDER BY entry_id',
        [memberId],
      );

    // Counts of the queues the token names (coaching), nothing of the others.
    const mine = await eli.get<{ queues: Array<{ queue: string; depth: number; oldestDueAt: string | null }>; heldByCaller: number }>('/v1/queues/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.queues.map((queue) => queue.queue)).toEqual(['coaching']);
    expect(mine.body.queues[0]?.depth).toBeGreaterThanOrEqual(2);
    expect(mine.body.queues[0]?.oldestDueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(mine.body.heldByCaller).toBe(0);

    // The member's active tasks in queue order, each one written to the audit trail under the caller.
    const ofMember = await eli.get<TaskView[]>('/v1/members/M-V1/tasks');
    expect(ofMember.body.map((task) => task.kind)).toEqual(['welcome-outreach', 'gap-outreach']);
    expect(await auditOf('M-V1')).toEqual(
      ofMember.body.map((task) => ({ actor: 'coach-19', action: 'task.list', resource_id: task.taskId })),
    );

    // A queue's waiting tasks hold them; none is overdue yet; another queue is refused; a bad list is named.
    const waiting = await eli.get<TaskView[]>('/v1/queues/coaching/tasks?list=waiting');
    expect(waiting.body.filter((task) => task.memberId === 'M-V1')).toHaveLength(2);
    const overdue = await eli.get<TaskView[]>('/v1/queues/coaching/tasks?list=overdue');
    expect(overdue.body.filter((task) => task.memberId === 'M-V1')).toEqual([]);
    expect((await eli.get('/v1/queues/advocacy/tasks')).status).toBe(403);
    expect(await eli.get('/v1/queues/coaching/tasks?list=later')).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'list', messages: ['list must be waiting or overdue'] }] },
    });

    // What the caller holds.
    const taken = await eli.post<TaskView>('/v1/queues/coaching/next');
    const held = await eli.get<TaskView[]>('/v1/queues/mine/tasks');
    expect(held.body.map((task) => task.taskId)).toEqual([taken.body.taskId]);
    expect((await eli.get<{ heldByCaller: number }>('/v1/queues/mine')).body.heldByCaller).toBe(1);
  });

  it("lists a member's notes across their tasks, closed ones too, in the caller's queues, and audits the read, allowed or refused", async () => {
    await publish(TOPICS.memberIdentified.name, memberIdentified('M-N1'));
    await publish(TOPICS.careGapDetected.name, careGapDetected('M-N1'));
    await probe.settle();
    const writer = coach('coach-18');
    const auditOf = (memberId: string) =>
      service.dataSource.query<Array<{ actor: string; action: string; resource_type: string; resource_id: string; outcome: string }>>(
        'SELECT actor, action, resource_type, resource_id, outcome FROM read_audit WHERE member_id = $1 ORDER BY entry_id',
        [memberId],
      );
    const [welcome, gap] = (await writer.get<TaskView[]>('/v1/members/M-N1/tasks')).body;
    if (welcome === undefined || gap === undefined) throw new Error('M-N1 has no welcome and gap tasks');

    // A note on a task then completed, and one on a task still open.
    expect((await writer.post(`/v1/tasks/${welcome.taskId}/reassign`, { assignee: 'coach-18' })).status).toBe(200);
    expect((await writer.post(`/v1/tasks/${welcome.taskId}/notes`, { text: 'Reached her; she will think about it.' })).status).toBe(201);
    expect((await writer.post(`/v1/tasks/${welcome.taskId}/complete`, { outcome: 'unable-to-reach' })).status).toBe(200);
    expect((await writer.post(`/v1/tasks/${gap.taskId}/notes`, { text: 'HbA1c booked for Friday.' })).status).toBe(201);
    const before = (await auditOf('M-N1')).length;

    const notes = await coach('coach-17').get<Array<{ taskId: string; taskKind: string; taskStatus: string; author: string; text: string }>>('/v1/members/M-N1/notes');
    expect(notes.status).toBe(200);
    expect(notes.body.map((note) => [note.text, note.taskKind, note.taskStatus, note.author])).toEqual([
      ['HbA1c booked for Friday.', 'gap-outreach', 'open', 'coach-18'],
      ['Reached her; she will think about it.', 'welcome-outreach', 'completed', 'coach-18'],
    ]);
    // The list of active tasks no longer shows the completed one: only this read shows its note.
    expect((await writer.get<TaskView[]>('/v1/members/M-N1/tasks')).body.map((task) => task.taskId)).toEqual([gap.taskId]);
    // An advocate works another queue: no coaching notes, but the read is still audited.
    expect(await coach('advocate-dana').get('/v1/members/M-N1/notes')).toMatchObject({ status: 200, body: [] });
    // No member-data role: refused, and the refusal is in the trail with the member.
    expect((await coach('ops-eli').get('/v1/members/M-N1/notes')).status).toBe(403);
    expect((await coach('provider-pia').get('/v1/members/M-N1/notes')).status).toBe(403);

    expect((await auditOf('M-N1')).slice(before)).toEqual([
      { actor: 'coach-17', action: 'task-notes.read', resource_type: 'member', resource_id: 'M-N1', outcome: 'allowed' },
      { actor: 'coach-18', action: 'task.list', resource_type: 'task', resource_id: gap.taskId, outcome: 'allowed' },
      { actor: 'advocate-dana', action: 'task-notes.read', resource_type: 'member', resource_id: 'M-N1', outcome: 'allowed' },
      { actor: 'ops-eli', action: 'access.role-forbidden', resource_type: 'member', resource_id: 'M-N1', outcome: 'denied' },
      { actor: 'provider-pia', action: 'access.role-forbidden', resource_type: 'member', resource_id: 'M-N1', outcome: 'denied' },
    ]);
  });
});
