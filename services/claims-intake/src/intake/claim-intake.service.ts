import { Inject, Injectable } from '@nestjs/common';
import type { ClaimSubmission, IntakeChannel } from '@care/contracts';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { DataSource } from 'typeorm';
import { ClaimIntakeMetrics } from './claim-intake.metrics';
import {
  IntakeClaimsUseCase,
  type ClaimIntakeOutcome,
} from './use-cases/intake-claims/intake-claims.use-case';

/** Runs claim intake for HTTP and file callers in its own transaction, then wakes the outbox relay. */
@Injectable()
export class ClaimIntakeService {
  private readonly useCase: IntakeClaimsUseCase;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(ClaimIntakeMetrics) private readonly metrics: ClaimIntakeMetrics,
  ) {
    this.useCase = new IntakeClaimsUseCase(messaging.events);
  }

  get intakeClaims(): IntakeClaimsUseCase {
    return this.useCase;
  }

  get intakeMetrics(): ClaimIntakeMetrics {
    return this.metrics;
  }

  async intake(claims: readonly ClaimSubmission[], channel: IntakeChannel): Promise<ClaimIntakeOutcome[]> {
    if (claims.length === 0) return [];
    const { outcomes, events } = await this.dataSource.transaction(async (manager) => {
      const result = await this.useCase.execute(manager, claims, channel);
      await stageEvents(manager, result.events);
      return result;
    });
    if (events.length > 0) this.messaging.published();
    this.metrics.count(channel, outcomes);
    return outcomes;
  }
}
