/**
 * A failure that will never succeed for this event (a conflict, a rule violation). The consumer sends the
 * event to the dead-letter topic with `code` and `reason`; both must be free of PHI.
 */
export class PermanentEventError extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'PermanentEventError';
  }
}

/** A failure worth retrying (a dependency is briefly unavailable); never dead-lettered. */
export class TransientEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientEventError';
  }
}
