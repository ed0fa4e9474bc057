import type { TopicDefinition } from '@care/contracts';
import type { EntityManager } from 'typeorm';
import type { OutgoingEvent } from '../outbox/outgoing-event';
import type { ReceivedEvent } from './received-event';

/** What a handler may do inside the consumer's transaction. */
export interface HandlerContext {
  /** The transaction: every effect goes through it so it commits (or not) with the inbox record. */
  readonly manager: EntityManager;
  /** Stages events in the outbox within the same transaction. */
  stage(events: readonly OutgoingEvent[]): Promise<void>;
  /**
   * Marks one event of the batch as never applicable (e.g. a conflicting resubmission) without failing the
   * others: it goes to the dead-letter topic and is not recorded as applied, so a replay after a fix applies it.
   * Its `code` and `reason` must be free of PHI.
   */
  reject(event: ReceivedEvent, code: string, reason: string): void;
  /** Runs `callback` once the transaction committed (metrics, wake-ups); never if it rolled back. */
  afterCommit(callback: () => void): void;
}

/**
 * A consumer: a name (the consumer group is `<prefix><service>.<name>`), the catalog topics it reads, and a
 * handler that applies a batch of new events (already decoded, validated and de-duplicated) in one transaction.
 * Throw PermanentEventError for an event that can never be applied; any other non-transient error is treated
 * the same way once the batch has been split to find the event that causes it.
 */
export interface EventConsumerDefinition {
  readonly name: string;
  readonly topics: readonly TopicDefinition[];
  readonly handle: (events: readonly ReceivedEvent[], context: HandlerContext) => Promise<void>;
  /** Start from the earliest offset when the group has none (default true: a new service reads history). */
  readonly fromBeginning?: boolean;
}
