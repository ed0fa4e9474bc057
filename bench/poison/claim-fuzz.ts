import { randomUUID } from 'node:crypto';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  deadLetterTopicOf,
  TOPICS,
} from '@care/contracts';
import fc from 'fast-check';
import { Client } from 'pg';
import { caughtUp, startBenchService, startBenchStack, type BenchService } from '../support/bench-stack';

/**
 * Property-based fuzzing of claim intake (issue 14), against the platform's real parts: claims-intake, and the
 * three services that store what it emits (condition-identification, care-gaps, survey-trigger), each its own
 * process on a real broker and database. fast-check generates claims around every validation rule and bound:
 * a valid claim of each type with up to four mutations (a field set to an edge value or to arbitrary JSON, a field
 * removed, a key added (`__proto__` among them), a value nested up to 10,000 deep, an array or string at and just
 * past its bound), and, on Kafka, envelopes and messages broken in the ways a claims system breaks them.
 *
 * The properties:
 * - HTTP: no answer is 5xx (a single claim: 200, 201, 400, 409 or 413; a batch: 200 with one result per item);
 * - claims-inbound: every message is applied (its claim-received, or its claim already stored) or dead-lettered,
 *   exactly one of the two, and dead-lettered at most once; the consumer group commits every offset;
 * - downstream: no consumer of claim-received dead-letters anything, so nothing claims-intake accepted is refused
 *   later; every service is still ready at the end.
 */
export interface PoisonFuzzOptions {
  /** Generated cases per path (HTTP single, HTTP batch, claims-inbound). */
  readonly cases: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface PoisonFuzzResult {
  readonly seed: number;
  readonly cases: number;
  readonly brokerKind: string;
  /** HTTP status of each single-claim request, counted. */
  readonly httpStatuses: Readonly<Record<string, number>>;
  /** Item statuses of the batch requests, counted; and batch answers that were not 200. */
  readonly batchItemStatuses: Readonly<Record<string, number>>;
  readonly batchFailures: readonly string[];
  /** Single requests answered 5xx (the case, shortened). */
  readonly serverErrors: readonly string[];
  readonly kafka: {
    readonly produced: number;
    readonly applied: number;
    /** Valid, and the same claim already stored: applied as a duplicate, nothing emitted. */
    readonly duplicates: number;
    readonly deadLettered: number;
    readonly deadLetterCodes: Readonly<Record<string, number>>;
    /** Messages neither applied nor dead-lettered, or both. */
    readonly unaccounted: readonly string[];
    /** Messages dead-lettered more than once. */
    readonly doubled: readonly string[];
  };
  /** Dead letters on claim-received.dlq: downstream services refusing what claims-intake accepted. */
  readonly downstreamDeadLetters: number;
  readonly allReady: boolean;
}

/** claims-intake's default HTTP_MAX_BODY_BYTES (the fuzz leaves it at its default). */
const HTTP_MAX_BODY_BYTES = 5 * 1024 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = (claim: Record<string, Json>) => void;

/** Fields of the three claim types, and nested ones (numbers index arrays). */
const PATHS: readonly string[] = [
  'claimId',
  'version',
  'frequency',
  'claimType',
  'adjudicationStatus',
  'memberId',
  'billingProvider',
  'billingProvider.npi',
  'billingProvider.tin',
  'billingProvider.name',
  'renderingProvider',
  'renderingProvider.npi',
  'serviceDateFrom',
  'serviceDateTo',
  'placeOfService',
  'typeOfBill',
  'diagnoses',
  'diagnoses.0',
  'diagnoses.0.code',
  'diagnoses.1.code',
  'lines',
  'lines.0',
  'lines.0.lineNumber',
  'lines.0.procedureCode',
  'lines.0.revenueCode',
  'lines.0.modifiers',
  'lines.0.modifiers.0',
  'lines.0.units',
  'lines.0.chargedAmount',
  'lines.0.paidAmount',
  'lines.0.serviceDate',
  'lines.0.labResult',
  'lines.0.labResult.loincCode',
  'lines.0.labResult.value',
  'lines.0.labResult.unit',
  'drug',
  'drug.ndc',
  'drug.daysSupply',
  'drug.quantity',
  'drug.fillDate',
  'drug.prescriberNpi',
  'drug.refillNumber',
  'totalChargedAmount',
  'totalPaidAmount',
];

/** Values at and around every rule: date range and calendar, money range and decimals, text, types. */
const EDGE_VALUES: readonly Json[] = [
  '1899-12-31',
  '1900-01-01',
  '2199-12-31',
  '2200-01-01',
  '0000-01-01',
  '0001-01-01',
  '1800-06-15',
  '2024-02-29',
  '2023-02-29',
  '9999-12-31',
  '2025-01-15T00:00:00Z',
  0,
  -0.01,
  0.001,
  12.345,
  1.2345,
  999_999_999.99,
  1_000_000_000,
  1e13,
  1e300,
  -1,
  9999,
  10_000,
  999_999,
  1_000_000,
  '',
  ' ',
  'x\u0000y',
  '\u0000',
  'é',
  '\ud800',
  'A'.repeat(10_000),
  'A'.repeat(10_001),
  '4548-4',
  '99213',
  '1234567893',
  '123456789',
  'E11.9',
  null,
  true,
  [],
  {},
];

const FORBIDDEN_OR_ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'extra',
  'x\u0000',
  'k'.repeat(10_001),
];

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_VALUES) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
);

