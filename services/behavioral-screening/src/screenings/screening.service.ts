import { Inject, Injectable } from '@nestjs/common';
import { MessagingRuntime, stageEvents, type HandlerContext } from '@care/messaging';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource } from 'typeorm';
import { FollowUpMetrics } from '../follow-ups/follow-up.metrics';
import { screeningMemberRepository } from '../members/persistence/screening-member.repository';
import type { RosterApplier } from '../members/handlers/keep-roster-and-score-held.handler';
import type { ScreeningMember } from '../members/screening-member';
import { ScreeningRequestMetrics } from '../requests/screening-request.metrics';
import { lockMembers } from '../shared/lock-members.util';
import { heldScreeningRepository } from './persistence/held-screening.repository';
import type { ScreeningResult } from './screening-result';
import { SCREENING_POLICY, type ScreeningPolicy } from '../shared/screening-policy';
import { ScreeningMetrics } from './screening.metrics';
import type { IncompleteScreening, ScreeningSubmission } from './submission/screening-submission';
import {
  RecordIncompleteScreeningUseCase,
  type RecordIncompleteOutcome,
} from './use-cases/record-incomplete/record-incomplete-screening.use-case';
import {
  CompleteScreeningUseCase,
  type CompleteScreeningOutcome,
} from './use-cases/complete-screening/complete-screening.use-case';

/** Runs a validated submission in its own transaction, wakes the outbox relay, and counts what committed. */
@Injectable()
export class ScreeningService implements RosterApplier {
  private readonly useCase: CompleteScreeningUseCase;
  private readonly incompleteUseCase: RecordIncompleteScreeningUseCase;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(SCREENING_POLICY) policy: ScreeningPolicy,
    @Inject(ScreeningMetrics) private readonly metrics: ScreeningMetrics,
    @Inject(ScreeningRequestMetrics) private readonly requestMetrics: ScreeningRequestMetrics,
    @Inject(FollowUpMetrics) private readonly followUpMetrics: FollowUpMetrics,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.useCase = new CompleteScreeningUseCase(messaging.events, policy, () => clock.now());
    this.incompleteUseCase = new RecordIncompleteScreeningUseCase(messaging.events, () => clock.now());
  }

  /** Stores an incomplete PHQ-9 with a self-harm answer and stages its safety signal, in one transaction. */
  async recordIncomplete(incomplete: IncompleteScreening): Promise<RecordIncompleteOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const result = await this.incompleteUseCase.execute(manager, incomplete);
      if (result.status === 'recorded') await stageEvents(manager, result.events);
      return result;
    });
    if (outcome.status === 'recorded') {
      this.messaging.published();
      this.metrics.countSafetySignal(incomplete.source);
    }
    return outcome;
  }

  async complete(submission: ScreeningSubmission): Promise<CompleteScreeningOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const result = await this.useCase.execute(manager, submission);
      if (result.status === 'accepted' || result.status === 'held') await stageEvents(manager, result.events);
      return result;
    });
    this.metrics.countSubmission(submission.source, outcome.status);
    if (outcome.status === 'held' && outcome.events.length > 0) {
      this.messaging.published();
      this.metrics.countSafetySignal(submission.source);
    }
    if (outcome.status === 'accepted') {
      this.messaging.published();
      this.metrics.countCompleted(outcome.result);
      if (outcome.result.requestedNext !== undefined)
        this.requestMetrics.countRequested('phq-9', 'positive-pre-screen');
      this.followUpMetrics.count('scheduled', outcome.followUpScheduled ? 1 : 0);
      this.followUpMetrics.count('cancelled', outcome.followUpsCancelled);
    }
    return outcome;
  }

  /**
   * Applies roster records in the consumer's transaction (members locked): keeps the latest facts of each member,
   * then scores the screenings held for the members now on the roster, staging their events.
   */
  async applyRoster(members: readonly ScreeningMember[], context: HandlerContext): Promise<void> {
    if (members.length === 0) return;
    await lockMembers(
      context.manager,
      members.map((member) => member.memberId),
    );
    await screeningMemberRepository.saveLatest(context.manager, members);
    const released: ScreeningResult[] = [];
    for (const held of await heldScreeningRepository.release(
      context.manager,
      members.map((member) => member.memberId),
    )) {
      const member = await screeningMemberRepository.find(context.manager, held.memberId);
      if (member === undefined) continue; // cannot happen: saved above
      const outcome = await this.useCase.releaseHeld(context.manager, held, member);
      if (outcome.status !== 'accepted') continue;
      await context.stage(outcome.events);
      released.push(outcome.result);
    }
    context.afterCommit(() => {
      for (const result of released) this.metrics.countCompleted(result);
      if (released.length > 0) this.messaging.published();
    });
  }
}
