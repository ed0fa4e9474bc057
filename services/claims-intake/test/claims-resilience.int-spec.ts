import { TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { setAllBrokers, submitClaim } from './support/broker-outage';
import { spawnClaimsIntake, startClaimsIntake } from './support/claims-intake-app';

const RECEIVED = TOPICS.claimReceived.name;

/**
 * Nothing lost, nothing doubled, with real failures: the broker unreachable, and the service killed with SIGKILL
 * between committing claims and publishing their events. Needs the local mock broker's fault injection.
 */
describe('claims-intake under failure', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await createTestEnvironment({ ownBrokers: 1 }); // its broker is stopped and started
  });

  afterAll(async () => {
    await setAllBrokers(environment, true).catch(() => undefined);
    await environment.dispose();
  });

  const receivedIds = async (prefix: string): Promise<string[]> =>
    (await environment.probe.readAll(RECEIVED))
      .map(
        (message) =>
          (JSON.parse(message.value ?? '{}') as { data: { claim: { claimId: string } } }).data.claim.claimId,
      )
      .filter((claimId) => claimId.startsWith(prefix))
      .sort();

  const itWithFaults = process.env['KAFKA_TEST_CONTROL'] === undefined ? it.skip : it;

  itWithFaults(
    'keeps accepting claims while the broker is down and publishes each once when it returns',
    async () => {
      const service = await startClaimsIntake(environment);
      try {
        await setAllBrokers(environment, false);
        const ids = Array.from({ length: 25 }, (_, index) => `OUTAGE-${String(index).padStart(2, '0')}`);
        for (const claimId of ids) expect(await submitClaim(environment, service.url, claimId)).toBe(201);
        const waiting = await service.dataSource.query<Array<{ n: number }>>(
          'SELECT count(*)::int AS n FROM outbox',
        );
        expect(waiting[0]?.n).toBe(ids.length);

        await setAllBrokers(environment, true);
        expect(await environment.probe.waitForCount(RECEIVED, ids.length, 60000)).toBeGreaterThanOrEqual(
          ids.length,
        );
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await receivedIds('OUTAGE-')).toEqual(ids);
        const left = await service.dataSource.query<Array<{ n: number }>>(
          'SELECT count(*)::int AS n FROM outbox',
        );
        expect(left[0]?.n).toBe(0);
      } finally {
        await setAllBrokers(environment, true);
        await service.close();
      }
    },
  );

  itWithFaults(
    'publishes, once, the events of claims committed just before the process was killed',
    async () => {
      // The broker is unreachable, so the relay cannot publish: claims commit with their events in the outbox.
      await setAllBrokers(environment, false);
      const first = await spawnClaimsIntake(environment);
      const ids = Array.from({ length: 10 }, (_, index) => `KILLED-${index}`);
      for (const claimId of ids) expect(await submitClaim(environment, first.url, claimId)).toBe(201);
      expect(await first.kill('SIGKILL')).toBeNull();

      await setAllBrokers(environment, true);
      const second = await spawnClaimsIntake(environment);
      try {
        await environment.probe.waitForCount(RECEIVED, 1, 60000);
        const deadline = Date.now() + 60000;
        while ((await receivedIds('KILLED-')).length < ids.length && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await receivedIds('KILLED-')).toEqual([...ids].sort());
        // the restarted instance accepts a resubmission of a killed claim as a duplicate: nothing new is emitted
        expect(await submitClaim(environment, second.url, 'KILLED-0')).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await receivedIds('KILLED-')).toHaveLength(ids.length);
      } finally {
        await second.kill('SIGTERM');
      }
    },
  );
});
