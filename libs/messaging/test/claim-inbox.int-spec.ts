import { randomUUID } from 'node:crypto';
import { ClaimsInbound, TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import type { DataSource } from 'typeorm';
import { claimInbox, type InboxClaim, type InboxOptions } from '../src/consumer/claim-inbox';
import type { ReceivedEvent } from '../src/consumer/received-event';
import { openMessagingSchema } from './support/messaging-schema';

const SCHEMA = 'claim_inbox_it';
const GROUP = 'claim-inbox-it.consumer';

/**
 * The inbox on the run's PostgreSQL: a re-delivery is skipped and its row keeps one application; with
 * reapplyDuplicates (the fault proof's inbox-disabled run) it is applied again and every application is counted,
 * which is what the proof's per-group check reads. A reused id with other content is a conflict either way.
 */
describe('the inbox', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    dataSource = await openMessagingSchema({
      databaseUrl: environment.databaseUrl,
      schema: SCHEMA,
      applicationName: 'claim-inbox-it',
      poolSize: 2,
    });
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await environment?.dispose();
  });

  const anEvent = (id: string, content: string, offset: number): ReceivedEvent => ({
    envelope: {
      id,
      type: ClaimsInbound.V1.type,
      version: ClaimsInbound.V1.version,
      occurredAt: '2026-12-07T00:00:00.000Z',
      source: 'claim-inbox-it',
      subject: 'M-1',
      correlationId: id,
      causationId: null,
      data: {},
    },
    definition: ClaimsInbound.V1,
    topic: TOPICS.claimsInbound.name,
    partition: 0,
    offset: String(offset),
    key: 'C-1',
    headers: {},
    timestamp: 0,
    contentHash: Buffer.from(content.padEnd(32, '.')),
  });

  const claim = (events: readonly ReceivedEvent[], options?: InboxOptions): Promise<InboxClaim> =>
    dataSource.transaction((manager) => claimInbox(manager, GROUP, events, options));

  const applications = async (id: string): Promise<number | undefined> => {
    const rows = await dataSource.query<Array<{ applications: number }>>(
      `SELECT applications FROM ${SCHEMA}.inbox WHERE consumer_group = $1 AND event_id = $2`,
      [GROUP, id],
    );
    return rows[0]?.applications;
  };

  const ids = (claimed: InboxClaim): string[] => claimed.fresh.map((event) => event.envelope.id);

  it('skips a re-delivery and keeps one application', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(ids(await claim([anEvent(a, 'a', 1)]))).toEqual([a]);

    const again = await claim([anEvent(a, 'a', 1), anEvent(b, 'b', 2)]);

    expect(ids(again)).toEqual([b]);
    expect(again.duplicates).toBe(1);
    expect(await applications(a)).toBe(1);
    expect(await applications(b)).toBe(1);
  });

  it('with reapplyDuplicates applies a re-delivery again, in order, and counts each application', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await claim([anEvent(a, 'a', 1)], { reapplyDuplicates: true });

    const second = await claim([anEvent(b, 'b', 2), anEvent(a, 'a', 1)], { reapplyDuplicates: true });
    const third = await claim([anEvent(a, 'a', 1)], { reapplyDuplicates: true });

    expect(ids(second)).toEqual([b, a]);
    expect(second.duplicates).toBe(0);
    expect(ids(third)).toEqual([a]);
    expect(await applications(a)).toBe(3);
    expect(await applications(b)).toBe(1);
  });

  it('tells a reused id with other content apart in both modes, and counts no application for it', async () => {
    const id = randomUUID();
    await claim([anEvent(id, 'first', 1)]);

    for (const options of [{}, { reapplyDuplicates: true }]) {
      const claimed = await claim([anEvent(id, 'other', 2)], options);
      expect(ids(claimed)).toEqual([]);
      expect(claimed.conflicts.map((event) => event.envelope.id)).toEqual([id]);
    }
    expect(await applications(id)).toBe(1);
  });

  it('counts nothing when the transaction rolls back', async () => {
    const id = randomUUID();
    await claim([anEvent(id, 'a', 1)]);

    await expect(
      dataSource.transaction(async (manager) => {
        await claimInbox(manager, GROUP, [anEvent(id, 'a', 1)], { reapplyDuplicates: true });
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');

    expect(await applications(id)).toBe(1);
  });
});
