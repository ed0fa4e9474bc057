import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from './received-event';

/**
 * Records the events' ids as applied by `group`, inside the caller's transaction, and returns the events not
 * applied before (in their original order). Event ids are lower-case UUIDs (the consumer normalizes them). If the transaction rolls back, the record goes with it.
 */
export async function claimInbox(
  manager: EntityManager,
  group: string,
  events: readonly ReceivedEvent[],
): Promise<ReceivedEvent[]> {
  if (events.length === 0) return [];
  const inserted = await manager.query<Array<{ event_id: string }>>(
    `INSERT INTO inbox (consumer_group, event_id, topic, partition, "offset")
     SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[])
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [
      group,
      events.map((event) => event.envelope.id),
      events.map((event) => event.topic),
      events.map((event) => event.partition),
      events.map((event) => event.offset),
    ],
  );
  const fresh = new Set(inserted.map((row) => row.event_id));
  return events.filter((event) => fresh.has(event.envelope.id));
}
