import { Injectable } from '@nestjs/common';

/** A named readiness check: resolves with details when ready, throws (with a PHI-free message) when not. */
export type ReadinessCheck = () => Promise<Record<string, unknown>>;

/** Modules register their readiness checks here (database, broker, outbox backlog...). */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): Array<[string, ReadinessCheck]> {
    return [...this.checks];
  }
}

/** A named liveness check: a PHI-free reason the process should be restarted, or undefined while it is fine. */
export type LivenessCheck = () => string | undefined;

/**
 * Modules register liveness checks here: what only a restart of the process can cure (a consumer that stays down).
 * `/health/live` answers 503 naming the failing checks; an orchestrator (or the local stack's supervisor) restarts.
 */
@Injectable()
export class LivenessRegistry {
  private readonly checks = new Map<string, LivenessCheck>();

  register(name: string, check: LivenessCheck): void {
    this.checks.set(name, check);
  }

  /** The failing checks and their reasons. */
  failing(): Record<string, string> {
    return Object.fromEntries(
      [...this.checks].flatMap(([name, check]) => {
        const reason = check();
        return reason === undefined ? [] : [[name, reason]];
      }),
    );
  }
}
