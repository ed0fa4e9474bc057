import type { EventDefinition, EventEnvelope } from '@care/contracts';

/** A decoded, validated event as a handler sees it, with where it came from. */
export interface ReceivedEvent<TData extends object = object> {
  readonly envelope: EventEnvelope<TData>;
  readonly definition: EventDefinition;
  /** Catalog topic name (without environment prefix). */
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** Broker timestamp (ms since epoch). */
  readonly timestamp: number;
  /**
   * SHA-256 of the message value: the inbox keeps it with the event id, so that a later message under the same id
   * is a re-delivery when it matches and an `event-id-conflict` when it does not.
   */
  readonly contentHash?: Buffer;
}

/** Narrows a received event to one definition's payload type after checking its type and version. */
export function isEventOf<TData extends object>(
  event: ReceivedEvent,
  definition: EventDefinition<TData>,
): event is ReceivedEvent<TData> {
  return event.envelope.type === definition.type && event.envelope.version === definition.version;
}
