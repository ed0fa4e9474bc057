import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { provisioningPlan, TOPICS } from '@care/contracts';
import {
  createPopulation,
  findFreePort,
  inboundClaimMessage,
  startKafka,
  startPostgres,
  SERVICE_NODE_FLAGS,
  TopicProbe,
} from '@care/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

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

const ROOT = join(__dirname, '..', '..');

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
  const postgres = await startPostgres({ durable: true });
  const kafka = await startKafka({ brokers: 3 });
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  await kafka.createTopics([
    ...provisioningPlan().map((topic) => ({ name: `${prefix}${topic.name}`, partitions: topic.partitions })),
    { name: `${prefix}baseline`, partitions: TOPICS.claimsInbound.partitions },
  ]);
  const database = `bench_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = Object.assign(new URL(postgres.url), { pathname: `/${database}` }).toString();

  const probe = await TopicProbe.connect(kafka.brokers, prefix);
  let service: ChildProcess | undefined;
  try {
    const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const claims = takeClaims(
      createPopulation({ seed: 7, households: Math.ceil(options.claims / 30) + 10, asOf }).claims(),
      options.claims,
    );
    const messages = claims.map((claim) => inboundClaimMessage(claim));
    log(`${claims.length} synthetic claims ready (${kafka.kind} broker, ${postgres.kind} postgres)`);

    const baseline = await measureBaseline(kafka.brokers, `${prefix}baseline`, messages);
    log(`baseline raw produce+consume: ${baseline.toFixed(0)} msgs/s`);

    const port = await findFreePort();
    // BENCH_SERVICE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the service under load.
    const nodeArgs = (process.env['BENCH_SERVICE_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
    service = spawn(
      process.execPath,
      [
        ...SERVICE_NODE_FLAGS,
        ...nodeArgs,
        '-r',
        '@swc-node/register',
        join(ROOT, 'services/claims-intake/src/main.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: kafka.brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_IDEMPOTENT_PRODUCER: kafka.kind === 'local-mock' ? 'false' : 'true',
          PORT: String(port),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url);

    const kafkaStarted = process.hrtime.bigint();
    await probe.produce(TOPICS.claimsInbound.name, messages);
    const kafkaEvents = await probe.waitForCount(TOPICS.claimReceived.name, claims.length, 600000);
    const kafkaPath = claims.length / seconds(kafkaStarted);
    log(`kafka path: ${kafkaPath.toFixed(0)} claims/s (${kafkaEvents} claim-received)`);

    const httpClaims = claims.map((claim) => ({ ...claim, claimId: `H${claim.claimId}` }));
    const httpStarted = process.hrtime.bigint();
    const chunks: Array<typeof httpClaims> = [];
    for (let start = 0; start < httpClaims.length; start += 1000)
      chunks.push(httpClaims.slice(start, start + 1000));
    const client = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk !== undefined; chunk = chunks.shift()) {
        const response = await fetch(`${url}/v1/claims/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
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
    const httpPath = claims.length / seconds(httpStarted);
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
      brokerKind: kafka.kind,
    };
  } finally {
    await stopProcess(service);
    await probe.disconnect();
    await kafka.stop();
    await postgres.stop();
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
  const perSecond = messages.length / seconds(started);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return perSecond;
}

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

async function waitForReady(url: string): Promise<void> {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('claims-intake did not become ready');
}

function stopProcess(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (child === undefined || child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
