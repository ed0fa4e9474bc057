import { TOPICS } from '@care/contracts';
import { Client } from 'pg';
import type { DevIdentityProvider } from '@care/auth';
import { createTestEnvironment, spawnService, type ServiceProcess, type TestEnvironment } from '@care/testing';
import {
  careGapDetected,
  CaseworkProbe,
  httpAs,
  memberIdentified,
  phq9Completed,
  rosterMessage,
  startCasework,
  startTestIdentity,
  type RunningCasework,
} from './support/casework-app';

const MEMBERS = 400;
const CASES = 60;

/**
 * Nothing lost, nothing doubled with a real crash: casework (its own process) is killed with SIGKILL while it consumes
 * 1,200 events and takes in advocacy cases; a new instance takes over the consumer group, and the intake clients retry
 * what they had sent. Real PostgreSQL, real broker, tokens from the development identity provider.
 */
describe('casework killed mid-stream', () => {
  let environment: TestEnvironment;
  let identity: DevIdentityProvider;
  let first: ServiceProcess | undefined;
  let second: RunningCasework | undefined;
  let probe: CaseworkProbe | undefined;
  let db: Client;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    identity = await startTestIdentity();
    db = new Client({ connectionString: environment.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await probe?.stop();
    await second?.close();
    await first?.kill('SIGTERM');
    await identity.close();
    await environment.dispose();
  });

  const count = async (sql: string): Promise<number> =>
    Number((await db.query<{ n: string }>(`SELECT (${sql})::text AS n`)).rows[0]?.n ?? -1);

  it('creates one task per cause and opens each case once, with one case-opened event id each', async () => {
    first = await spawnService('casework', environment, { OIDC_ISSUER: identity.issuer });
    const roster = Array.from({ length: CASES }, (_, index) => rosterMessage(`M-K${String(index)}`));
    await environment.probe.produce(TOPICS.memberEligibilityChanged.name, roster);
    const rosterDeadline = Date.now() + 60000;
    while ((await count('SELECT count(*) FROM casework.case_members')) < CASES && Date.now() < rosterDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // 1,200 causes, produced in small chunks over a second or two while intakes arrive and the process is killed
    const members = Array.from({ length: MEMBERS }, (_, index) => `M-W${String(index)}`);
    const producing = (async () => {
      for (let start = 0; start < MEMBERS; start += 25) {
        const chunk = members.slice(start, start + 25);
        await environment.probe.produce(TOPICS.memberIdentified.name, chunk.map((memberId) => memberIdentified(memberId)));
        await environment.probe.produce(TOPICS.careGapDetected.name, chunk.map((memberId) => careGapDetected(memberId)));
        await environment.probe.produce(
          TOPICS.screeningCompleted.name,
          chunk.map((memberId) => phq9Completed(memberId, { positive: true, safetyFlag: false, screeningId: `S-${memberId}` })),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    // intakes with client-chosen case ids; the process is killed once it has taken some in and made some tasks
    const intake = (index: number) => ({
      caseId: `C-K${String(index)}`,
      memberId: `M-K${String(index)}`,
      serviceId: 'find-provider',
      channel: 'phone',
      summary: `Needs a cardiologist (${String(index)})`,
    });
    const token = identity.tokenFor('advocate-cruz');
    const toFirst = httpAs(first.url, token);
    let sent = 0;
    while (sent < 10 || ((await count('SELECT count(*) FROM casework.tasks')) < 100 && sent < CASES / 2)) {
      expect((await toFirst.post('/v1/cases', intake(sent))).status).toBe(201);
      sent += 1;
    }
    expect(await first.kill('SIGKILL')).toBeNull();
    const tasksAtKill = await count('SELECT count(*) FROM casework.tasks');
    await producing;
    expect(tasksAtKill).toBeGreaterThan(0);
    expect(tasksAtKill).toBeLessThan(MEMBERS * 3 + CASES); // it died with work left

    second = await startCasework(environment, { identity });
    const toSecond = httpAs(second.url, token);
    for (let index = 0; index < CASES; index += 1) {
      const answer = await toSecond.post('/v1/cases', intake(index));
      expect([index, answer.status]).toEqual([index, index < sent ? 200 : 201]);
    }
    const running = second;
    probe = await CaseworkProbe.start(environment, () => running.dataSource);
    await probe.settle(90000);

    expect(await count("SELECT count(*) FROM casework.tasks WHERE kind <> 'case-callback'")).toBe(MEMBERS * 3);
    expect(await count("SELECT count(DISTINCT (kind, cause_id)) FROM casework.tasks WHERE kind <> 'case-callback'")).toBe(MEMBERS * 3);
    expect(await count("SELECT count(*) FROM casework.tasks WHERE kind = 'case-callback'")).toBe(CASES);
    expect(await count("SELECT count(*) FROM casework.cases WHERE case_id LIKE 'C-K%'")).toBe(CASES);
    expect(await count('SELECT count(*) FROM casework.case_history')).toBe(CASES);

    const opened = (await environment.probe.readAll(TOPICS.caseOpened.name)).map(
      (message) => JSON.parse(message.value ?? '{}') as { id: string; data: { caseId: string } },
    );
    const eventIds = new Map<string, Set<string>>();
    for (const event of opened) eventIds.set(event.data.caseId, (eventIds.get(event.data.caseId) ?? new Set()).add(event.id));
    expect(eventIds.size).toBe(CASES);
    expect([...eventIds.values()].every((ids) => ids.size === 1)).toBe(true);
    process.stdout.write(
      `casework crash: SIGKILL after ${String(sent)} intakes with ${String(tasksAtKill)} of ${String(MEMBERS * 3 + CASES)} tasks made; ` +
        `after the restart ${String(MEMBERS * 3)} cause tasks, ${String(CASES)} cases, ${String(opened.length)} case-opened messages for ${String(eventIds.size)} event ids\n`,
    );
  });
});
