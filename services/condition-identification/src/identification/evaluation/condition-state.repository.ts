import type { EntityManager } from 'typeorm';

export type ConditionStatus = 'identified' | 'excluded' | 'not-met';

/** A member's current state for one condition (rows exist once a member was identified or excluded). */
export interface ConditionState {
  readonly memberId: string;
  readonly conditionId: string;
  readonly status: ConditionStatus;
  readonly ruleVersion: string;
  /** The active identification (status identified) or the last one. */
  readonly identificationId: string | null;
  readonly reviewOn: string | null;
}

/** An identification as recorded when it was made. */
export interface IdentificationRecord {
  readonly identificationId: string;
  readonly memberId: string;
  readonly conditionId: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly catalogVersion: string;
  /** The code set release the rule decided with; null for identifications made before releases were recorded. */
  readonly codeSetRelease: string | null;
  readonly basis: string;
  readonly firstMetOn: string;
  readonly evidence: object;
  readonly trigger: string;
  readonly identifiedAt: string;
  readonly retractedAt: string | null;
  readonly retractionReason: string | null;
  /**
   * The rule version and code set release the retraction was decided with; null while not retracted and for
   * retractions recorded before they were.
   */
  readonly retractionRuleVersion: string | null;
  readonly retractionCodeSetRelease: string | null;
}

const stateKey = (memberId: string, conditionId: string): string => `${memberId}\u0000${conditionId}`;
export { stateKey as conditionStateKey };

interface StateRow {
  member_id: string;
  condition_id: string;
  status: ConditionStatus;
  rule_version: string;
  identification_id: string | null;
  review_on: string | null;
}

/** Current states of these members, keyed by {@link conditionStateKey}. */
export async function loadConditionStates(
  manager: EntityManager,
  memberIds: readonly string[],
): Promise<Map<string, ConditionState>> {
  if (memberIds.length === 0) return new Map();
  const rows = await manager.query<StateRow[]>(
    `SELECT member_id, condition_id, status, rule_version, identification_id, review_on::text AS review_on
       FROM member_conditions WHERE member_id = ANY($1::text[])`,
    [[...new Set(memberIds)]],
  );
  return new Map(
    rows.map((row) => [
      stateKey(row.member_id, row.condition_id),
      {
        memberId: row.member_id,
        conditionId: row.condition_id,
        status: row.status,
        ruleVersion: row.rule_version,
        identificationId: row.identification_id,
        reviewOn: row.review_on,
      },
    ]),
  );
}

/** Inserts or overwrites condition states, in one statement. */
export async function saveConditionStates(
  manager: EntityManager,
  states: readonly ConditionState[],
  updatedAt: Date,
): Promise<void> {
  if (states.length === 0) return;
  await manager.query(
    `INSERT INTO member_conditions (member_id, condition_id, status, rule_version, identification_id, review_on, updated_at)
     SELECT r.member_id, r.condition_id, r.status, r.rule_version, r.identification_id, r.review_on, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, condition_id text, status text, rule_version text,
            identification_id uuid, review_on date)
     ON CONFLICT (member_id, condition_id) DO UPDATE SET
       status = EXCLUDED.status, rule_version = EXCLUDED.rule_version, identification_id = EXCLUDED.identification_id,
       review_on = EXCLUDED.review_on, updated_at = EXCLUDED.updated_at`,
    [
      JSON.stringify(
        states.map((state) => ({
          member_id: state.memberId,
          condition_id: state.conditionId,
          status: state.status,
          rule_version: state.ruleVersion,
          identification_id: state.identificationId,
          review_on: state.reviewOn,
        })),
      ),
      updatedAt,
    ],
  );
}

