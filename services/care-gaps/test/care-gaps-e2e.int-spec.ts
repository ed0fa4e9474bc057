import { aValidMember, TEST_NPIS, TOPICS } from '@care/contracts';
import {
  createTestEnvironment,
  daysAgo,
  officeVisit,
  spawnService,
  type ServiceProcess,
  type TestEnvironment,
} from '@care/testing';
import { GapsProbe, startCareGaps, type RunningCareGaps } from './support/care-gaps-app';

/** Polls `read` until `done` holds (or fails with the last value after the timeout). */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 45000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The whole chain on the real PostgreSQL and broker: the roster and claims go to claims-intake (its own process),
 * condition-identification (its own process) identifies diabetes, and care-gaps (in this process) opens the gaps,
 * alerts the member and the doctor, and closes the HbA1c gap when the test claim arrives.
 */
describe('care-gaps end to end (claims-intake -> condition-identification -> care-gaps)', () => {
  let environment: TestEnvironment;
  let intake: ServiceProcess;
  let identification: ServiceProcess;
  let service: RunningCareGaps;
  let probe: GapsProbe;

  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${intake.url}${path}`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${path} answered ${String(response.status)}: ${await response.text()}`);
  };

  beforeAll(async () => {
    environment = await createTestEnvironment();
    [intake, identification, service] = await Promise.all([
      spawnService('claims-intake', environment),
      spawnService('condition-identification', environment),
      startCareGaps(environment),
    ]);
    probe = await GapsProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await Promise.all([intake.kill('SIGTERM'), identification.kill('SIGTERM')]);
    await environment.dispose();
  });

  const diabetesVisits = (memberId: string) => [
    officeVisit({ claimId: `${memberId}-V1`, memberId, date: daysAgo(100), codes: ['E11.9'] }),
    officeVisit({ claimId: `${memberId}-V2`, memberId, date: daysAgo(30), codes: ['E11.9'] }),
  ];

  it('opens the HbA1c gap for a member identified with diabetes and alerts the member and the doctor', async () => {
    await post('/v1/members/batch', {
      members: [
        aValidMember({ memberId: 'G-DM', subscriberId: 'G-DM', sex: 'male', birthDate: '1970-06-15' }),
        aValidMember({
          memberId: 'G-OPT',
          subscriberId: 'G-OPT',
          sex: 'male',
          birthDate: '1968-02-01',
          optOuts: ['care-alerts'],
        }),
      ],
    });
    await post('/v1/claims/batch', { claims: [...diabetesVisits('G-DM'), ...diabetesVisits('G-OPT')] });

    const detected = await eventually(
      () => probe.detected(),
      (events) =>
        ['G-DM', 'G-OPT'].every((id) =>
          events.some((e) => e.memberId === id && e.ruleId === 'diabetes-hba1c-testing'),
        ),
    );
    const testing = detected.find(
      (event) => event.memberId === 'G-DM' && event.ruleId === 'diabetes-hba1c-testing',
    );
    expect(testing).toMatchObject({
      reason: 'no-service',
      ruleVersion: 'gaps-2026.3',
      providerNpi: TEST_NPIS.pcp,
    });
    await probe.settle();

    const alerts = (await probe.alerts('G-DM')).filter((alert) => alert.gapId === testing?.gapId);
    expect(alerts.map((alert) => [alert.audience, alert.channel, alert.providerNpi ?? null]).sort()).toEqual([
      ['member', 'email', null],
      ['provider', 'provider-portal', TEST_NPIS.pcp],
    ]);
    expect(alerts.find((alert) => alert.audience === 'member')?.templateId).toBe(
      'diabetes-hba1c-testing.member',
    );
  });

  it('sends an opted-out member no alert (their doctor is still told) and records why', async () => {
    await probe.settle();
    const memberAlerts = (await probe.alerts('G-OPT')).filter((alert) => alert.audience === 'member');
    expect(memberAlerts).toEqual([]);
    const response = await fetch(`${service.url}/v1/members/G-OPT/gaps`, {
      headers: await environment.bearer('coach-ana'),
    });
    const body = (await response.json()) as {
      gaps: Array<{
        ruleId: string;
        status: string;
        alerts: Array<{ audience: string; status: string; reason: string | null }>;
      }>;
    };
    const gap = body.gaps.find((item) => item.ruleId === 'diabetes-hba1c-testing');
    expect(gap?.status).toBe('open');
    expect(gap?.alerts).toEqual([
      expect.objectContaining({ audience: 'member', status: 'suppressed', reason: 'opted-out' }),
      expect.objectContaining({ audience: 'provider', status: 'issued', reason: null }),
    ]);
  });

  it('closes the gap when the HbA1c claim arrives, and a replay of every input changes nothing', async () => {
    const test = officeVisit({
      claimId: 'G-DM-A1C',
      memberId: 'G-DM',
      date: daysAgo(0),
      codes: ['E11.9'],
      procedureCodes: ['83036'],
      lab: { loincCode: '4548-4', value: 7.1, unit: '%' },
    });
    await post('/v1/claims', test);
    const closed = await eventually(
      () => probe.closed('G-DM'),
      (events) => events.some((event) => event.ruleId === 'diabetes-hba1c-testing'),
    );
    expect(closed.find((event) => event.ruleId === 'diabetes-hba1c-testing')).toMatchObject({
      reason: 'satisfied',
      closingClaimIds: ['G-DM-A1C'],
    });
    // 7.1 % is in control: the poor-control gap (open without a result) closes with the same claim
    expect(closed.find((event) => event.ruleId === 'diabetes-hba1c-poor-control')).toMatchObject({
      reason: 'satisfied',
      closingClaimIds: ['G-DM-A1C'],
    });
    await probe.settle();

    const counts = async () => [
      (await probe.detected()).length,
      (await probe.closed()).length,
      (await probe.alerts()).length,
    ];
    const before = await counts();
    await service.close();
    for (const topic of [
      TOPICS.claimReceived.name,
      TOPICS.memberEligibilityChanged.name,
      TOPICS.memberIdentified.name,
    ]) {
      await environment.probe.rewindGroup(probe.group, topic);
    }
    expect(await environment.probe.groupLag(probe.group, TOPICS.claimReceived.name)).toBeGreaterThan(0);
    service = await startCareGaps(environment);
    await probe.settle(60000);
    expect(await counts()).toEqual(before);
  });
});
