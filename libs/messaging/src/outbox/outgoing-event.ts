import { randomUUID } from 'node:crypto';
import { HEADERS, type EventDefinition, type EventEnvelope } from '@care/contracts';
import type { ReceivedEvent } from '../consumer/received-event';

/** An event ready for the outbox: its envelope, catalog topic, message key and headers. */
export interface OutgoingEvent {
  readonly topic: string;
  readonly key: string;
  readonly envelope: EventEnvelope<object>;
  readonly headers: Readonly<Record<string, string>>;
}

export interface NewEvent<TData extends object> {
  /** Member id (or other aggregate id); also the message key unless `key` is given. */
  readonly subject: string;
  readonly data: TData;
  readonly key?: string;
  /** The business instant; defaults to now. */
  readonly occurredAt?: Date | string;
  /** The event that directly caused this one: sets causation, correlation and trace context. */
  readonly causedBy?: ReceivedEvent;
  /** The id of the originating fact (e.g. the claim id); defaults to the cause's correlation id, else the event id. */
  readonly correlationId?: string;
  /** A fixed id makes re-staging the same fact detectable (the outbox has a unique event id). */
  readonly id?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_PARENT_ID = '0'.repeat(16);

/** Builds envelopes for one producing service. Payloads are typed by their event definition. */
export class EventFactory {
  constructor(readonly source: string) {}

  create<TData extends object>(definition: EventDefinition<TData>, init: NewEvent<TData>): OutgoingEvent {
    const id = init.id ?? randomUUID();
    const occurredAt =
      init.occurredAt === undefined ? new Date().toISOString() : new Date(init.occurredAt).toISOString();
    const correlationId = init.correlationId ?? init.causedBy?.envelope.correlationId ?? id;
    const envelope: EventEnvelope<TData> = {
      id,
      type: definition.type,
      version: definition.version,
      occurredAt,
      source: this.source,
      subject: init.subject,
      correlationId,
      causationId: init.causedBy?.envelope.id ?? null,
      data: init.data,
    };
    return {
      topic: definition.topic.name,
      key: init.key ?? init.subject,
      envelope,
      headers: {
        [HEADERS.eventId]: id,
        [HEADERS.type]: definition.type,
        [HEADERS.version]: String(definition.version),
        [HEADERS.correlationId]: correlationId,
        [HEADERS.traceparent]: childTraceparent(init.causedBy?.headers[HEADERS.traceparent]),
        [HEADERS.originTime]: originTimeOf(init.causedBy, occurredAt),
      },
    };
  }
}

/**
 * The originating fact's instant: inherited from the cause's header; for a cause from outside the platform (no
 * header) its own occurredAt; for a first fact, this event's occurredAt.
 */
function originTimeOf(causedBy: ReceivedEvent | undefined, occurredAt: string): string {
  if (causedBy === undefined) return occurredAt;
  return causedBy.headers[HEADERS.originTime] ?? causedBy.envelope.occurredAt;
}

/** W3C trace context: continue the parent's trace with a new span id, or start a new sampled trace. */
function childTraceparent(parent: string | undefined): string {
  // randomUUID draws from a buffered entropy pool; randomBytes would make a system call per event.
  const spanId = randomUUID().replace(/-/g, '').slice(16);
  const match = parent === undefined ? null : TRACEPARENT.exec(parent);
  // An all-zero trace id or parent id is invalid (W3C Trace Context 3.2.2.3): such a parent is ignored.
  if (match !== null && match[1] !== INVALID_TRACE_ID && match[2] !== INVALID_PARENT_ID)
    return `00-${match[1]}-${spanId}-${match[3]}`;
  return `00-${randomUUID().replace(/-/g, '')}-${spanId}-01`;
}