/** Records new identifications, in one statement. */
export async function insertIdentifications(
  manager: EntityManager,
  records: readonly IdentificationRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await manager.query(
    `INSERT INTO identifications (identification_id, member_id, condition_id, rule_id, rule_version, catalog_version,
                                  code_set_release, basis, first_met_on, evidence, trigger, identified_at)
     SELECT r.identification_id, r.member_id, r.condition_id, r.rule_id, r.rule_version, r.catalog_version,
            r.code_set_release, r.basis, r.first_met_on, r.evidence, r.trigger, r.identified_at
       FROM jsonb_to_recordset($1::jsonb) AS r(identification_id uuid, member_id text, condition_id text, rule_id text,
            rule_version text, catalog_version text, code_set_release text, basis text, first_met_on date,
            evidence jsonb, trigger text, identified_at timestamptz)`,
    [
      JSON.stringify(
        records.map((record) => ({
          identification_id: record.identificationId,
          member_id: record.memberId,
          condition_id: record.conditionId,
          rule_id: record.ruleId,
          rule_version: record.ruleVersion,
          catalog_version: record.catalogVersion,
          code_set_release: record.codeSetRelease,
          basis: record.basis,
          first_met_on: record.firstMetOn,
          evidence: record.evidence,
          trigger: record.trigger,
          identified_at: record.identifiedAt,
        })),
      ),
    ],
  );
}

/**
 * Marks identifications retracted, with the rule version and code set release the retraction was decided with;
 * returns their recorded first-met dates by id.
 */
export async function retractIdentifications(
  manager: EntityManager,
  retractions: ReadonlyArray<{ identificationId: string; reason: string; ruleVersion: string }>,
  retractedAt: Date,
  codeSetRelease: string,
): Promise<Map<string, string>> {
  if (retractions.length === 0) return new Map();
  const rows = await manager.query<Array<{ identification_id: string; first_met_on: string }>>(
    `UPDATE identifications AS i SET retracted_at = $4, retraction_reason = r.reason,
                                     retraction_rule_version = r.rule_version, retraction_code_set_release = $5
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(identification_id, reason, rule_version)
      WHERE i.identification_id = r.identification_id AND i.retracted_at IS NULL
      RETURNING i.identification_id, i.first_met_on::text AS first_met_on`,
    [
      retractions.map((item) => item.identificationId),
      retractions.map((item) => item.reason),
      retractions.map((item) => item.ruleVersion),
      retractedAt,
      codeSetRelease,
    ],
  );
  return new Map(rows.map((row) => [row.identification_id, row.first_met_on]));
}

interface IdentificationRow {
  identification_id: string;
  member_id: string;
  condition_id: string;
  rule_id: string;
  rule_version: string;
  catalog_version: string;
  code_set_release: string | null;
  basis: string;
  first_met_on: string;
  evidence: object;
  trigger: string;
  identified_at: Date;
  retracted_at: Date | null;
  retraction_reason: string | null;
  retraction_rule_version: string | null;
  retraction_code_set_release: string | null;
}

/** Every identification of one member, oldest first. */
export async function identificationsOf(
  manager: EntityManager,
  memberId: string,
): Promise<IdentificationRecord[]> {
  const rows = await manager.query<IdentificationRow[]>(
    `SELECT identification_id, member_id, condition_id, rule_id, rule_version, catalog_version, code_set_release, basis,
            first_met_on::text AS first_met_on, evidence, trigger, identified_at, retracted_at, retraction_reason,
            retraction_rule_version, retraction_code_set_release
       FROM identifications WHERE member_id = $1 ORDER BY identified_at, identification_id`,
    [memberId],
  );
  return rows.map((row) => ({
    identificationId: row.identification_id,
    memberId: row.member_id,
    conditionId: row.condition_id,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    catalogVersion: row.catalog_version,
    codeSetRelease: row.code_set_release,
    basis: row.basis,
    firstMetOn: row.first_met_on,
    evidence: row.evidence,
    trigger: row.trigger,
    identifiedAt: row.identified_at.toISOString(),
    retractedAt: row.retracted_at?.toISOString() ?? null,
    retractionReason: row.retraction_reason,
    retractionRuleVersion: row.retraction_rule_version,
    retractionCodeSetRelease: row.retraction_code_set_release,
  }));
}
