import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from './received-event';

/** The events of a batch split by what the inbox knew of their ids. */
export interface InboxClaim {
  /** Not applied before, in their original order: to apply now. */
  readonly fresh: ReceivedEvent[];
  /** Applied before with the same content: re-deliveries, skipped (none when they are applied again). */
  readonly duplicates: number;
  /** Applied before with other content: a different event under a reused id, to dead-letter. */
  readonly conflicts: ReceivedEvent[];
}

/** How the inbox treats a re-delivery. */
export interface InboxOptions {
  /**
   * Apply re-deliveries again instead of skipping them, counting each application in the row's `applications`:
   * only the fault proof's inbox-disabled run (MESSAGING_UNSAFE_DISABLE_INBOX), whose check reports every event a
   * group applied more than once. Reused ids (other content) are still told apart.
   */
  readonly reapplyDuplicates?: boolean;
}

/**
 * Records the events' ids (and content hashes) as applied by `group`, inside the caller's transaction, and tells
 * the fresh events from re-deliveries and from reused ids. Event ids are lower-case UUIDs (the consumer normalizes
 * them). If the transaction rolls back, the record goes with it.
 */
export async function claimInbox(
  manager: EntityManager,
  group: string,
  events: readonly ReceivedEvent[],
  options: InboxOptions = {},
): Promise<InboxClaim> {
  if (events.length === 0) return { fresh: [], duplicates: 0, conflicts: [] };
  const inserted = await manager.query<Array<{ event_id: string }>>(
    `INSERT INTO inbox (consumer_group, event_id, topic, partition, "offset", content_hash)
     SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[], $6::bytea[])
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [
      group,
      events.map((event) => event.envelope.id),
      events.map((event) => event.topic),
      events.map((event) => event.partition),
      events.map((event) => event.offset),
      events.map((event) => event.contentHash ?? null),
    ],
  );
  const fresh = new Set(inserted.map((row) => row.event_id));
  const seenBefore = events.filter((event) => !fresh.has(event.envelope.id));
  if (seenBefore.length === 0) return { fresh: [...events], duplicates: 0, conflicts: [] };
  const stored = await manager.query<Array<{ event_id: string; content_hash: Buffer | null }>>(
    'SELECT event_id, content_hash FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])',
    [group, seenBefore.map((event) => event.envelope.id)],
  );
  const storedHash = new Map(stored.map((row) => [row.event_id, row.content_hash]));
  const conflicts = seenBefore.filter((event) => {
    const before = storedHash.get(event.envelope.id);
    // Without a hash on either side (rows from before hashes were kept) the event counts as a re-delivery.
    return before != null && event.contentHash != null && !before.equals(event.contentHash);
  });
  if (options.reapplyDuplicates === true) {
    const conflicting = new Set(conflicts);
    const again = seenBefore.filter((event) => !conflicting.has(event));
    if (again.length > 0) {
      await manager.query(
        'UPDATE inbox SET applications = applications + 1 WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])',
        [group, again.map((event) => event.envelope.id)],
      );
    }
    return { fresh: events.filter((event) => !conflicting.has(event)), duplicates: 0, conflicts };
  }
  return {
    fresh: events.filter((event) => fresh.has(event.envelope.id)),
    duplicates: seenBefore.length - conflicts.length,
    conflicts,
  };
}
