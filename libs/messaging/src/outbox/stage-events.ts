import type { EntityManager } from 'typeorm';
import type { OutgoingEvent } from './outgoing-event';

/**
 * Writes events to the outbox inside the caller's transaction, in one statement. They are published only if
 * that transaction commits, and in the order given. An event id already in the outbox is a bug and fails.
 */
export async function stageEvents(manager: EntityManager, events: readonly OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO outbox (event_id, topic, message_key, value, headers)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
    [
      events.map((event) => event.envelope.id),
      events.map((event) => event.topic),
      events.map((event) => event.key),
      events.map((event) => JSON.stringify(event.envelope)),
      events.map((event) => JSON.stringify(event.headers)),
    ],
  );
}
