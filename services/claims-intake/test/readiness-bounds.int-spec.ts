/**
 * Readiness bounds and backlog metrics, proven on claims-intake booted in-process against the run's PostgreSQL and
 * Kafka-protocol broker: an instance whose outbox backs up past READY_MAX_OUTBOX_BACKLOG reports 503 on
 * /health/ready (so an orchestrator stops routing work to it) and becomes ready again once the relay drained it;
 * /metrics carries the inbox size and the outbox backlog.
 */
import { aValidProfessionalClaim, TOPICS } from '@care/contracts';
import { createTestEnvironment, inboundClaimMessage, type TestEnvironment } from '@care/testing';
import { setAllBrokers, submitClaim } from './support/broker-outage';
import { startClaimsIntake, type RunningClaimsIntake } from './support/claims-intake-app';

const INBOUND = TOPICS.claimsInbound.name;
const RECEIVED = TOPICS.claimReceived.name;

interface ReadyBody {
  readonly status: string;
  readonly checks: Record<
    string,
    { readonly status: 'up' | 'down'; readonly error?: string; readonly rows?: number }
  >;
}

describe('readiness bounds and backlog metrics', () => {
  let environment: TestEnvironment;
  let service: RunningClaimsIntake | undefined;

  beforeAll(async () => {
    environment = await createTestEnvironment({ ownBrokers: 1 }); // its broker is stopped and started
  });

  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  afterAll(async () => {
    if (environment.faults.canInjectFaults) await setAllBrokers(environment, true).catch(() => undefined);
    await environment.dispose();
  });

  const ready = async (url: string): Promise<{ status: number; body: ReadyBody }> => {
    const response = await fetch(`${url}/health/ready`);
    return { status: response.status, body: (await response.json()) as ReadyBody };
  };
  /** Polls /health/ready until `accept` holds; returns the last answer either way. */
  const readyUntil = async (
    url: string,
    accept: (answer: { status: number; body: ReadyBody }) => boolean,
    timeoutMs: number,
  ): Promise<{ status: number; body: ReadyBody }> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await ready(url);
      if (accept(answer) || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  /** The value of an unlabelled-but-for-`service` gauge on /metrics, undefined when absent. */
  const gauge = async (url: string, name: string): Promise<number | undefined> => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  it('exports the inbox size and the outbox backlog, and reports the bounds as ready when within them', async () => {
    service = await startClaimsIntake(environment, { READY_MAX_OUTBOX_BACKLOG: '5' });
    const claims = Array.from({ length: 4 }, (_, index) =>
      aValidProfessionalClaim({ claimId: `INBOX-${index}` }),
    );
    await environment.probe.produce(
      INBOUND,
      claims.map((claim) => inboundClaimMessage(claim)),
    );
    expect(await environment.probe.waitForCount(RECEIVED, claims.length, 60000)).toBeGreaterThanOrEqual(
      claims.length,
    );

    const [inbox] = await service.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM inbox',
    );
    expect(inbox?.n).toBe(claims.length);
    expect(await gauge(service.url, 'care_inbox_rows')).toBe(claims.length);
    expect(await gauge(service.url, 'care_outbox_backlog_rows')).toBeGreaterThanOrEqual(0);
    expect(await gauge(service.url, 'care_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);

    const drained = ({ status, body }: { status: number; body: ReadyBody }): boolean =>
      status === 200 && body.checks['outbox']?.rows === 0;
    const answer = await readyUntil(service.url, drained, 15000);
    expect(answer.status).toBe(200);
    expect(answer.body.checks).toMatchObject({
      outbox: { status: 'up', rows: 0 },
      kafka: { status: 'up' },
    });
  });

  const withFaults = process.env['KAFKA_TEST_CONTROL'] === undefined ? it.skip : it;

  withFaults(
    'is unready, naming the outbox bound, while the broker is away and more claims wait than READY_MAX_OUTBOX_BACKLOG; ready again once drained',
    async () => {
      service = await startClaimsIntake(environment, { READY_MAX_OUTBOX_BACKLOG: '5' });
      const { url } = service;
      expect((await readyUntil(url, ({ status }) => status === 200, 15000)).status).toBe(200);
      const before = await environment.probe.count(RECEIVED);

      await setAllBrokers(environment, false);
      const ids = Array.from({ length: 8 }, (_, index) => `BOUND-${index}`);
      try {
        for (const claimId of ids) expect(await submitClaim(environment, url, claimId)).toBe(201);

        const unready = await readyUntil(url, ({ status }) => status === 503, 15000);
        expect(unready.status).toBe(503);
        const outbox = unready.body.checks['outbox'];
        expect(outbox?.status).toBe('down');
        expect(outbox?.error).toBe(`outbox backlog of ${ids.length} rows exceeds READY_MAX_OUTBOX_BACKLOG=5`);
        expect(JSON.stringify(unready.body)).not.toMatch(/BOUND-|M0000/); // no claim or member ids
        expect(await gauge(url, 'care_outbox_backlog_rows')).toBe(ids.length);
        expect(await gauge(url, 'care_outbox_oldest_age_seconds')).toBeGreaterThan(0);
      } finally {
        await setAllBrokers(environment, true);
      }

      const recovered = await readyUntil(
        url,
        ({ status, body }) => status === 200 && body.checks['outbox']?.rows === 0,
        60000,
      );
      expect(recovered.status).toBe(200);
      expect(recovered.body.checks['outbox']).toMatchObject({ status: 'up', rows: 0 });
      expect(
        await environment.probe.waitForCount(RECEIVED, before + ids.length, 30000),
      ).toBeGreaterThanOrEqual(before + ids.length);
    },
  );
});
