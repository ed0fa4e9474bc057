import { TOPICS } from '@care/contracts';
import { inboundClaimMessage, type ClaimSubmissionPlain } from '@care/testing';
import type { Producer } from 'kafkajs';

/** How one rate's load went: what was offered, sent and dropped. */
export interface OpenLoopResult {
  readonly ratePerSecond: number;
  /** Epoch ms of the first and the last scheduled send. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly offered: number;
  /** Claims whose batch the platform answered (HTTP 200, or acknowledged by the broker). */
  readonly sent: number;
  /** Claims not sent because too many batches were still waiting for an answer (the platform fell behind). */
  readonly shed: number;
  /** Claims whose batch failed (an error answer). */
  readonly failed: number;
}

export interface OpenLoopOptions {
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly claims: Iterator<ClaimSubmissionPlain>;
  /** Claims per HTTP batch or Kafka send; batches alternate between the two intake paths. */
  readonly batchSize: number;
  readonly intakeUrl: string;
  readonly authorization: () => Promise<string>;
  readonly producer: Producer;
  readonly topicPrefix?: string;
  /** Batches allowed to wait for an answer at once before the next ones are shed. */
  readonly maxInFlight: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open-loop load at a fixed rate: batch `n` leaves at `start + n * batchSize / rate`, whether or not earlier ones
 * were answered (a closed loop would slow down with the platform and hide its latency). Even batches go over
 * `POST /v1/claims/batch`, odd ones to `claims-inbound`, as claims systems would send them.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const batches = Math.round((options.ratePerSecond * options.seconds) / options.batchSize);
  const intervalMs = (options.batchSize / options.ratePerSecond) * 1000;
  const topic = `${options.topicPrefix ?? ''}${TOPICS.claimsInbound.name}`;
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let shed = 0;
  let failed = 0;
  let offered = 0;
  const startedAt = Date.now();
  for (let index = 0; index < batches; index += 1) {
    const due = startedAt + index * intervalMs;
    if (due > Date.now()) await sleep(due - Date.now());
    const batch: ClaimSubmissionPlain[] = [];
    for (let taken = 0; taken < options.batchSize; taken += 1) {
      const next = options.claims.next();
      if (next.done === true) break;
      batch.push(next.value);
    }
    if (batch.length === 0) break;
    offered += batch.length;
    if (inFlight.size >= options.maxInFlight) {
      shed += batch.length;
      continue;
    }
    const send =
      index % 2 === 0
        ? postBatch(options, batch)
        : options.producer
            .send({ topic, acks: -1, messages: batch.map((claim) => inboundClaimMessage(claim)) })
            .then(() => undefined);
    const tracked: Promise<void> = send.then(
      () => {
        sent += batch.length;
      },
      () => {
        failed += batch.length;
      },
    );
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  }
  const endedAt = Date.now();
  await Promise.all([...inFlight]);
  return { ratePerSecond: options.ratePerSecond, startedAt, endedAt, offered, sent, shed, failed };
}

async function postBatch(options: OpenLoopOptions, claims: ClaimSubmissionPlain[]): Promise<void> {
  const response = await fetch(`${options.intakeUrl}/v1/claims/batch`, {
    method: 'POST',
    headers: { authorization: await options.authorization(), 'content-type': 'application/json' },
    body: JSON.stringify({ claims }),
    signal: AbortSignal.timeout(60_000),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`claims batch answered ${response.status}`);
}
