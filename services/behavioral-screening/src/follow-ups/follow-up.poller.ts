import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { describeFailure, MessagingRuntime, stageEvents } from '@care/messaging';
import { APP_LOGGER, CLOCK, type Clock } from '@care/observability';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ScreeningRequestMetrics } from '../requests/screening-request.metrics';
import { SCREENING_POLICY, type ScreeningPolicy } from '../shared/screening-policy';
import { FollowUpMetrics } from './follow-up.metrics';
import { EmitDueFollowUpsUseCase } from './use-cases/emit-due-follow-ups/emit-due-follow-ups.use-case';

/** Follow-ups emitted per transaction. */
export const FOLLOW_UP_BATCH_SIZE = 200;

/**
 * The in-process scheduler of follow-up PHQ-9s: every FOLLOW_UP_POLL_MS, on every instance, emits the follow-ups
 * that are due, a batch per transaction, until none is left. Safe with any number of replicas (rows are locked
 * with SKIP LOCKED); a failed round is logged and retried at the next tick. Stops before the messaging runtime
 * flushes the outbox at shutdown.
 */
@Injectable()
export class FollowUpPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly useCase: EmitDueFollowUpsUseCase;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(SCREENING_POLICY) private readonly policy: ScreeningPolicy,
    @Inject(FollowUpMetrics) private readonly metrics: FollowUpMetrics,
    @Inject(ScreeningRequestMetrics) private readonly requestMetrics: ScreeningRequestMetrics,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.useCase = new EmitDueFollowUpsUseCase(messaging.events, () => clock.now());
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts polling (again) every FOLLOW_UP_POLL_MS. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.running === undefined) this.schedule(); // else the round in progress schedules the next one
  }

  /** Stops polling and waits for a round in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * Emits every follow-up due now, a batch per transaction; returns how many. Public so several rounds can run at
   * once (as on several replicas) and so tests can trigger one.
   */
  async runOnce(): Promise<number> {
    let emitted = 0;
    for (;;) {
      const { events } = await this.dataSource.transaction(async (manager) => {
        const result = await this.useCase.execute(manager, FOLLOW_UP_BATCH_SIZE);
        await stageEvents(manager, result.events);
        return result;
      });
      if (events.length === 0) return emitted;
      emitted += events.length;
      this.messaging.published();
      this.metrics.count('requested', events.length);
      for (let index = 0; index < events.length; index += 1) this.requestMetrics.countRequested('phq-9', 'follow-up');
      if (events.length < FOLLOW_UP_BATCH_SIZE || this.stopped) return emitted;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce();
      void this.running
        .catch((error: unknown) => {
          this.logger.warn({ error: describeFailure(error) }, 'follow-up round failed; retrying at the next tick');
          return 0;
        })
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.policy.followUpPollMs);
    this.timer.unref();
  }
}
