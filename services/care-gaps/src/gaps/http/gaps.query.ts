import { Inject, Injectable } from '@nestjs/common';
import type { GapEvaluation } from '@care/clinical';
import { CLOCK, dayOf, type Clock } from '@care/observability';
import { DataSource } from 'typeorm';
import { EvaluateGapsUseCase } from '../evaluation/evaluate-gaps.use-case';

/** A gap occurrence as the API shows it. */
export interface GapView {
  readonly gapId: string;
  readonly memberId: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  /** The code set release the gap was opened with, beside the rule version; null for gaps from before issue 21. */
  readonly codeSetRelease: string | null;
  readonly status: 'open' | 'closed';
  readonly reason: string;
  readonly openedOn: string;
  readonly detectedAt: string;
  readonly evidence: object;
  readonly providerNpi: string | null;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  /** The code set release the gap was closed with; null while open and for closures from before issue 21. */
  readonly closeCodeSetRelease: string | null;
  readonly closingClaimIds: readonly string[];
  readonly alerts: ReadonlyArray<{
    audience: string;
    status: string;
    channel: string | null;
    reason: string | null;
  }>;
}

export interface GapPage {
  readonly items: readonly GapView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

interface GapRow {
  gap_id: string;
  member_id: string;
  rule_id: string;
  rule_version: string;
  code_set_release: string | null;
  status: 'open' | 'closed';
  reason: string;
  opened_on: string;
  detected_at: Date;
  evidence: object;
  provider_npi: string | null;
  closed_at: Date | null;
  close_reason: string | null;
  close_code_set_release: string | null;
  closing_claim_ids: string[];
  alerts: GapView['alerts'] | null;
}

const SELECT_GAPS = `
  SELECT g.gap_id, g.member_id, g.rule_id, g.rule_version, g.code_set_release, g.status, g.reason,
         g.opened_on::text AS opened_on, g.detected_at, g.evidence, g.provider_npi, g.closed_at, g.close_reason,
         g.close_code_set_release, g.closing_claim_ids,
         (SELECT json_agg(json_build_object('audience', a.audience, 'status', a.status, 'channel', a.channel,
                                            'reason', a.reason) ORDER BY a.audience)
            FROM gap_alerts a WHERE a.gap_id = g.gap_id) AS alerts
    FROM gaps g`;

const viewOf = (row: GapRow): GapView => ({
  gapId: row.gap_id,
  memberId: row.member_id,
  ruleId: row.rule_id,
  ruleVersion: row.rule_version,
  codeSetRelease: row.code_set_release,
  status: row.status,
  reason: row.reason,
  openedOn: row.opened_on,
  detectedAt: row.detected_at.toISOString(),
  evidence: row.evidence,
  providerNpi: row.provider_npi,
  closedAt: row.closed_at?.toISOString() ?? null,
  closeReason: row.close_reason,
  closeCodeSetRelease: row.close_code_set_release,
  closingClaimIds: row.closing_claim_ids,
  alerts: row.alerts ?? [],
});

/** Reads gaps: no write, no event. */
@Injectable()
export class GapsQuery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EvaluateGapsUseCase) private readonly evaluate: EvaluateGapsUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A member's gaps (open and closed, newest first) and today's evaluation of every rule they are eligible for. */
  async forMember(memberId: string): Promise<{
    memberId: string;
    asOf: string;
    onRoster: boolean;
    gaps: GapView[];
    evaluations: GapEvaluation[];
  }> {
    const now = this.clock.now();
    const rows = await this.dataSource.query<GapRow[]>(
      `${SELECT_GAPS} WHERE g.member_id = $1 ORDER BY g.detected_at DESC, g.gap_id`,
      [memberId],
    );
    const { facts, evaluations } = await this.evaluate.evaluateMember(this.dataSource.manager, memberId, now);
    return {
      memberId,
      asOf: dayOf(now),
      onRoster: facts !== undefined,
      gaps: rows.map(viewOf),
      evaluations: evaluations.filter((evaluation) => evaluation.eligible),
    };
  }

  /** Gaps filtered by rule, status and doctor, in gap-id order (keyset paging). */
  async list(filter: {
    rule?: string;
    status?: 'open' | 'closed';
    provider?: string;
    cursor?: string;
    limit?: number;
  }): Promise<GapPage> {
    const limit = filter.limit ?? 100;
    const rows = await this.dataSource.query<GapRow[]>(
      `${SELECT_GAPS}
        WHERE ($1::text IS NULL OR g.rule_id = $1) AND ($2::text IS NULL OR g.status = $2)
          AND ($3::text IS NULL OR g.provider_npi = $3) AND ($4::uuid IS NULL OR g.gap_id > $4)
        ORDER BY g.gap_id LIMIT $5`,
      [filter.rule ?? null, filter.status ?? null, filter.provider ?? null, filter.cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map(viewOf);
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.gapId ?? null) : null };
  }
}
