import type { AlertAudience } from '@care/contracts';
import type { EntityManager } from 'typeorm';
import type { AlertDecision } from '../alerts/decide-alerts';

/** An open gap occurrence as stored. */
export interface OpenGap {
  readonly gapId: string;
  readonly memberId: string;
  readonly ruleId: string;
  readonly openedOn: string;
}

export const gapKey = (memberId: string, ruleId: string): string => `${memberId}\u0000${ruleId}`;

/** Open gaps of these members, keyed by {@link gapKey}. */
export async function loadOpenGaps(
  manager: EntityManager,
  memberIds: readonly string[],
): Promise<Map<string, OpenGap>> {
  if (memberIds.length === 0) return new Map();
  const rows = await manager.query<
    Array<{ gap_id: string; member_id: string; rule_id: string; opened_on: string }>
  >(
    `SELECT gap_id, member_id, rule_id, opened_on::text AS opened_on FROM gaps
      WHERE member_id = ANY($1::text[]) AND status = 'open'`,
    [[...new Set(memberIds)]],
  );
  return new Map(
    rows.map((row) => [
      gapKey(row.member_id, row.rule_id),
      { gapId: row.gap_id, memberId: row.member_id, ruleId: row.rule_id, openedOn: row.opened_on },
    ]),
  );
}

/** Audiences alerted per member and rule since `since`, keyed by {@link gapKey}. */
export async function loadRecentAlerts(
  manager: EntityManager,
  memberIds: readonly string[],
  since: Date,
): Promise<Map<string, Set<AlertAudience>>> {
  const recent = new Map<string, Set<AlertAudience>>();
  if (memberIds.length === 0) return recent;
  const rows = await manager.query<Array<{ member_id: string; rule_id: string; audience: AlertAudience }>>(
    `SELECT DISTINCT member_id, rule_id, audience FROM gap_alerts
      WHERE member_id = ANY($1::text[]) AND status = 'issued' AND created_at >= $2`,
    [[...new Set(memberIds)], since],
  );
  for (const row of rows) {
    const key = gapKey(row.member_id, row.rule_id);
    recent.set(key, (recent.get(key) ?? new Set()).add(row.audience));
  }
  return recent;
}

export interface NewGap {
  readonly gapId: string;
  readonly memberId: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  /** The code set release the rule decided with. */
  readonly codeSetRelease: string;
  readonly reason: string;
  readonly openedOn: string;
  readonly detectedAt: string;
  readonly evidence: object;
  readonly providerNpi: string | null;
}

export async function insertGaps(manager: EntityManager, gaps: readonly NewGap[]): Promise<void> {
  if (gaps.length === 0) return;
  await manager.query(
    `INSERT INTO gaps (gap_id, member_id, rule_id, rule_version, code_set_release, status, reason, opened_on, detected_at,
                       evidence, provider_npi)
     SELECT r.gap_id, r.member_id, r.rule_id, r.rule_version, r.code_set_release, 'open', r.reason, r.opened_on,
            r.detected_at, r.evidence, r.provider_npi
       FROM jsonb_to_recordset($1::jsonb) AS r(gap_id uuid, member_id text, rule_id text, rule_version text,
            code_set_release text, reason text, opened_on date, detected_at timestamptz, evidence jsonb, provider_npi text)`,
    [
      JSON.stringify(
        gaps.map((gap) => ({
          gap_id: gap.gapId,
          member_id: gap.memberId,
          rule_id: gap.ruleId,
          rule_version: gap.ruleVersion,
          code_set_release: gap.codeSetRelease,
          reason: gap.reason,
          opened_on: gap.openedOn,
          detected_at: gap.detectedAt,
          evidence: gap.evidence,
          provider_npi: gap.providerNpi,
        })),
      ),
    ],
  );
}

export async function closeGaps(
  manager: EntityManager,
  closures: ReadonlyArray<{ gapId: string; reason: string; closingClaimIds: readonly string[] }>,
  closedAt: Date,
  codeSetRelease: string,
): Promise<void> {
  if (closures.length === 0) return;
  await manager.query(
    `UPDATE gaps AS g SET status = 'closed', closed_at = $2, close_reason = r.reason, closing_claim_ids = r.claim_ids,
                          close_code_set_release = $3
       FROM jsonb_to_recordset($1::jsonb) AS r(gap_id uuid, reason text, claim_ids text[])
      WHERE g.gap_id = r.gap_id AND g.status = 'open'`,
    [
      JSON.stringify(
        closures.map((closure) => ({
          gap_id: closure.gapId,
          reason: closure.reason,
          claim_ids: closure.closingClaimIds,
        })),
      ),
      closedAt,
      codeSetRelease,
    ],
  );
}

/** An alert decided for a gap being opened, issued or suppressed. */
export interface NewAlert {
  readonly alertId: string;
  readonly gapId: string;
  readonly memberId: string;
  readonly ruleId: string;
  /** The version of the rule that opened the gap, and the code set release it decided with. */
  readonly ruleVersion: string;
  readonly codeSetRelease: string;
  readonly decision: AlertDecision;
}

export async function insertAlerts(
  manager: EntityManager,
  alerts: readonly NewAlert[],
  at: Date,
): Promise<void> {
  if (alerts.length === 0) return;
  await manager.query(
    `INSERT INTO gap_alerts (alert_id, gap_id, member_id, rule_id, rule_version, code_set_release, audience, channel,
                             provider_npi, status, reason, created_at)
     SELECT r.alert_id, r.gap_id, r.member_id, r.rule_id, r.rule_version, r.code_set_release, r.audience, r.channel,
            r.provider_npi, r.status, r.reason, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(alert_id uuid, gap_id uuid, member_id text, rule_id text,
            rule_version text, code_set_release text, audience text, channel text, provider_npi text, status text,
            reason text)
     ON CONFLICT (gap_id, audience) DO NOTHING`,
    [
      JSON.stringify(
        alerts.map((alert) => ({
          alert_id: alert.alertId,
          gap_id: alert.gapId,
          member_id: alert.memberId,
          rule_id: alert.ruleId,
          rule_version: alert.ruleVersion,
          code_set_release: alert.codeSetRelease,
          audience: alert.decision.audience,
          channel: alert.decision.channel,
          provider_npi: alert.decision.providerNpi,
          status: alert.decision.status,
          reason: alert.decision.reason,
        })),
      ),
      at,
    ],
  );
}

/** Sets each member's next review day (one row per member). */
export async function saveReviews(
  manager: EntityManager,
  reviews: ReadonlyArray<{ memberId: string; reviewOn: string }>,
): Promise<void> {
  if (reviews.length === 0) return;
  await manager.query(
    `INSERT INTO gap_reviews (member_id, review_on) SELECT * FROM unnest($1::text[], $2::date[])
     ON CONFLICT (member_id) DO UPDATE SET review_on = EXCLUDED.review_on
     WHERE gap_reviews.review_on IS DISTINCT FROM EXCLUDED.review_on`,
    [reviews.map((review) => review.memberId), reviews.map((review) => review.reviewOn)],
  );
}
