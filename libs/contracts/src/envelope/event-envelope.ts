import { IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';

/**
 * CONTRACT: the JSON value of every Kafka message on the platform.
 * `data` is validated separately by the payload class registered for (`type`, `version`).
 */
export interface EventEnvelope<TData = unknown> {
  /** Unique event id (UUID); consumers de-duplicate on it. */
  readonly id: string;
  /** Event type, equal to the topic name for domain events. */
  readonly type: string;
  /** Payload schema version: additive changes keep it, breaking changes bump it. */
  readonly version: number;
  /** ISO-8601 instant of the business fact. */
  readonly occurredAt: string;
  /** Producing service (or external system). */
  readonly source: string;
  /** Member id, or the id of another aggregate for non-member events. */
  readonly subject: string;
  /** Id of the originating fact (e.g. the claim), carried through every derived event. */
  readonly correlationId: string;
  /** Id of the event that directly caused this one; null for a first fact. */
  readonly causationId: string | null;
  readonly data: TData;
}

/** Validation class for the envelope fields (the payload is checked by its own class). */
export class EventEnvelopeSchema {
  @IsUUID()
  id!: string;

  @IsString()
  @Length(1, 200)
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @Length(1, 100)
  source!: string;

  @IsString()
  @Length(1, 100)
  subject!: string;

  @IsString()
  @Length(1, 200)
  correlationId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  causationId!: string | null;

  @IsObject()
  data!: Record<string, unknown>;
}

/** Kafka header names. CONTRACT: ops tools and non-TypeScript consumers read them. */
export const HEADERS = {
  eventId: 'event-id',
  type: 'type',
  version: 'version',
  correlationId: 'correlation-id',
  traceparent: 'traceparent',
  /**
   * ISO instant of the originating fact (e.g. when intake received the claim), carried unchanged through every
   * derived event, so each consumer can measure end-to-end latency from the claim to its own effect.
   */
  originTime: 'origin-time',
  /** Set by the dead-letter writer. */
  dlqError: 'dlq-error',
  dlqErrorCode: 'dlq-error-code',
  dlqSourceTopic: 'dlq-source-topic',
  dlqSourcePartition: 'dlq-source-partition',
  dlqSourceOffset: 'dlq-source-offset',
  dlqConsumerGroup: 'dlq-consumer-group',
  dlqFailedAt: 'dlq-failed-at',
  /**
   * Set by the dead-letter writer when the original value (and headers) did not fit the dead-letter topic's
   * message size limit: the original size in bytes. The message itself stays readable at its source topic,
   * partition and offset for the source topic's retention.
   */
  dlqValueOmitted: 'dlq-value-omitted',
  /** Set by the ops tool when a dead letter is republished to its source topic. */
  replayOf: 'replay-of',
} as const;
