import { TOPICS } from '@care/contracts';
import { createPopulation, inboundClaimMessage } from '@care/testing';
import { Kafka, logLevel } from 'kafkajs';
import { secondsSince, startBenchService, startBenchStack, type BenchService } from '../support/bench-stack';

export interface IntakeBenchmarkOptions {
  /** Claims per measured path. */
  readonly claims: number;
  readonly log?: (line: string) => void;
}

export interface IntakeBenchmarkResult {
  readonly claims: number;
  readonly baselineProduceConsumePerSecond: number;
  readonly kafkaPathPerSecond: number;
  readonly httpBatchPathPerSecond: number;
  readonly kafkaPathRatio: number;
  readonly httpBatchPathRatio: number;
  /** claim-received events counted on the broker per path (must equal `claims`). */
  readonly kafkaPathEvents: number;
  readonly httpPathEvents: number;
  readonly brokerKind: string;
}

/**
 * Measures, on one broker and database in one run:
 * - baseline: raw kafkajs produce (acks=all) and consume of the same `claims-inbound` payloads, no processing;
 * - Kafka path: the payloads published to `claims-inbound` until every claim is on `claim-received`
 *   (decode, validate, store normalized, inbox, outbox, relay);
 * - HTTP batch path: the same claims (new ids) posted to /v1/claims/batch, 1,000 a request, two clients, until
 *   every claim is on `claim-received`.
 * claims-intake runs as its own process, as in production.
 */
export async function runIntakeBenchmark(options: IntakeBenchmarkOptions): Promise<IntakeBenchmarkResult> {
  const log = options.log ?? (() => undefined);
  const stack = await startBenchStack();
  let service: BenchService | undefined;
  try {
    const slice = await stack.slice('intake');
    const { probe, prefix } = slice;
    await stack.createTopic(`${prefix}baseline`, TOPICS.claimsInbound.partitions);
    const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const claims = takeClaims(
      createPopulation({ seed: 7, households: Math.ceil(options.claims / 30) + 10, asOf }).claims(),
      options.claims,
    );
    const messages = claims.map((claim) => inboundClaimMessage(claim));
    log(
      `${claims.length} synthetic claims ready (${stack.brokerKind} broker, ${stack.postgresKind} postgres)`,
    );

    const baseline = await measureBaseline(stack.brokers, `${prefix}baseline`, messages);
    log(`baseline raw produce+consume: ${baseline.toFixed(0)} msgs/s`);

    service = await startBenchService('claims-intake', slice.serviceEnv);
    const url = service.url;

    const kafkaStarted = process.hrtime.bigint();
    await probe.produce(TOPICS.claimsInbound.name, messages);
    const kafkaEvents = await probe.waitForCount(TOPICS.claimReceived.name, claims.length, 600000);
    const kafkaPath = claims.length / secondsSince(kafkaStarted);
    log(`kafka path: ${kafkaPath.toFixed(0)} claims/s (${kafkaEvents} claim-received)`);

    const httpClaims = claims.map((claim) => ({ ...claim, claimId: `H${claim.claimId}` }));
    const httpStarted = process.hrtime.bigint();
    const chunks: Array<typeof httpClaims> = [];
    for (let start = 0; start < httpClaims.length; start += 1000)
      chunks.push(httpClaims.slice(start, start + 1000));
    const claimsSystem = await stack.bearer('claims-feed');
    const client = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk !== undefined; chunk = chunks.shift()) {
        const response = await fetch(`${url}/v1/claims/batch`, {
          method: 'POST',
          headers: { ...claimsSystem, 'content-type': 'application/json' },
          body: JSON.stringify({ claims: chunk }),
        });
        if (!response.ok) throw new Error(`batch answered ${response.status}`);
        const body = (await response.json()) as { accepted: number };
        if (body.accepted !== chunk.length)
          throw new Error(`batch accepted ${body.accepted} of ${chunk.length}`);
      }
    };
    await Promise.all([client(), client()]);
    const httpEvents =
      (await probe.waitForCount(TOPICS.claimReceived.name, claims.length * 2, 600000)) - kafkaEvents;
    const httpPath = claims.length / secondsSince(httpStarted);
    log(`http batch path: ${httpPath.toFixed(0)} claims/s (${httpEvents} claim-received)`);
    if (process.env['BENCH_METRICS'] === '1') {
      const metrics = await (await fetch(`${url}/metrics`)).text();
      for (const line of metrics.split('\n')) {
        if (
          /^care_(message_batch_duration_seconds_(sum|count)|messages_produced_total|outbox_relay_failures_total)/.test(
            line,
          )
        )
          log(line);
      }
    }

    return {
      claims: claims.length,
      baselineProduceConsumePerSecond: baseline,
      kafkaPathPerSecond: kafkaPath,
      httpBatchPathPerSecond: httpPath,
      kafkaPathRatio: kafkaPath / baseline,
      httpBatchPathRatio: httpPath / baseline,
      kafkaPathEvents: kafkaEvents,
      httpPathEvents: httpEvents,
      brokerKind: stack.brokerKind,
    };
  } finally {
    await service?.stop();
    await stack.stop();
  }
}

function takeClaims<T extends { frequency: string }>(source: Generator<T>, count: number): T[] {
  const taken: T[] = [];
  for (const claim of source) {
    if (claim.frequency !== 'original') continue; // every measured claim is new: one claim-received each
    taken.push(claim);
    if (taken.length === count) break;
  }
  return taken;
}

async function measureBaseline(
  brokers: string[],
  topic: string,
  messages: ReadonlyArray<{ key: string; value: string }>,
): Promise<number> {
  const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING, clientId: 'bench-baseline' });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({
    groupId: `${topic}-baseline`,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      consumed += batch.messages.length;
      if (consumed >= messages.length) resolveDone();
      await Promise.resolve();
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 3500)); // let the group settle before the clock starts
  const started = process.hrtime.bigint();
  for (let start = 0; start < messages.length; start += 5000) {
    await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 5000) });
  }
  await done;
  const perSecond = messages.length / secondsSince(started);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return perSecond;
}
