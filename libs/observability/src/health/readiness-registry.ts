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
