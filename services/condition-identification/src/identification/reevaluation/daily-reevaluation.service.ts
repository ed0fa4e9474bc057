import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { evidenceLookbackMonths, referencePeriodStart } from '@care/clinical';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { DataSource } from 'typeorm';
import { CONDITION_IDENTIFICATION_OPTIONS, type IdentificationOptions } from '../identification.options';
import { CLOCK, dayOf, IntervalJob, type Clock } from '@care/observability';
import { EvaluateMembersUseCase, type EvaluationRequest } from '../evaluation/evaluate-members.use-case';
import { deleteInChunks, forEachKeyPage, runExclusively } from '@care/persistence';
import { lockMembers, pruneEvidence } from '../evidence/evidence.repository';
import { IdentificationMetrics } from '../identification.metrics';

/** What one run of the daily re-evaluation did. */
export interface ReevaluationSummary {
  readonly asOf: string;
  /** False when another instance was running it. */
  readonly ran: boolean;
  readonly membersEvaluated: number;
  readonly identified: number;
  readonly retracted: number;
  readonly evidenceRowsPruned: number;
}

const JOB = 'condition-identification:daily-reevaluation';
const PRUNE_CHUNK = 10000;

/**
 * The daily re-evaluation: evidence ages out of reference periods with no new claim, so every member-condition that
 * is identified or excluded carries `review_on`, the next day some of its evidence leaves its period. A timer looks
 * for due rows (an index range scan, cheap when nothing is due) and re-evaluates only those, then prunes evidence
 * older than the longest look-back. Only one instance runs it at a time.
 */
@Injectable()
export class DailyReevaluationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DailyReevaluationService.name);
  private readonly job = new IntervalJob(
    () => this.runDue(),
    (message) => this.logger.error(`daily re-evaluation failed: ${message}`),
  );

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(EvaluateMembersUseCase) private readonly evaluate: EvaluateMembersUseCase,
    @Inject(IdentificationMetrics) private readonly metrics: IdentificationMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONDITION_IDENTIFICATION_OPTIONS) private readonly options: IdentificationOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.scheduleReevaluation) this.job.start(this.options.reevaluationIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }


  /** Re-evaluates every member-condition due today (or earlier) and prunes expired evidence. */
  async runDue(): Promise<ReevaluationSummary> {
    const asOf = dayOf(this.clock.now());
    const summary = await runExclusively(this.dataSource, JOB, () => this.reevaluate(asOf));
    return summary ?? { asOf, ran: false, membersEvaluated: 0, identified: 0, retracted: 0, evidenceRowsPruned: 0 };
  }

  private async reevaluate(asOf: string): Promise<ReevaluationSummary> {
    let identified = 0;
    let retracted = 0;
    const membersEvaluated = await forEachKeyPage(
      this.dataSource,
      this.options.reevaluationPageSize,
      async (manager, cursor, limit) =>
        (
          await manager.query<Array<{ member_id: string }>>(
            `SELECT DISTINCT member_id FROM member_conditions WHERE review_on <= $1::date AND member_id > $2
              ORDER BY member_id LIMIT $3`,
            [asOf, cursor, limit],
          )
        ).map((row) => row.member_id),
      async (manager, memberIds) => {
        await lockMembers(manager, memberIds);
        const due = await manager.query<Array<{ member_id: string; condition_ids: string[] }>>(
          `SELECT member_id, array_agg(condition_id ORDER BY condition_id) AS condition_ids
             FROM member_conditions WHERE review_on <= $1::date AND member_id = ANY($2::text[])
            GROUP BY member_id`,
          [asOf, memberIds],
        );
        const requests: EvaluationRequest[] = due.map((row) => ({
          memberId: row.member_id,
          ruleIds: row.condition_ids,
          trigger: 'reevaluation',
        }));
        const outcome = await this.evaluate.execute(manager, requests, this.clock.now());
        // A due row the catalog no longer has a rule for cannot be evaluated: stop reviewing it.
        await manager.query(
          `UPDATE member_conditions SET review_on = NULL
            WHERE member_id = ANY($1::text[]) AND review_on <= $2::date AND NOT (condition_id = ANY($3::text[]))`,
          [memberIds, asOf, this.evaluate.rules.map((rule) => rule.id)],
        );
        await stageEvents(manager, outcome.events);
        return outcome;
      },
      (outcome) => {
        identified += outcome.identified.length;
        retracted += outcome.retracted.length;
        this.metrics.record(outcome);
        if (outcome.events.length > 0) this.messaging.published();
      },
    );
    const evidenceRowsPruned = await this.prune(asOf);
    if (membersEvaluated > 0 || evidenceRowsPruned > 0) {
      this.logger.log(
        `daily re-evaluation as of ${asOf}: ${String(membersEvaluated)} members, ${String(retracted)} retracted, ${String(evidenceRowsPruned)} evidence rows pruned`,
      );
    }
    return { asOf, ran: true, membersEvaluated, identified, retracted, evidenceRowsPruned };
  }

  /** Deletes evidence dated a month before the longest look-back, in chunks (one short transaction each). */
  private prune(asOf: string): Promise<number> {
    const before = referencePeriodStart(asOf, evidenceLookbackMonths(this.evaluate.rules) + 1);
    return deleteInChunks(this.dataSource, PRUNE_CHUNK, (manager, limit) => pruneEvidence(manager, before, limit));
  }
}
