import { randomUUID } from 'node:crypto';
import { TOPICS } from '@care/contracts';
import { type OpsConnection, readTopic } from '@care/messaging';
import { Client } from 'pg';

/** What the negative control did to a settled run, so the checks must find each. */
export interface Tampering {
  /** The gap whose `care-gap-detected` event was published a second time under a new event id. */
  readonly doubledGap: string;
  /** The issued alert whose row was deleted (its event stays: an event with no row behind it). */
  readonly orphanedAlert: string;
  /** The member's condition status deleted (a fact the clean run has and this one lost). */
  readonly lostCondition: string;
  /** The consumer group and topic of the event whose inbox row was given a second application. */
  readonly doubledApplication: string;
}

/**
 * The proof's own negative control, run on the faulted run once it has settled and its facts are collected:
 * one doubled fact (a second `care-gap-detected` for one gap, new event id, as a consumer without an inbox that
 * re-applies a non-idempotent handler would publish), one event whose row is gone, one lost condition status, and
 * one event a consumer group applied twice (its inbox row counts a second application, as a consumer whose inbox
 * no longer skips re-deliveries records it). Collected again, the facts must fail the checks on all four; if they
 * did not, the checks could not fail.
 */
export async function tamperWithRun(connection: OpsConnection, databaseUrl: string): Promise<Tampering> {
  const physical = connection.names.physical(TOPICS.careGapDetected);
  const [first] = await readTopic(connection, physical, { timeoutMs: 60_000 });
  if (first === undefined || first.message.value === null)
    throw new Error('no care-gap-detected event to double');
  const envelope = JSON.parse(first.message.value.toString('utf8')) as {
    id: string;
    data: { gapId: string };
  };
  const producer = connection.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: physical,
      acks: -1,
      messages: [{ key: first.message.key, value: JSON.stringify({ ...envelope, id: randomUUID() }) }],
    });
  } finally {
    await producer.disconnect();
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const alert = await client.query<{ id: string }>(
      `WITH gone AS (
         DELETE FROM care_gaps.gap_alerts
         WHERE alert_id = (SELECT alert_id FROM care_gaps.gap_alerts WHERE status = 'issued' ORDER BY alert_id LIMIT 1)
         RETURNING alert_id)
       SELECT alert_id::text AS id FROM gone`,
    );
    const condition = await client.query<{ id: string }>(
      `WITH gone AS (
         DELETE FROM condition_identification.member_conditions
         WHERE (member_id, condition_id) = (
           SELECT member_id, condition_id FROM condition_identification.member_conditions
           ORDER BY member_id, condition_id LIMIT 1)
         RETURNING member_id || '|' || condition_id AS id)
       SELECT id FROM gone`,
    );
    const application = await client.query<{ id: string }>(
      `UPDATE casework.inbox SET applications = applications + 1
       WHERE (consumer_group, event_id) = (
         SELECT consumer_group, event_id FROM casework.inbox ORDER BY consumer_group, event_id LIMIT 1)
       RETURNING consumer_group || ' ' || topic AS id`,
    );
    return {
      doubledGap: envelope.data.gapId,
      orphanedAlert: alert.rows[0]?.id ?? '(none)',
      lostCondition: condition.rows[0]?.id ?? '(none)',
      doubledApplication: application.rows[0]?.id ?? '(none)',
    };
  } finally {
    await client.end();
  }
}
