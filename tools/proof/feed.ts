import { TOPICS } from '@care/contracts';
import type { ClaimSubmissionPlain, MemberRecordPlain } from '@care/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { inboundEventId } from './proof-input';

/** What one feeder sent and how often it had to try again. */
export interface FeedReport {
  readonly sent: number;
  /** Items the platform accepted on first sight (HTTP: `accepted`; Kafka: every acknowledged message). */
  readonly accepted: number;
  /** HTTP items answered `duplicate`: a resend after a failure the platform had in fact taken. */
  readonly duplicates: number;
  /** Items answered `invalid` or `conflict` (none in a generated population). */
  readonly refused: number;
  /** Sends that failed (connection refused, 5xx, a broker away) and were tried again. */
  readonly retries: number;
}

export interface HttpFeedOptions {
  readonly url: string;
  readonly authorization: () => Promise<string>;
  readonly batchSize: number;
  /** Claims per second to aim at (open loop: a batch waits for its time, never for the previous answer's). */
  readonly ratePerSecond: number;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type ItemStatus = { status: string };

/**
 * POSTs `items` to an intake batch route in batches, each tried until claims-intake answers it (a killed service,
 * a database restart, a broker outage behind the outbox); the batch API's per-item answer shows what a resend
 * found already taken.
 */
export async function postBatches(
  path: '/v1/claims/batch' | '/v1/members/batch',
  field: 'claims' | 'members',
  items: readonly (ClaimSubmissionPlain | MemberRecordPlain)[],
  options: HttpFeedOptions,
): Promise<FeedReport> {
  const started = Date.now();
  let accepted = 0;
  let duplicates = 0;
  let refused = 0;
  let retries = 0;
  for (let start = 0; start < items.length; start += options.batchSize) {
    const due = started + (start / options.ratePerSecond) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    const batch = items.slice(start, start + options.batchSize);
    for (let attempt = 0; ; attempt += 1) {
      if (options.signal?.aborted) throw new Error('feed aborted');
      let failure: string;
      try {
        const response = await fetch(`${options.url}${path}`, {
          method: 'POST',
          headers: { authorization: await options.authorization(), 'content-type': 'application/json' },
          body: JSON.stringify({ [field]: batch }),
          signal: AbortSignal.timeout(30_000),
        });
        if (response.ok) {
          const body = (await response.json()) as { results?: ItemStatus[] };
          for (const result of body.results ?? []) {
            if (['accepted', 'added', 'updated'].includes(result.status)) accepted += 1;
            else if (result.status === 'duplicate' || result.status === 'unchanged') duplicates += 1;
            else refused += 1;
          }
          break;
        }
        await response.arrayBuffer();
        if (response.status !== 429 && response.status < 500) {
          throw new Error(`${path} answered ${response.status}: the proof's input is refused`);
        }
        failure = `HTTP ${response.status}`;
      } catch (error) {
        if (error instanceof Error && error.message.includes("the proof's input is refused")) throw error;
        failure = error instanceof Error ? error.message : 'request failed';
      }
      retries += 1;
      if (attempt % 20 === 0) options.log(`${path}: ${failure}; trying the batch again`);
      await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }
  return { sent: items.length, accepted, duplicates, refused, retries };
}

export interface KafkaFeedOptions {
  readonly brokers: readonly string[];
  readonly topicPrefix?: string;
  readonly batchSize: number;
  readonly ratePerSecond: number;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * Publishes claims to `claims-inbound` as a claims system would: key the claim id, a stable event id per claim
 * version, acks from all in-sync replicas, and a plain (non-idempotent) producer whose resends after an error can
 * write a message twice, which intake must absorb.
 */
export async function publishClaims(
  claims: readonly ClaimSubmissionPlain[],
  options: KafkaFeedOptions,
): Promise<FeedReport> {
  const kafka = new Kafka({
    clientId: 'proof-claims-system',
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  let producer: Producer | undefined;
  const topic = `${options.topicPrefix ?? ''}${TOPICS.claimsInbound.name}`;
  const started = Date.now();
  let retries = 0;
  try {
    for (let start = 0; start < claims.length; start += options.batchSize) {
      const due = started + (start / options.ratePerSecond) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      const messages = claims.slice(start, start + options.batchSize).map((claim) => ({
        key: claim.claimId,
        value: JSON.stringify({
          id: inboundEventId(claim),
          type: TOPICS.claimsInbound.name,
          version: 1,
          occurredAt: new Date().toISOString(),
          source: 'proof-claims-system',
          subject: claim.memberId,
          correlationId: claim.claimId,
          causationId: null,
          data: claim,
        }),
      }));
      for (let attempt = 0; ; attempt += 1) {
        if (options.signal?.aborted) throw new Error('feed aborted');
        try {
          if (producer === undefined) {
            producer = kafka.producer({ allowAutoTopicCreation: false });
            await producer.connect();
          }
          await producer.send({ topic, acks: -1, messages });
          break;
        } catch (error) {
          retries += 1;
          if (attempt % 10 === 0) {
            options.log(
              `claims-inbound: ${error instanceof Error ? error.message : 'send failed'}; trying the batch again`,
            );
          }
          await producer?.disconnect().catch(() => undefined);
          producer = undefined;
          await sleep(Math.min(2000, 200 * 2 ** Math.min(attempt, 4)));
        }
      }
    }
  } finally {
    await producer?.disconnect().catch(() => undefined);
  }
  return { sent: claims.length, accepted: claims.length, duplicates: 0, refused: 0, retries };
}
