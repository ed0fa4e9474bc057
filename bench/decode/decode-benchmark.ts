import { randomUUID } from 'node:crypto';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  decodeEvent,
  EventEnvelopeSchema,
  type EventDefinition,
} from '@care/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * `npm run bench -- decode`: what a consumer pays to decode one `claim-received` message (JSON, bounds, envelope,
 * payload), with the planned validation (ADR 21) against class-validator's executor doing the same checks, in the
 * same process on the same messages. The baseline is the decoder as it was: the same steps with `validateSync`
 * for the envelope and the payload.
 */
export interface DecodeBenchmarkResult {
  readonly messages: number;
  /** Microseconds per message, median of the rounds. */
  readonly plannedMicros: number;
  readonly classValidatorMicros: number;
  readonly jsonParseMicros: number;
  /** class-validator / planned: how many times faster. */
  readonly speedup: number;
}

const KAFKA_VALIDATION = { whitelist: true, forbidNonWhitelisted: false } as const;

/**
 * The decoder before ADR 21 for a well-formed message, for the baseline: the same steps with `validateSync` (the
 * input bounds left out, which the planned path pays, so the ratio errs against it).
 */
function decodeWithClassValidator(text: string, definition: EventDefinition): boolean {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const { data, ...fields } = parsed;
  const envelope = plainToInstance(EventEnvelopeSchema, fields);
  envelope.data = data as Record<string, unknown>;
  if (validateSync(envelope, KAFKA_VALIDATION).length > 0) return false;
  const payload = plainToInstance(definition.payload, data);
  return validateSync(payload, KAFKA_VALIDATION).length === 0;
}

function messages(count: number): string[] {
  const factories = [aValidProfessionalClaim, aValidInstitutionalClaim, aValidPharmacyClaim];
  return Array.from({ length: count }, (_, index) => {
    const factory = factories[index % factories.length] ?? aValidProfessionalClaim;
    const claim = factory({ claimId: `CLM-BENCH-${index}`, memberId: `M-BENCH-${index % 997}` });
    return JSON.stringify({
      id: randomUUID(),
      type: 'claim-received',
      version: 1,
      occurredAt: '2026-03-01T10:00:00.000Z',
      source: 'claims-intake',
      subject: claim.memberId,
      correlationId: claim.claimId,
      causationId: randomUUID(),
      data: { claim, intakeChannel: 'kafka', receivedAt: '2026-03-01T10:00:00.000Z' },
    });
  });
}

function microsPerMessage(texts: readonly string[], decode: (text: string) => boolean): number {
  const started = process.hrtime.bigint();
  for (const text of texts) if (!decode(text)) throw new Error('a benchmark message did not decode');
  return Number(process.hrtime.bigint() - started) / 1000 / texts.length;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export function runDecodeBenchmark(options: { messages: number; rounds?: number }): DecodeBenchmarkResult {
  const texts = messages(options.messages);
  const first = decodeEvent(texts[0] ?? '');
  if (!first.ok) throw new Error(`the benchmark message does not decode: ${first.reason}`);
  const { definition } = first;
  const planned = (text: string): boolean => decodeEvent(text).ok;
  const reference = (text: string): boolean => decodeWithClassValidator(text, definition);
  const parse = (text: string): boolean => typeof JSON.parse(text) === 'object';
  // Warm both paths (the JIT, the plans, class-validator's caches) before measuring.
  microsPerMessage(texts.slice(0, 2000), planned);
  microsPerMessage(texts.slice(0, 2000), reference);
  const rounds = options.rounds ?? 5;
  const plannedRuns: number[] = [];
  const referenceRuns: number[] = [];
  const parseRuns: number[] = [];
  // Interleaved rounds, so a busy moment of the machine falls on both paths alike.
  for (let round = 0; round < rounds; round += 1) {
    referenceRuns.push(microsPerMessage(texts, reference));
    plannedRuns.push(microsPerMessage(texts, planned));
    parseRuns.push(microsPerMessage(texts, parse));
  }
  const plannedMicros = median(plannedRuns);
  const classValidatorMicros = median(referenceRuns);
  return {
    messages: texts.length,
    plannedMicros,
    classValidatorMicros,
    jsonParseMicros: median(parseRuns),
    speedup: classValidatorMicros / plannedMicros,
  };
}