/**
 * A stand-in for `{ x: [ { x: [ ... ] } ] }` with `levels` objects, expanded in the JSON text by `expandNesting`
 * (JSON.stringify itself overflows the stack on 10,000 levels).
 */
function nested(levels: number): Json {
  return `@@nested:${levels}@@`;
}

function expandNesting(text: string): string {
  return text.replace(/"@@nested:(\d+)@@"/g, (_match, levels: string) => {
    const depth = Number(levels) - 1;
    return `${'{"x":['.repeat(depth)}{}${']}'.repeat(depth)}`;
  });
}

/** Sets `path` to `value`, creating objects on the way (an own property even for `__proto__`). */
function setPath(root: Record<string, Json>, path: string, value: Json): void {
  const segments = path.split('.');
  let current: Record<string, Json> | Json[] = root;
  for (const segment of segments.slice(0, -1)) {
    const next: Json | undefined = (current as Record<string, Json>)[segment];
    if (typeof next !== 'object' || next === null) {
      const created: Record<string, Json> = {};
      Object.defineProperty(current, segment, {
        value: created,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      current = created;
    } else {
      current = next;
    }
  }
  const last = segments[segments.length - 1];
  Object.defineProperty(current, last, { value, enumerable: true, writable: true, configurable: true });
}

function removePath(root: Record<string, Json>, path: string): void {
  const segments = path.split('.');
  let current: Json = root;
  for (const segment of segments.slice(0, -1)) {
    if (typeof current !== 'object' || current === null) return;
    current = (current as Record<string, Json>)[segment] ?? null;
  }
  if (typeof current === 'object' && current !== null)
    Reflect.deleteProperty(current, segments[segments.length - 1] ?? '');
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom(...PATHS), jsonValue).map(
      ([path, value]): Mutation =>
        (claim) =>
          setPath(claim, path, value),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...PATHS).map(
      (path): Mutation =>
        (claim) =>
          removePath(claim, path),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', 'billingProvider.', 'lines.0.', 'drug.'),
        fc.constantFrom(...FORBIDDEN_OR_ODD_KEYS),
        jsonValue,
      )
      .map(
        ([parent, key, value]): Mutation =>
          (claim) =>
            setPath(claim, `${parent}${key}`, value),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('lines.0', 'billingProvider', 'drug', 'diagnoses.0', 'extra'),
        fc.constantFrom(14, 15, 16, 100, 10_000),
      )
      .map(
        ([path, levels]): Mutation =>
          (claim) =>
            setPath(claim, path, nested(levels)),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(998, 999, 1000, 1001).map((count): Mutation => (claim) => {
      const line = (Array.isArray(claim['lines']) ? claim['lines'][0] : undefined) ?? {
        lineNumber: 1,
        units: 1,
        chargedAmount: 1,
      };
      claim['lines'] = Array.from({ length: count }, (_, index) => ({
        ...(line as Record<string, Json>),
        lineNumber: index + 1,
      }));
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(24, 25, 26, 1001).map((count): Mutation => (claim) => {
      claim['diagnoses'] = Array.from({ length: count }, (_, index) => ({
        code: `E11.${index % 10}${Math.floor(index / 10)}`,
      }));
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(199, 200, 201).map((count): Mutation => (claim) => {
      claim['billingProvider'] = Object.fromEntries(
        Array.from({ length: count }, (_, index) => [`k${index}`, index]),
      );
    }),
  },
);

/** A claim of one of the three types with up to four mutations, as the JSON text a client sends. */
export const claimCase: fc.Arbitrary<(claimId: string) => string> = fc
  .tuple(fc.constantFrom('professional', 'institutional', 'pharmacy'), fc.array(mutation, { maxLength: 4 }))
  .map(([type, mutations]) => (claimId: string): string => {
    const base =
      type === 'professional'
        ? aValidProfessionalClaim({ claimId })
        : type === 'institutional'
          ? aValidInstitutionalClaim({ claimId })
          : aValidPharmacyClaim({ claimId });
    const claim = JSON.parse(JSON.stringify(base)) as Record<string, Json>;
    claim['memberId'] = `M-${claimId}`;
    for (const mutate of mutations) mutate(claim);
    return expandNesting(JSON.stringify(claim));
  });

/** How a claims-inbound message around a claim is broken, if at all. */
type EnvelopeBreak =
  | 'none'
  | 'drop-id'
  | 'bad-id'
  | 'bad-type'
  | 'version-2'
  | 'no-data'
  | 'not-json'
  | 'null-value'
  | 'array'
  | 'binary'
  | 'reuse-id'
  | 'repeat';

export const envelopeBreak: fc.Arbitrary<EnvelopeBreak> = fc.oneof(
  { weight: 20, arbitrary: fc.constant<EnvelopeBreak>('none') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<EnvelopeBreak>(
      'drop-id',
      'bad-id',
      'bad-type',
      'version-2',
      'no-data',
      'not-json',
      'null-value',
      'array',
      'binary',
      'reuse-id',
      'repeat',
    ),
  },
);

interface Produced {
  readonly index: number;
  readonly key: string;
  readonly eventId: string | undefined;
  readonly claimId: string | undefined;
  readonly version: unknown;
  readonly value: string | Buffer | null;
}

function inboundValue(
  claimText: string,
  id: string | undefined,
  broken: EnvelopeBreak,
): string | Buffer | null {
  if (broken === 'not-json') return `{"id":"${id ?? ''}", "data": ${claimText.slice(0, 40)}`;
  if (broken === 'null-value') return null;
  if (broken === 'binary') return Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]);
  const envelope: Record<string, unknown> = {
    id: broken === 'bad-id' ? 'not-a-uuid' : id,
    type: broken === 'bad-type' ? 'claim-received' : 'claims-inbound',
    version: broken === 'version-2' ? 2 : 1,
    occurredAt: new Date().toISOString(),
    source: 'fuzz-claims-system',
    subject: 'fuzz',
    correlationId: 'fuzz',
    causationId: null,
  };
  if (broken === 'drop-id') delete envelope['id'];
  const text = JSON.stringify(envelope);
  if (broken === 'no-data') return text;
  if (broken === 'array') return `[${text}]`;
  return `${text.slice(0, -1)},"data":${claimText}}`;
}

export async function runPoisonFuzz(options: PoisonFuzzOptions): Promise<PoisonFuzzResult> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? Date.now() % 2_147_483_647;
  const cases = options.cases;
  const stack = await startBenchStack();
  const services: BenchService[] = [];
  try {
    const slice = await stack.slice('fuzz');
    const { probe, prefix } = slice;
    const env = { ...slice.serviceEnv, OUTBOX_RELAY_POLL_MS: '50', LOG_LEVEL: 'error' };
    for (const name of ['claims-intake', 'condition-identification', 'care-gaps', 'survey-trigger']) {
      services.push(await startBenchService(name, env));
    }
    const intake = services[0];
    log(`seed ${seed}, ${cases} cases per path, ${stack.brokerKind} broker`);

    const singles = fc.sample(claimCase, { numRuns: cases, seed });
    const batchCases = fc.sample(claimCase, { numRuns: cases, seed: seed + 1 });
    const inbound = fc.sample(fc.tuple(claimCase, envelopeBreak), { numRuns: cases, seed: seed + 2 });

    /**
     * POSTs a body; a body over the limit is answered 413 as soon as its Content-Length is read, and the server
     * may close the connection before the client has sent it all: that too is a refusal before reading (413).
     */
    const claimsSystem = await stack.bearer('claims-feed');
    const post = async (path: string, body: string): Promise<{ status: number; json: unknown }> => {
      try {
        const response = await fetch(`${intake.url}${path}`, {
          method: 'POST',
          headers: { ...claimsSystem, 'content-type': 'application/json' },
          body,
        });
        const text = await response.text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        return { status: response.status, json };
      } catch (error) {
        if (Buffer.byteLength(body) > HTTP_MAX_BODY_BYTES) return { status: 413, json: undefined };
        throw error;
      }
    };

    // HTTP, one claim a request.
    const httpStatuses: Record<string, number> = {};
    const serverErrors: string[] = [];
    for (const [index, build] of singles.entries()) {
      const body = build(`PH-${index}`);
      const { status } = await post('/v1/claims', body);
      httpStatuses[status] = (httpStatuses[status] ?? 0) + 1;
      if (status >= 500) serverErrors.push(body.slice(0, 300));
      if (index % 1000 === 999) log(`http single: ${index + 1} sent`);
    }

    // HTTP, batches of 10.
    const batchItemStatuses: Record<string, number> = {};
    const batchFailures: string[] = [];
    for (let start = 0; start < batchCases.length; start += 10) {
      const items = batchCases.slice(start, start + 10).map((build, offset) => build(`PB-${start + offset}`));
      const body = `{"claims":[${items.join(',')}]}`;
      const { status, json } = await post('/v1/claims/batch', body);
      const answer = (json ?? {}) as { results?: Array<{ status: string }> };
      if (start % 1000 === 990) log(`http batches: ${start + 10} claims sent`);
      // Over the body limit (5 MB by default) the whole batch is a 413, before it is read: the only answer
      // that is not one result per item.
      if (status === 413 && Buffer.byteLength(body) > HTTP_MAX_BODY_BYTES) {
        batchItemStatuses['batch over the body limit'] =
          (batchItemStatuses['batch over the body limit'] ?? 0) + items.length;
        continue;
      }
      if (status !== 200 || answer.results?.length !== items.length) {
        batchFailures.push(`batch at ${start}: ${status}`);
        continue;
      }
      for (const result of answer.results)
        batchItemStatuses[result.status] = (batchItemStatuses[result.status] ?? 0) + 1;
    }
    log('http done');

    // claims-inbound.
    const produced: Produced[] = [];
    const applied: string[] = [];
    for (const [index, [build, broken]] of inbound.entries()) {
      const claimText = build(`PK-${index}`);
      const earlier = produced.find(
        (message) => message.eventId !== undefined && message.index < index && message.index >= index - 50,
      );
      const repeat = broken === 'repeat' && earlier !== undefined ? earlier : undefined;
      const eventId =
        broken === 'reuse-id' && earlier?.eventId !== undefined ? earlier.eventId : randomUUID();
      const value = repeat?.value ?? inboundValue(claimText, eventId, broken);
      let claim: Record<string, unknown> | undefined;
      try {
        claim = JSON.parse(claimText) as Record<string, unknown>;
      } catch {
        claim = undefined;
      }
      produced.push({
        index,
        key: `fz-${index}`,
        eventId:
          repeat?.eventId ??
          (['drop-id', 'bad-id', 'not-json', 'null-value', 'binary'].includes(broken) ? undefined : eventId),
        claimId: typeof claim?.['claimId'] === 'string' ? claim['claimId'] : undefined,
        version: claim?.['version'],
        value,
      });
    }
    // Sends of at most 800 KB; a message the broker would refuse (over 1 MB) is not a case: no claims system can
    // publish it. (claims-intake's dead-letter path for near-1 MB messages has its own test.)
    const sizeOf = (message: Produced): number =>
      message.value === null ? 0 : Buffer.byteLength(message.value) + message.key.length;
    const tooLarge = produced.filter((message) => sizeOf(message) > 1_000_000);
    const sendable = produced.filter((message) => sizeOf(message) <= 1_000_000);
    produced.length = 0;
    produced.push(...sendable);
    for (let start = 0; start < sendable.length;) {
      let end = start;
      let bytes = 0;
      while (end < sendable.length && (end === start || bytes + sizeOf(sendable[end]) <= 800_000)) {
        bytes += sizeOf(sendable[end]);
        end += 1;
      }
      await probe.produce(
        TOPICS.claimsInbound.name,
        sendable.slice(start, end).map((message) => ({ key: message.key, value: message.value })),
      );
      start = end;
    }
    log(`claims-inbound: ${sendable.length} produced, ${tooLarge.length} over the broker's limit left out`);
    await caughtUp(probe, `${prefix}claims-intake.claims-inbound`, [TOPICS.claimsInbound.name]);
    log('claims-inbound consumed');

    const receivedCauses = new Set<string>();
    // Every claim-received staged is published before it is read: claims-intake's outbox drained.
    const client = new Client({ connectionString: slice.databaseUrl });
    await client.connect();
    try {
      for (let attempt = 0; attempt < 600; attempt += 1) {
        const rows = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM claims_intake.outbox');
        if (rows.rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await client.end();
    }
    for (const message of await probe.readAll(TOPICS.claimReceived.name, 60_000)) {
      const envelope = JSON.parse(message.value ?? '{}') as { causationId?: string | null };
      if (typeof envelope.causationId === 'string') receivedCauses.add(envelope.causationId);
    }
    const deadLetters = await probe.readAll(deadLetterTopicOf(TOPICS.claimsInbound.name), 60_000);
    const deadLettersByKey = new Map<string, string[]>();
    for (const letter of deadLetters) {
      const key = letter.key ?? '';
      deadLettersByKey.set(key, [
        ...(deadLettersByKey.get(key) ?? []),
        letter.headers['dlq-error-code'] ?? '?',
      ]);
    }
    const stored = await storedClaims(slice.databaseUrl);

    const unaccounted: string[] = [];
    const doubled: string[] = [];
    const deadLetterCodes: Record<string, number> = {};
    let duplicates = 0;
    let deadLettered = 0;
    for (const message of produced) {
      const letters = deadLettersByKey.get(message.key) ?? [];
      for (const code of letters) deadLetterCodes[code] = (deadLetterCodes[code] ?? 0) + 1;
      if (letters.length > 1) doubled.push(`${message.key}: ${letters.join(', ')}`);
      const wasApplied =
        message.eventId !== undefined && receivedCauses.has(message.eventId) && letters.length === 0;
      const wasDuplicate =
        !wasApplied &&
        letters.length === 0 &&
        message.claimId !== undefined &&
        stored.has(`${message.claimId}\u0000${String(message.version)}`);
      if (wasApplied) applied.push(message.key);
      if (wasDuplicate) duplicates += 1;
      if (letters.length > 0) deadLettered += 1;
      if (!wasApplied && !wasDuplicate && letters.length === 0)
        unaccounted.push(`${message.key}: neither applied nor dead-lettered`);
    }

    // Downstream: wait until each consumer of claim-received caught up, then nothing may have been refused.
    for (const group of [
      'condition-identification.evidence',
      'care-gaps.gap-inputs',
      'survey-trigger.visits',
    ]) {
      await caughtUp(probe, `${prefix}${group}`, [TOPICS.claimReceived.name]);
    }
    const downstreamDeadLetters = await probe.count(deadLetterTopicOf(TOPICS.claimReceived.name));
    let allReady = true;
    for (const service of services) allReady = allReady && (await fetch(`${service.url}/health/ready`)).ok;

    return {
      seed,
      cases,
      brokerKind: stack.brokerKind,
      httpStatuses,
      batchItemStatuses,
      batchFailures,
      serverErrors,
      kafka: {
        produced: produced.length,
        applied: applied.length,
        duplicates,
        deadLettered,
        deadLetterCodes,
        unaccounted,
        doubled,
      },
      downstreamDeadLetters,
      allReady,
    };
  } finally {
    for (const service of services.reverse()) await service.stop();
    await stack.stop();
  }
}

/** `<claim id>\u0000<version>` of every claim claims-intake stored. */
async function storedClaims(databaseUrl: string): Promise<Set<string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ claim_id: string; version: number }>(
      'SELECT claim_id, version FROM claims_intake.claims',
    );
    return new Set(rows.rows.map((row) => `${row.claim_id}\u0000${row.version}`));
  } finally {
    await client.end();
  }
}
