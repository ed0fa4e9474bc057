import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { BUILT_IN_CODE_SET_RELEASE } from '@care/clinical';
import { CLOCK, dayOf, type Clock } from '@care/observability';
import { DataSource, type EntityManager } from 'typeorm';
import { EvaluateGapsUseCase } from '../evaluation/evaluate-gaps.use-case';
import { GAP_OPTIONS, type GapOptions } from '../gap.options';
import { reclassifyGapClaims } from './reclassify-gap-claims';

const LOCK = 'care-gaps:code-set-release';

/**
 * At start-up, adopts the code set release the service runs with (CODESETS_DIR): when it differs from the last
 * start's, the stored claims are reclassified with it, then every evaluated member is made due today, so the daily
 * review re-evaluates them and emits only the outcomes that differ, as for a new gap-rule catalog. The release is
 * recorded last, so a start that fails half-way does it again. Concurrent starts serialise on an advisory lock and
 * only the first does the work.
 */
@Injectable()
export class AdoptCodeSetReleaseService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdoptCodeSetReleaseService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EvaluateGapsUseCase) private readonly evaluate: EvaluateGapsUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GAP_OPTIONS) private readonly options: GapOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const release = this.evaluate.codeSets.id;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK]);
      const previous = await this.previousRelease(manager);
      if (previous === release) return;
      if (previous !== null) {
        const reclassified = await reclassifyGapClaims(
          this.dataSource,
          this.evaluate.rules,
          this.evaluate.codeSets,
          this.options.reviewPageSize,
        );
        const today = dayOf(this.clock.now());
        await manager.query('UPDATE gap_reviews SET review_on = $1::date WHERE review_on > $1::date', [
          today,
        ]);
        this.logger.log(
          `code sets ${previous} -> ${release}: ${String(reclassified)} stored claims reclassified, every evaluated member due ${today}`,
        );
      }
      await manager.query(
        `INSERT INTO gap_code_set_release (singleton, release_id) VALUES (true, $1)
         ON CONFLICT (singleton) DO UPDATE SET release_id = EXCLUDED.release_id, adopted_at = now()`,
        [release],
      );
    });
  }

  /** The recorded release; the built-in one for a database that ran before releases were recorded; null at first. */
  private async previousRelease(manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query<Array<{ release_id: string }>>(
      'SELECT release_id FROM gap_code_set_release',
    );
    if (row !== undefined) return row.release_id;
    const [review] = await manager.query<unknown[]>('SELECT 1 FROM gap_reviews LIMIT 1');
    return review === undefined ? null : BUILT_IN_CODE_SET_RELEASE.id;
  }
}
