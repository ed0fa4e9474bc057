import { Inject, Injectable } from '@nestjs/common';
import type { IntakeChannel } from '@care/contracts';
import { Counter, Registry } from 'prom-client';
import type { ClaimIntakeOutcome } from './use-cases/intake-claims/intake-claims.use-case';

/** Claims in, by channel and outcome, counted once their transaction committed (labels carry no ids). */
@Injectable()
export class ClaimIntakeMetrics {
  private readonly claims: Counter<'channel' | 'outcome'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.claims = new Counter({
      name: 'care_claims_intake_total',
      help: 'Claims submitted to claims-intake, by channel (http, file, kafka) and outcome (accepted, duplicate, conflict)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    });
  }

  count(channel: IntakeChannel, outcomes: readonly ClaimIntakeOutcome[]): void {
    for (const outcome of outcomes) this.claims.inc({ channel, outcome: outcome.status });
  }
}
