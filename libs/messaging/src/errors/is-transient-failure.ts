import { isTransientDatabaseError } from '@care/persistence';
import { TransientEventError } from './event-errors';

/**
 * True when a failure is worth retrying rather than dead-lettering: database or broker unavailable,
 * serialization conflicts, a TransientEventError. Anything else is treated as permanent for the event
 * that caused it (after the batch is split so one bad event cannot hold back the others).
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof TransientEventError) return true;
  if (isTransientDatabaseError(error)) return true;
  if (typeof error === 'object' && error !== null) {
    const record = error as { retriable?: unknown; name?: unknown; cause?: unknown };
    if (record.retriable === true) return true;
    if (
      typeof record.name === 'string' &&
      /^KafkaJS(Connection|RequestTimeout|NumberOfRetriesExceeded|BrokerNotFound|LockTimeout)/.test(
        record.name,
      )
    ) {
      return true;
    }
    if (record.cause !== undefined && record.cause !== error) return isTransientFailure(record.cause);
  }
  return false;
}

/** A log- and header-safe description of a failure: its class and message, no stack, at most 500 characters. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return 'non-error value thrown';
}
