import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { CLOCK, dayOf, IntervalJob, type Clock } from '@care/observability';
import { deleteInChunks, forEachKeyPage, runExclusively } from '@care/persistence';
import { DataSource } from 'typeorm';
import { EvaluateGapsUseCase } from '../evaluation/evaluate-gaps.use-case';
import { lockGapMembers, pruneGapClaims } from '../evidence/gap-claim.repository';
import { GapMetrics } from '../gap.metrics';
import { GAP_OPTIONS, type GapOptions } from '../gap.options';
import { adoptGapRuleCatalog } from './adopt-gap-rule-catalog';

/** What one run of the daily review did. */
export interface GapReviewSummary {
  readonly asOf: string;
  /** False when another instance was running it. */
  readonly ran: boolean;
  /** True when this run adopted a new gap-rule catalog version (every evaluated member was made due). */
  readonly catalogChanged: boolean;
  readonly membersEvaluated: number;
  readonly opened: number;
  readonly closed: number;
  readonly claimsPruned: number;
}

const JOB = 'care-gaps:daily-review';
const PRUNE_CHUNK = 10000;

/**
 * Gaps change as time passes (a refill falls due, the measurement year turns and every window with it), so every
 * evaluated member carries `review_on`, the next day one of their gaps may change without a new claim. A timer
 * re-evaluates only the members due (an index range scan, cheap when none is), then prunes claims no window reaches.
 * A new gap-rule catalog version first makes every evaluated member due (`adoptGapRuleCatalog`). One instance at a
 * time (session advisory lock).
 */
@Injectable()
export class DailyGapReviewService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DailyGapReviewService.name);
  private readonly job = new IntervalJob(
    () => this.runDue(),
    (message) => this.logger.error(`daily gap review failed: ${message}`),
  );

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(EvaluateGapsUseCase) private readonly evaluate: EvaluateGapsUseCase,
    @Inject(GapMetrics) private readonly metrics: GapMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GAP_OPTIONS) private readonly options: GapOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.scheduleReview) this.job.start(this.options.reviewIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  /** Re-evaluates every member due today (or earlier) and prunes claims no window reaches. */
  async runDue(): Promise<GapReviewSummary> {
    const asOf = dayOf(this.clock.now());
    const summary = await runExclusively(this.dataSource, JOB, () => this.review(asOf));
    return (
      summary ?? {
        asOf,
        ran: false,
        catalogChanged: false,
        membersEvaluated: 0,
        opened: 0,
        closed: 0,
        claimsPruned: 0,
      }
    );
  }

  private async review(asOf: string): Promise<GapReviewSummary> {
    const catalogChanged = await this.dataSource.transaction((manager) =>
      adoptGapRuleCatalog(manager, this.evaluate.catalog.version, asOf),
    );
    let opened = 0;
    let closed = 0;
    const membersEvaluated = await forEachKeyPage(
      this.dataSource,
      this.options.reviewPageSize,
      async (manager, cursor, limit) =>
        (
          await manager.query<Array<{ member_id: string }>>(
            `SELECT member_id FROM gap_reviews WHERE review_on <= $1::date AND member_id > $2
              ORDER BY member_id LIMIT $3`,
            [asOf, cursor, limit],
          )
        ).map((row) => row.member_id),
      async (manager, memberIds) => {
        await lockGapMembers(manager, memberIds);
        const outcome = await this.evaluate.execute(
          manager,
          memberIds.map((memberId) => ({ memberId, trigger: 'review' as const })),
          this.clock.now(),
        );
        await stageEvents(manager, outcome.events);
        return outcome;
      },
      (outcome) => {
        opened += outcome.opened.length;
        closed += outcome.closed.length;
        this.metrics.record(outcome);
        if (outcome.events.length > 0) this.messaging.published();
      },
    );
    const claimsPruned = await deleteInChunks(this.dataSource, PRUNE_CHUNK, (manager, limit) =>
      pruneGapClaims(manager, this.evaluate.claimWindow(asOf), limit),
    );
    if (membersEvaluated > 0 || claimsPruned > 0) {
      this.logger.log(
        `daily gap review as of ${asOf}: ${catalogChanged ? `catalog ${this.evaluate.catalog.version} adopted, ` : ''}${String(membersEvaluated)} members, ${String(opened)} opened, ${String(closed)} closed, ${String(claimsPruned)} claims pruned`,
      );
    }
    return { asOf, ran: true, catalogChanged, membersEvaluated, opened, closed, claimsPruned };
  }
}
