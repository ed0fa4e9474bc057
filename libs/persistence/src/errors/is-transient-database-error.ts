/**
 * True for database failures that may succeed when retried: lost or refused connections, the server shutting
 * down or out of resources, serialization failures and deadlocks. Constraint violations, syntax errors and bad
 * data are not transient.
 */
/**
 * TypeORM's errors for a transaction whose connection was taken away under it (the server restarted and the driver
 * released the connection): the transaction is gone, and running it again on a new connection may succeed. Found by
 * the fault proof: a PostgreSQL restart mid-batch dead-lettered a claim with the first of these.
 */
const LOST_CONNECTION_ERRORS = new Set([
  'QueryRunnerProviderAlreadyReleasedError',
  'QueryRunnerAlreadyReleasedError',
]);

export function isTransientDatabaseError(error: unknown, seen: Set<unknown> = new Set()): boolean {
  if (typeof error !== 'object' || error === null || seen.has(error)) return false;
  seen.add(error); // a driverError chain that loops back is walked once
  const record = error as { code?: unknown; driverError?: unknown; message?: unknown; name?: unknown };
  if (typeof record.name === 'string' && LOST_CONNECTION_ERRORS.has(record.name)) return true;
  if (record.driverError !== undefined && isTransientDatabaseError(record.driverError, seen)) return true;
  const code = typeof record.code === 'string' ? record.code : '';
  // SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57 operator intervention
  // (admin shutdown, cannot connect now), 40001 serialization failure, 40P01 deadlock.
  if (/^(08|53|57)/.test(code) || code === '40001' || code === '40P01') return true;
  // Node socket errors surface with these codes before any SQLSTATE exists.
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code))
    return true;
  const message = typeof record.message === 'string' ? record.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect/i.test(
    message,
  );
}
