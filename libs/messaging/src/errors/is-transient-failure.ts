import { isTransientDatabaseError } from '@care/persistence';
import { TransientEventError } from './event-errors';

/**
 * True when a failure is worth retrying rather than dead-lettering: database or broker unavailable,
 * serialization conflicts, a TransientEventError. Anything else is treated as permanent for the event
 * that caused it (after the batch is split so one bad event cannot hold back the others).
 */
export function isTransientFailure(error: unknown): boolean {
  // Walks the cause chain; `seen` stops at a chain that loops (a.cause = b, b.cause = a), which would otherwise
  // overflow the stack inside the consumer's catch block and stall the partition.
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && !seen.has(current);) {
    seen.add(current);
    if (current instanceof TransientEventError) return true;
    if (isTransientDatabaseError(current)) return true;
    if (typeof current !== 'object' || current === null) return false;
    const record = current as { retriable?: unknown; name?: unknown; cause?: unknown };
    if (record.retriable === true) return true;
    if (
      typeof record.name === 'string' &&
      /^KafkaJS(Connection|RequestTimeout|NumberOfRetriesExceeded|BrokerNotFound|LockTimeout)/.test(
        record.name,
      )
    ) {
      return true;
    }
    current = record.cause;
  }
  return false;
}

/** A log- and header-safe description of a failure: its class and message, no stack, at most 500 characters. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return 'non-error value thrown';
}
