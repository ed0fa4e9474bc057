import { randomUUID } from 'node:crypto';
import { TOPICS, type CaseOpenedPayload } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment, type TopicFollower } from '@care/testing';
import type { CaseDetail, CaseView } from '../src/cases/case.model';
import type { TaskView } from '../src/tasks/task.model';
import { CaseworkProbe, httpAs, rosterMessage, startCasework, type RunningCasework } from './support/casework-app';

interface AuditRow {
  actor: string;
  roles: string[];
  action: string;
  resource_type: string;
  resource_id: string;
  member_id: string;
  purpose: string;
  outcome: string;
}

/**
 * Advocacy cases, authentication, roles and the read audit log, on the real PostgreSQL and broker, with tokens from
 * the development identity provider over HTTP (real ES256 signatures checked against its JWKS).
 */
describe('casework advocacy cases, security and audit', () => {
  let environment: TestEnvironment;
  let service: RunningCasework;
  let probe: CaseworkProbe;
  let opened: TopicFollower;

  // Household H (plan not administered by the health plan): the employee and one member per relationship.
  const household = {
    subscriber: 'M-H0',
    spouse: 'M-H1',
    'domestic-partner': 'M-H2',
    child: 'M-H3',
    parent: 'M-H4',
    'parent-in-law': 'M-H5',
    'other-dependent': 'M-H6',
  } as const;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startCasework(environment);
    probe = await CaseworkProbe.start(environment, () => service.dataSource);
    opened = await environment.probe.follow([TOPICS.caseOpened.name]);
    const roster = Object.entries(household).map(([relationship, memberId]) =>
      rosterMessage(memberId, {
        subscriberId: household.subscriber,
        relationship: relationship as keyof typeof household,
        planAdministeredByHealthPlan: false,
      }),
    );
    await environment.probe.produce(TOPICS.memberEligibilityChanged.name, [
      ...roster,
      rosterMessage('M-P1', { planAdministeredByHealthPlan: true }),
      rosterMessage('M-X1', { planAdministeredByHealthPlan: false, coverage: { effectiveDate: '2020-01-01', terminationDate: '2025-12-31' } }),
    ]);
    await probe.settle();
  });

  afterAll(async () => {
    await opened.stop();
    await probe.stop();
    await service.close();
    await environment.dispose();
  });

  const as = (username: string | undefined) => service.as(username);
  const intake = (memberId: string, serviceId: string, extra: object = {}) => ({
    memberId,
    serviceId,
    channel: 'phone',
    summary: `Help with ${serviceId}`,
    ...extra,
  });
  const caseOpenedFor = async (caseId: string): Promise<CaseOpenedPayload[]> =>
    (await opened.read(TOPICS.caseOpened.name))
      .map((message) => (JSON.parse(message.value ?? '{}') as { data: CaseOpenedPayload }).data)
      .filter((payload) => payload.caseId === caseId);
  const auditOf = (actor: string, afterEntryId = '0'): Promise<AuditRow[]> =>
    service.dataSource.query<AuditRow[]>(
      `SELECT actor, roles, action, resource_type, resource_id, member_id, purpose, outcome FROM read_audit
        WHERE actor = $1 AND entry_id > $2 ORDER BY entry_id`,
      [actor, afterEntryId],
    );
  const lastEntryId = async (): Promise<string> =>
    (await service.dataSource.query<Array<{ last: string }>>('SELECT coalesce(max(entry_id), 0)::text AS last FROM read_audit'))[0]?.last ?? '0';

  it('takes in the employee and each eligible family relationship, and refuses anyone else with the reason', async () => {
    const advocate = as('advocate-cruz');
    for (const [relationship, memberId] of Object.entries(household)) {
      const answer = await advocate.post<CaseDetail & { code?: string; message?: string }>('/v1/cases', intake(memberId, 'find-provider'));
      if (relationship === 'other-dependent') {
        expect(answer).toMatchObject({
          status: 422,
          body: { code: 'not-eligible', message: expect.stringContaining('relationship other-dependent is not served') },
        });
      } else {
        expect(answer).toMatchObject({ status: 201, body: { memberId, relationship, subscriberId: household.subscriber, status: 'open' } });
      }
    }
    expect(await advocate.post('/v1/cases', intake('M-NOBODY', 'find-provider'))).toMatchObject({ status: 422, body: { code: 'member-unknown' } });
    expect(await advocate.post('/v1/cases', intake('M-X1', 'find-provider'))).toMatchObject({
      status: 422,
      body: { code: 'not-eligible', message: expect.stringMatching(/^coverage is not active on \d{4}-\d{2}-\d{2}$/) },
    });
    const stored = await service.dataSource.query<Array<{ member_id: string }>>("SELECT member_id FROM cases WHERE member_id LIKE 'M-H%' ORDER BY member_id");
    expect(stored.map((row) => row.member_id)).toEqual(['M-H0', 'M-H1', 'M-H2', 'M-H3', 'M-H4', 'M-H5']);
  });

  it("routes what the member's own plan handles to the plan's queue with the reason, and emits case-opened once", async () => {
    const advocate = as('advocate-cruz');
    const caseId = `C-${randomUUID()}`;
    const clinical = await advocate.post<CaseDetail>('/v1/cases', intake('M-P1', 'second-opinion', { caseId }));
    expect(clinical).toMatchObject({
      status: 201,
      body: {
        caseId,
        queue: 'health-plan',
        category: 'clinical',
        catalogVersion: 'advocacy-2026.1',
        routingReason: 'clinical request for a member whose medical plan the health plan administers',
      },
    });
    expect(clinical.body.history).toEqual([expect.objectContaining({ from: null, to: 'open', actor: 'advocate-cruz', reason: clinical.body.routingReason })]);
    const equipment = await advocate.post<CaseDetail>('/v1/cases', intake('M-P1', 'equipment-and-supplies'));
    expect(equipment.body).toMatchObject({ queue: 'advocacy', routingReason: "outside the health plan's customary services" });
    const notAdministered = await advocate.post<CaseDetail>('/v1/cases', intake('M-H0', 'second-opinion'));
    expect(notAdministered.body).toMatchObject({ queue: 'advocacy', routingReason: "the member's medical plan is not administered by the health plan" });

    // the callback task sits in the plan's queue; a retried intake answers the stored case and emits nothing more
    const callback = await service.dataSource.query<Array<{ queue: string; kind: string; priority: string }>>(
      'SELECT queue, kind, priority FROM tasks WHERE task_id = $1',
      [clinical.body.callbackTaskId],
    );
    expect(callback).toEqual([{ queue: 'health-plan', kind: 'case-callback', priority: 'high' }]);
    expect(await advocate.post('/v1/cases', intake('M-P1', 'second-opinion', { caseId }))).toMatchObject({ status: 200, body: { caseId } });
    expect(await advocate.post('/v1/cases', intake('M-P1', 'clinical-trials', { caseId }))).toMatchObject({ status: 409, body: { code: 'case-conflict' } });
    await probe.settle();
    expect(await caseOpenedFor(caseId)).toEqual([expect.objectContaining({ caseId, memberId: 'M-P1', caseType: 'advocacy' })]);
  });

  it('opens a case id once when two intakes race for it: the other is told it conflicts, one case-opened', async () => {
    const advocate = as('advocate-cruz');
    for (let round = 0; round < 5; round += 1) {
      const caseId = `C-RACE-${String(round)}`;
      const answers = await Promise.all([
        advocate.post<CaseDetail & { code?: string }>('/v1/cases', intake('M-H0', 'cost-estimate', { caseId })),
        advocate.post<CaseDetail & { code?: string }>('/v1/cases', intake('M-H1', 'cost-estimate', { caseId })),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)?.body.code).toBe('case-conflict');
    }
    await probe.settle();
    for (let round = 0; round < 5; round += 1) expect(await caseOpenedFor(`C-RACE-${String(round)}`)).toHaveLength(1);
  });

  it('owes a weekend caller the callback by the close of the next business day (advocacy calendar)', async () => {
    // Saturday 2026-11-21 10:00 Eastern; Monday 2026-11-23 closes at 24:00 Eastern = 05:00Z on the 24th.
    const answer = await as('advocate-cruz').post<CaseDetail>('/v1/cases', intake('M-H1', 'cost-estimate', { contactAt: '2026-11-21T15:00:00Z' }));
    const rows = await service.dataSource.query<Array<{ due_at: Date }>>('SELECT due_at FROM tasks WHERE task_id = $1', [answer.body.callbackTaskId]);
    expect(rows[0]?.due_at.toISOString()).toBe('2026-11-24T05:00:00.000Z');
  });

  it('negotiates only non-covered bills over $400, and completes one only with the outcome and sign-off recorded', async () => {
    const advocate = as('advocate-cruz');
    const bill = { amount: 1250, coveredByPlan: false, inNetworkProvider: false };
    expect(await advocate.post('/v1/cases', intake('M-H0', 'bill-saver', { bill: { ...bill, amount: 400 } }))).toMatchObject({
      status: 422,
      body: { code: 'bill-not-eligible', message: 'non-covered bills are negotiated above $400' },
    });
    expect(await advocate.post('/v1/cases', intake('M-H0', 'bill-saver', { bill: { ...bill, amount: 399.99 } }))).toMatchObject({ status: 422 });
    expect(await advocate.post('/v1/cases', intake('M-H0', 'bill-saver', { bill: { ...bill, coveredByPlan: true, amount: 5000 } }))).toMatchObject({
      status: 422,
      body: { code: 'bill-not-eligible', message: expect.stringContaining('covered bill') },
    });
    expect(await advocate.post('/v1/cases', intake('M-H0', 'bill-saver'))).toMatchObject({ status: 400, body: { issues: [{ field: 'bill' }] } });

    const created = await advocate.post<CaseDetail>('/v1/cases', intake('M-H0', 'bill-saver', { bill }));
    expect(created).toMatchObject({ status: 201, body: { status: 'open', category: 'bill-negotiation', queue: 'advocacy', bill } });
    const caseId = created.body.caseId;
    const move = (status: string, extra: object = {}) => advocate.post<CaseView & { code?: string }>(`/v1/cases/${caseId}/status`, { status, reason: `to ${status}`, ...extra });

    expect(await move('closed')).toMatchObject({ status: 409, body: { code: 'transition-not-allowed', message: 'a open case can move to in-progress, withdrawn, not closed' } });
    expect(await move('in-progress')).toMatchObject({ status: 200, body: { status: 'in-progress' } });
    expect(await move('in-progress')).toMatchObject({ status: 200, body: { status: 'in-progress' } }); // a repeat records nothing
    expect(await move('resolved', { resolution: 'completed' })).toMatchObject({ status: 409, body: { code: 'negotiation-missing' } });
    expect(await move('resolved')).toMatchObject({ status: 400, body: { issues: [{ field: 'resolution' }] } });

    const outcome = {
      negotiatedAmount: 800,
      paymentTerms: 'Four monthly payments of $200',
      writtenSummary: 'The provider accepted $800.',
      providerSignOff: { signedBy: 'Billing manager', signedAt: '2026-11-20T16:00:00Z', documentId: 'DOC-1' },
    };
    expect(await advocate.post(`/v1/cases/${caseId}/bill-negotiation`, { ...outcome, negotiatedAmount: 1300 })).toMatchObject({
      status: 400,
      body: { code: 'negotiation-invalid' },
    });
    expect(await advocate.post(`/v1/cases/${caseId}/bill-negotiation`, outcome)).toMatchObject({
      status: 201,
      body: { billedAmount: 1250, negotiatedAmount: 800, savings: 450, recordedBy: 'advocate-cruz', providerSignOff: { signedAt: '2026-11-20T16:00:00.000Z' } },
    });
    expect((await advocate.post(`/v1/cases/${caseId}/bill-negotiation`, outcome)).status).toBe(200);
    expect(await advocate.post(`/v1/cases/${caseId}/bill-negotiation`, { ...outcome, negotiatedAmount: 700 })).toMatchObject({
      status: 409,
      body: { code: 'negotiation-conflict' },
    });
    const other = await advocate.post<CaseDetail>('/v1/cases', intake('M-H0', 'find-provider'));
    expect(await advocate.post(`/v1/cases/${other.body.caseId}/bill-negotiation`, outcome)).toMatchObject({ status: 409, body: { code: 'negotiation-not-applicable' } });

    expect(await move('resolved', { resolution: 'completed' })).toMatchObject({ status: 200, body: { status: 'resolved', resolution: 'completed' } });
    expect(await move('closed')).toMatchObject({ status: 200, body: { status: 'closed', resolution: 'completed', closedAt: expect.any(String) } });
    expect(await move('in-progress')).toMatchObject({ status: 409, body: { code: 'transition-not-allowed' } });

    const detail = await advocate.get<CaseDetail>(`/v1/cases/${caseId}`);
    expect(detail.body.history.map((entry) => [entry.from, entry.to, entry.actor])).toEqual([
      [null, 'open', 'advocate-cruz'],
      ['open', 'in-progress', 'advocate-cruz'],
      ['in-progress', 'resolved', 'advocate-cruz'],
      ['resolved', 'closed', 'advocate-cruz'],
    ]);
    expect(detail.body.billNegotiation).toMatchObject({ savings: 450, paymentTerms: outcome.paymentTerms });
    await expect(service.dataSource.query("UPDATE case_history SET reason = 'rewritten'")).rejects.toThrow('append-only');
    await expect(service.dataSource.query('DELETE FROM bill_negotiations')).rejects.toThrow('append-only');
  });

  it('withdrawing a case cancels its callback', async () => {
    const advocate = as('advocate-cruz');
    const created = await advocate.post<CaseDetail>('/v1/cases', intake('M-H3', 'clinical-trials'));
    expect((await advocate.post(`/v1/cases/${created.body.caseId}/status`, { status: 'withdrawn', reason: 'member no longer needs help' })).status).toBe(200);
    const rows = await service.dataSource.query<Array<{ status: string; cancel_reason: string }>>(
      'SELECT status, cancel_reason FROM tasks WHERE task_id = $1',
      [created.body.callbackTaskId],
    );
    expect(rows).toEqual([{ status: 'cancelled', cancel_reason: 'case-withdrawn' }]);
  });

  it('answers 401 without a valid token on every endpoint, 403 to a role the endpoint does not allow', async () => {
    const anyId = randomUUID();
    const endpoints: Array<['GET' | 'POST', string]> = [
      ['POST', '/v1/queues/coaching/next'],
      ['GET', '/v1/queues/stats'],
      ['GET', `/v1/tasks/${anyId}`],
      ['POST', `/v1/tasks/${anyId}/complete`],
      ['POST', '/v1/cases'],
      ['GET', '/v1/cases/C-1'],
      ['GET', '/v1/members/M-H0/cases'],
      ['GET', '/v1/members/M-H0/enrollment'],
      ['POST', '/v1/members/M-H0/enrollment'],
      ['GET', '/v1/audit/reads'],
    ];
    const clients = {
      none: as(undefined),
      garbage: httpAs(service.url, 'not-a-jwt'),
      otherAudience: httpAs(service.url, service.identity.tokenFor('supervisor-dee', { audience: 'some-other-api' })),
    };
    for (const [method, path] of endpoints) {
      for (const [name, client] of Object.entries(clients)) {
        const answer = method === 'GET' ? await client.get(path) : await client.post(path, {});
        expect([name, method, path, answer.status]).toEqual([name, method, path, 401]);
      }
    }
    const raw = await fetch(`${service.url}/v1/queues/stats`);
    expect(raw.headers.get('www-authenticate')).toMatch(/^Bearer realm="care-platform"/);

    expect(await as('ops-eli').get(`/v1/tasks/${anyId}`)).toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
    expect(await as('ops-eli').post('/v1/cases', intake('M-H0', 'find-provider'))).toMatchObject({ status: 403 });
    expect(await as('admin-fay').get('/v1/members/M-H0/cases')).toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
    expect(await as('coach-ana').get('/v1/audit/reads')).toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
    expect(await as('coach-ana').get('/v1/queues/stats')).toMatchObject({ status: 403 });
    expect((await as('ops-eli').get('/v1/queues/stats')).status).toBe(200);
    expect((await as('supervisor-dee').get('/v1/queues/stats')).status).toBe(200);
    // A verified caller refused at a member-data route is in the audit trail (with the member when the route names
    // one); the statistics refusal is not (no member data behind it).
    const refused = (resourceType: string, resourceId: string, memberId: string | null, roles: string[]) => ({
      actor: roles[0] === 'ops' ? 'ops-eli' : 'admin-fay',
      roles,
      action: 'access.role-forbidden',
      resource_type: resourceType,
      resource_id: resourceId,
      member_id: memberId,
      purpose: 'care-management',
      outcome: 'denied',
    });
    expect(await auditOf('ops-eli')).toEqual([
      refused('route', 'GET /v1/tasks/:taskId', null, ['ops']),
      refused('route', 'POST /v1/cases', null, ['ops']),
    ]);
    expect(await auditOf('admin-fay')).toEqual([refused('member', 'M-H0', 'M-H0', ['admin'])]);
    expect(await auditOf('coach-ana')).toEqual([]);
  });

  it("lets a coach see only their queues' tasks, supervisors every queue, and audits every read, allowed or refused", async () => {
    const advocate = as('advocate-cruz');
    const created = await advocate.post<CaseDetail>('/v1/cases', intake('M-H2', 'records-transfer'));
    const taskId = created.body.callbackTaskId ?? '';
    const caseId = created.body.caseId;

    // a coach (coaching queue) may neither read the advocacy task or case, nor take from the advocacy queue
    expect(await as('coach-ana').get(`/v1/tasks/${taskId}`)).toMatchObject({ status: 403, body: { code: 'queue-forbidden' } });
    expect(await as('coach-ana').get(`/v1/cases/${caseId}`)).toMatchObject({ status: 403, body: { code: 'queue-forbidden' } });
    expect(await as('coach-ana').post('/v1/queues/advocacy/next')).toMatchObject({ status: 403, body: { code: 'queue-forbidden' } });
    expect(await as('coach-ana').post(`/v1/tasks/${taskId}/notes`, { text: 'x' })).toMatchObject({ status: 403 });
    expect(await as('coach-ana').get<CaseView[]>('/v1/members/M-H2/cases')).toMatchObject({ status: 200, body: [] });
    expect(await auditOf('coach-ana')).toEqual([
      expect.objectContaining({ action: 'task.read', resource_id: taskId, member_id: 'M-H2', outcome: 'denied', roles: ['coach'] }),
      expect.objectContaining({ action: 'case.read', resource_id: caseId, member_id: 'M-H2', outcome: 'denied' }),
    ]);

    // the advocate works the advocacy queue: every read it makes is written, with who, what, when and why
    const mark = await lastEntryId();
    const taken = await advocate.post<TaskView>('/v1/queues/advocacy/next');
    expect(taken.status).toBe(200);
    const reads = [
      await advocate.get(`/v1/tasks/${taken.body.taskId}`),
      await httpAs(service.url, service.identity.tokenFor('advocate-cruz'), { 'x-purpose-of-use': 'member-request' }).get(`/v1/cases/${caseId}`),
      await advocate.get('/v1/members/M-H2/cases'),
      await advocate.get('/v1/members/M-H2/enrollment'),
    ];
    expect(reads.map((read) => read.status)).toEqual([200, 200, 200, 200]);
    const entries = (await auditOf('advocate-cruz', mark)).map((row) => [row.action, row.resource_type, row.purpose, row.outcome]);
    expect(entries).toEqual([
      ['task.next', 'task', 'care-management', 'allowed'],
      ['task.read', 'task', 'care-management', 'allowed'],
      ['case.read', 'case', 'member-request', 'allowed'],
      ...(await service.dataSource.query<unknown[]>("SELECT 1 FROM cases WHERE member_id = 'M-H2' AND queue = 'advocacy'")).map(() => [
        'case.list',
        'case',
        'care-management',
        'allowed',
      ]),
      ['enrollment.read', 'member', 'care-management', 'allowed'],
    ]);
    expect(await httpAs(service.url, service.identity.tokenFor('advocate-cruz'), { 'x-purpose-of-use': 'curiosity' }).get(`/v1/cases/${caseId}`)).toMatchObject({
      status: 400,
      body: { issues: [{ field: 'x-purpose-of-use' }] },
    });

    // a coach completes only a task they hold; the supervisor sees any queue, audited as supervision
    expect(await as('supervisor-dee').get(`/v1/tasks/${taskId}`)).toMatchObject({ status: 200, body: { queue: 'advocacy' } });
    expect((await auditOf('supervisor-dee')).at(-1)).toMatchObject({ action: 'task.read', resource_id: taskId, purpose: 'supervision', outcome: 'allowed' });

    // the log is append-only, and admins read it
    await expect(service.dataSource.query("UPDATE read_audit SET actor = 'someone-else'")).rejects.toThrow('append-only');
    await expect(service.dataSource.query('DELETE FROM read_audit')).rejects.toThrow('append-only');
    const log = await as('admin-fay').get<{ entries: Array<{ actor: string; action: string; outcome: string; purpose: string; memberId: string }>; nextAfter: string }>(
      '/v1/audit/reads?memberId=M-H2&limit=1000',
    );
    expect(log.status).toBe(200);
    expect(log.body.entries.every((entry) => entry.memberId === 'M-H2')).toBe(true);
    expect(log.body.entries.filter((entry) => entry.actor === 'coach-ana').map((entry) => entry.outcome)).toEqual(['denied', 'denied']);
    expect(log.body.entries).toContainEqual(expect.objectContaining({ actor: 'advocate-cruz', action: 'case.read', purpose: 'member-request' }));
    const page = await as('admin-fay').get<{ entries: unknown[]; nextAfter: string }>('/v1/audit/reads?memberId=M-H2&limit=1');
    expect(page.body.entries).toHaveLength(1);
    expect((await as('admin-fay').get<{ entries: unknown[] }>(`/v1/audit/reads?memberId=M-H2&after=${page.body.nextAfter}&limit=1000`)).body.entries).toHaveLength(
      log.body.entries.length - 1,
    );
  });

  it('lets only the holder (or a supervisor) complete a task', async () => {
    const created = await as('advocate-cruz').post<CaseDetail>('/v1/cases', intake('M-H4', 'hospice'));
    const taskId = created.body.callbackTaskId ?? '';
    expect((await as('supervisor-dee').post(`/v1/tasks/${taskId}/reassign`, { assignee: 'advocate-cruz' })).status).toBe(200);
    const stranger = httpAs(service.url, service.identity.tokenFor('plan-agent-pat'));
    expect(await stranger.post(`/v1/tasks/${taskId}/complete`, { outcome: 'contacted' })).toMatchObject({ status: 403, body: { code: 'queue-forbidden' } });
    expect(await as('advocate-dana').post(`/v1/tasks/${taskId}/complete`, { outcome: 'contacted' })).toMatchObject({
      status: 403,
      body: { code: 'not-task-holder' },
    });
    expect(await as('advocate-cruz').post(`/v1/tasks/${taskId}/complete`, { outcome: 'enrolled' })).toMatchObject({
      status: 400,
      body: { code: 'outcome-not-applicable' },
    });
    expect(await as('advocate-cruz').post(`/v1/tasks/${taskId}/complete`, { outcome: 'contacted' })).toMatchObject({ status: 200, body: { status: 'completed', outcome: 'contacted' } });
  });

  it('documents every endpoint in OpenAPI with bearer security and an example for each answer with a body', async () => {
    const document = (await (await fetch(`${service.url}/docs/json`)).json()) as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, { example?: unknown; examples?: unknown }> }> }>
      >;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    const api = operations.filter((entry) => entry.path.startsWith('/v1/'));
    expect(api.length).toBeGreaterThanOrEqual(15);
    for (const { path, method, operation } of api) {
      expect([method, path, operation.security]).toEqual([method, path, [{ bearer: [] }]]);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '204') continue;
        const media = response.content?.['application/json'];
        const documented = media?.example !== undefined || media?.examples !== undefined;
        expect([method, path, status, documented]).toEqual([method, path, status, true]);
      }
    }
  });
});
