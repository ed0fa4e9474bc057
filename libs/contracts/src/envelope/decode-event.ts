import { EventEnvelopeSchema, type EventEnvelope } from './event-envelope';
import { findEventDefinition, knownVersionsOf, type EventDefinition } from './event-definition';
import { transformAndValidate } from './planned-validation';
import { checkInputBounds, DEFAULT_INPUT_BOUNDS, type InputBounds } from './input-bounds';
import { describeIssues, toValidationIssues, type ValidationIssue } from './validation-issues';

/** Why a message can never be processed; each code is a permanent failure that goes to the dead-letter topic. */
export type DecodeErrorCode =
  | 'unparseable'
  | 'out-of-bounds'
  | 'invalid-envelope'
  | 'unexpected-type'
  | 'unknown-type'
  | 'unknown-version'
  | 'invalid-payload';

export type DecodeResult =
  | { readonly ok: true; readonly envelope: EventEnvelope<object>; readonly definition: EventDefinition }
  | {
      readonly ok: false;
      readonly code: DecodeErrorCode;
      readonly reason: string;
      readonly eventId?: string;
    };

/**
 * Options for validating payloads that arrive over Kafka. Unknown fields are stripped, not rejected:
 * additive changes keep the version, so a consumer must tolerate fields newer than itself.
 */
const KAFKA_VALIDATION = { whitelist: true, forbidNonWhitelisted: false } as const;
const KAFKA = { unknownFields: 'strip', validatorOptions: KAFKA_VALIDATION } as const;

/**
 * Parses and validates one message value: JSON, then the input bounds (depth, array and string lengths, no NUL,
 * no prototype keys), then the envelope, then the payload class registered for (type, version). `expectedTypes`
 * (if given) lists the types allowed on the topic being read.
 */
export function decodeEvent(
  value: Buffer | string | null,
  expectedTypes?: readonly string[],
  bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
): DecodeResult {
  if (value === null) return { ok: false, code: 'unparseable', reason: 'message has no value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    return { ok: false, code: 'unparseable', reason: 'message value is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, code: 'invalid-envelope', reason: 'message value is not a JSON object' };
  }
  // Bounds before any transformation or validation: both recurse, and their work must stay linear and bounded.
  const boundIssues = checkInputBounds(parsed, bounds);
  if (boundIssues.length > 0) {
    const id = (parsed as Record<string, unknown>)['id'];
    return withId(
      { ok: false, code: 'out-of-bounds', reason: describeIssues(boundIssues) },
      typeof id === 'string' && id.length <= 64 && !id.includes('\u0000') ? id : undefined,
    );
  }
  // The payload is transformed once, by its own class below; the envelope class only needs the raw object.
  const { data, ...fields } = parsed as Record<string, unknown>;
  const checked = transformAndValidate(EventEnvelopeSchema, fields, KAFKA, (instance) => {
    instance.data = data as Record<string, unknown>;
  });
  const envelope = checked.value;
  const envelopeIssues = checked.ok ? [] : toValidationIssues(checked.errors);
  const eventId = typeof envelope.id === 'string' ? envelope.id : undefined;
  if (envelopeIssues.length > 0) {
    return withId({ ok: false, code: 'invalid-envelope', reason: describeIssues(envelopeIssues) }, eventId);
  }
  if (expectedTypes !== undefined && !expectedTypes.includes(envelope.type)) {
    return withId(
      { ok: false, code: 'unexpected-type', reason: `type ${envelope.type} is not expected on this topic` },
      eventId,
    );
  }
  const definition = findEventDefinition(envelope.type, envelope.version);
  if (definition === undefined) {
    const known = knownVersionsOf(envelope.type);
    return known.length === 0
      ? withId({ ok: false, code: 'unknown-type', reason: `unknown event type ${envelope.type}` }, eventId)
      : withId(
          {
            ok: false,
            code: 'unknown-version',
            reason: `unknown version ${envelope.version} of ${envelope.type} (known: ${known.join(', ')})`,
          },
          eventId,
        );
  }
  const payloadResult = validatePayload(definition, envelope.data);
  if (!payloadResult.ok) {
    return withId(
      { ok: false, code: 'invalid-payload', reason: describeIssues(payloadResult.issues) },
      eventId,
    );
  }
  return {
    ok: true,
    definition,
    envelope: { ...envelope, causationId: envelope.causationId ?? null, data: payloadResult.payload },
  };
}

/** Validates a plain payload against its class; used by the decoder and by producers before writing. */
export function validatePayload<TData extends object>(
  definition: EventDefinition<TData>,
  data: unknown,
): { ok: true; payload: TData } | { ok: false; issues: ValidationIssue[] } {
  // Planned for the valid payloads; class-validator names what is wrong with the others (ADR 21).
  const checked = transformAndValidate(definition.payload, data, KAFKA);
  return checked.ok
    ? { ok: true, payload: checked.value }
    : { ok: false, issues: toValidationIssues(checked.errors) };
}

function withId(
  result: { ok: false; code: DecodeErrorCode; reason: string },
  eventId: string | undefined,
): DecodeResult {
  return eventId === undefined ? result : { ...result, eventId };
}
