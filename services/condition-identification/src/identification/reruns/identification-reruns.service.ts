import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BUILT_IN_CODE_SET_RELEASE } from '@care/clinical';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@care/observability';
import { EvaluateMembersUseCase, type EvaluationOutcome } from '../evaluation/evaluate-members.use-case';
import { runExclusively } from '@care/persistence';
import { lockMembers } from '../evidence/evidence.repository';
import { IdentificationMetrics } from '../identification.metrics';
import { reclassifyStoredClaims } from './reclassify-stored-claims';
import { CONDITION_IDENTIFICATION_OPTIONS, type IdentificationOptions } from '../identification.options';

/** A re-run for everyone, as stored. */
export interface RerunStatus {
  readonly rerunId: string;
  readonly reason: string;
  readonly status: 'running' | 'completed';
  readonly membersEvaluated: number;
  readonly identified: number;
  readonly retracted: number;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** The differences a re-run for one member made. */
export interface MemberRerunResult {
  readonly memberId: string;
  readonly identified: readonly string[];
  readonly retracted: ReadonlyArray<{ conditionId: string; reason: string }>;
}

const JOB = 'condition-identification:reruns';

interface RerunRow {
  rerun_id: string;
  reason: string;
  status: 'running' | 'completed';
  cursor: string;
  members_evaluated: number;
  identified: number;
  retracted: number;
  created_at: Date;
  finished_at: Date | null;
}

const statusOf = (row: RerunRow): RerunStatus => ({
  rerunId: row.rerun_id,
  reason: row.reason,
  status: row.status,
  membersEvaluated: row.members_evaluated,
  identified: row.identified,
  retracted: row.retracted,
  createdAt: row.created_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
});

/**
 * Re-runs identification with every current rule and emits only the differences: a member who now meets a rule gets
 * `member-identified`, one who no longer does gets the retraction (reason `rule-changed`), everyone else nothing.
 * For one member it runs at once; for everyone it is a durable job that pages through members in key order,
 * committing its cursor with each page, so a restart resumes where it stopped. At start-up the rule versions are
 * compared with those of the last start; a difference starts a re-run for everyone (RERUN_ON_RULE_CHANGE). So does
 * another code set release than the last start's (CODESETS_DIR), after the stored claims were reclassified with it.
 */
@Injectable()
export class IdentificationRerunsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdentificationRerunsService.name);
  private worker: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(EvaluateMembersUseCase) private readonly evaluate: EvaluateMembersUseCase,
    @Inject(IdentificationMetrics) private readonly metrics: IdentificationMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONDITION_IDENTIFICATION_OPTIONS) private readonly options: IdentificationOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const codeSets = this.evaluate.codeSets;
    const previousRelease = await this.previousCodeSetRelease();
    if (previousRelease !== null && previousRelease !== codeSets.id) {
      const reclassified = await reclassifyStoredClaims(
        this.dataSource,
        this.evaluate.rules,
        codeSets,
        this.options.reevaluationPageSize,
      );
      this.logger.log(
        `code sets ${previousRelease} -> ${codeSets.id}: ${String(reclassified)} stored claims reclassified`,
      );
    }
    const changes = await this.recordRuleVersions();
    if (changes.length > 0 && this.options.rerunOnRuleChange) {
      const rerun = await this.startRerun(`rule versions changed: ${changes.join(', ')}`);
      this.logger.log(`rule versions changed (${changes.join(', ')}); re-run ${rerun.rerunId} started`);
    } else {
      this.kick();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker;
  }

  /** Re-runs every rule for one member now. */
  async rerunMember(memberId: string): Promise<MemberRerunResult> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      await lockMembers(manager, [memberId]);
      const result = await this.evaluate.execute(
        manager,
        [{ memberId, ruleIds: 'all', trigger: 'rerun' }],
        this.clock.now(),
      );
      await stageEvents(manager, result.events);
      return result;
    });
    this.afterPage(outcome);
    return {
      memberId,
      identified: outcome.identified.map((item) => item.conditionId),
      retracted: outcome.retracted.map((item) => ({ conditionId: item.conditionId, reason: item.reason })),
    };
  }

  /** Starts a re-run for everyone in the background. */
  async startRerun(reason: string): Promise<RerunStatus> {
    const [row] = await this.dataSource.query<RerunRow[]>(
      `INSERT INTO identification_reruns (rerun_id, reason, status) VALUES ($1, $2, 'running') RETURNING *`,
      [randomUUID(), reason],
    );
    this.kick();
    return statusOf(row);
  }

  async status(rerunId: string): Promise<RerunStatus | undefined> {
    const [row] = await this.dataSource.query<RerunRow[]>(
      'SELECT * FROM identification_reruns WHERE rerun_id = $1',
      [rerunId],
    );
    return row === undefined ? undefined : statusOf(row);
  }

  /** Resolves once no re-run is being worked on by this instance (tests and orderly shutdown). */
  async idle(): Promise<void> {
    await this.worker;
  }

  private kick(): void {
    this.worker = this.worker.then(() =>
      runExclusively(this.dataSource, JOB, () => this.work())
        .then(() => undefined)
        .catch((error: unknown) => {
          this.logger.error(
            `identification re-run failed: ${error instanceof Error ? error.message : 'unknown error'}`,
          );
        }),
    );
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const [rerun] = await this.dataSource.query<RerunRow[]>(
        `SELECT * FROM identification_reruns WHERE status = 'running' ORDER BY created_at LIMIT 1`,
      );
      if (rerun === undefined) return;
      await this.runPage(rerun);
    }
  }

  /** One page of members after the cursor, evaluated and committed with the advanced cursor. */
  private async runPage(rerun: RerunRow): Promise<void> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const members = await this.membersAfter(manager, rerun.cursor, this.options.reevaluationPageSize);
      await lockMembers(manager, members);
      const result = await this.evaluate.execute(
        manager,
        members.map((memberId) => ({ memberId, ruleIds: 'all' as const, trigger: 'rerun' as const })),
        this.clock.now(),
      );
      await stageEvents(manager, result.events);
      const done = members.length < this.options.reevaluationPageSize;
      await manager.query(
        `UPDATE identification_reruns
            SET cursor = $2, members_evaluated = members_evaluated + $3, identified = identified + $4,
                retracted = retracted + $5, status = $6, finished_at = CASE WHEN $6 = 'completed' THEN now() END
          WHERE rerun_id = $1`,
        [
          rerun.rerun_id,
          members.at(-1) ?? rerun.cursor,
          members.length,
          result.identified.length,
          result.retracted.length,
          done ? 'completed' : 'running',
        ],
      );
      return result;
    });
    this.afterPage(outcome);
  }

  /** Members with any evidence or condition state, in key order after `cursor`. */
  private async membersAfter(manager: EntityManager, cursor: string, limit: number): Promise<string[]> {
    const rows = await manager.query<Array<{ member_id: string }>>(
      `SELECT member_id FROM (
         (SELECT DISTINCT member_id FROM claim_evidence
           WHERE member_id > $1 AND rule_ids <> '{}' AND NOT voided ORDER BY member_id LIMIT $2)
         UNION
         (SELECT DISTINCT member_id FROM self_reported_evidence WHERE member_id > $1 ORDER BY member_id LIMIT $2)
         UNION
         (SELECT DISTINCT member_id FROM member_conditions WHERE member_id > $1 ORDER BY member_id LIMIT $2)
       ) AS members ORDER BY member_id LIMIT $2`,
      [cursor, limit],
    );
    return rows.map((row) => row.member_id);
  }

  private afterPage(outcome: EvaluationOutcome): void {
    this.metrics.record(outcome);
    if (outcome.events.length > 0) this.messaging.published();
  }

  /**
   * The code set release the last start ran with: the recorded one, the built-in one for a database that ran before
   * releases were recorded, null on a first start.
   */
  private async previousCodeSetRelease(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const [row] = await manager.query<Array<{ release_id: string }>>(
      'SELECT release_id FROM code_set_release',
    );
    if (row !== undefined) return row.release_id;
    const [rule] = await manager.query<unknown[]>('SELECT 1 FROM rule_versions LIMIT 1');
    return rule === undefined ? null : BUILT_IN_CODE_SET_RELEASE.id;
  }

  /**
   * Stores the current rule versions and code set release; returns "rule: old -> new" for each rule that differs
   * from the last start, and "code sets: old -> new" for another release.
   */
  private async recordRuleVersions(): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [JOB]);
      const previousRelease = await this.previousCodeSetRelease(manager);
      const release = this.evaluate.codeSets.id;
      await manager.query(
        `INSERT INTO code_set_release (singleton, release_id) VALUES (true, $1)
         ON CONFLICT (singleton) DO UPDATE SET release_id = EXCLUDED.release_id, recorded_at = now()
         WHERE code_set_release.release_id <> EXCLUDED.release_id`,
        [release],
      );
      const rows = await manager.query<Array<{ rule_id: string; version: string }>>(
        'SELECT rule_id, version FROM rule_versions',
      );
      const previous = new Map(rows.map((row) => [row.rule_id, row.version]));
      const rules = this.evaluate.rules;
      const changes =
        previous.size === 0
          ? []
          : [
              ...(previousRelease === null || previousRelease === release
                ? []
                : [`code sets: ${previousRelease} -> ${release}`]),
              ...rules
                .filter((rule) => previous.get(rule.id) !== rule.version)
                .map((rule) => `${rule.id}: ${previous.get(rule.id) ?? 'new'} -> ${rule.version}`),
              ...[...previous.keys()]
                .filter((ruleId) => !rules.some((rule) => rule.id === ruleId))
                .map((ruleId) => `${ruleId}: removed`),
            ];
      await manager.query('DELETE FROM rule_versions WHERE NOT (rule_id = ANY($1::text[]))', [
        rules.map((rule) => rule.id),
      ]);
      await manager.query(
        `INSERT INTO rule_versions (rule_id, version) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (rule_id) DO UPDATE SET version = EXCLUDED.version, recorded_at = now()
         WHERE rule_versions.version <> EXCLUDED.version`,
        [rules.map((rule) => rule.id), rules.map((rule) => rule.version)],
      );
      return changes;
    });
  }
}
