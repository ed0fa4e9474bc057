import type { ClaimSetting, DrugClass } from '@care/clinical';
import { lockKeys } from '@care/persistence';
import type { EntityManager } from 'typeorm';
import type { MemberEvidence, StoredClaim, StoredSelfReport } from './stored-evidence.types';

/** First key of the advisory locks that serialise evaluations of one member (second key: hash of the id). */
const MEMBER_LOCK_SPACE = 0x0c1d;

/**
 * Takes the transaction lock of each member. Consumers, the daily re-evaluation and re-runs all lock before reading
 * evidence, so a member's identification state never sees two concurrent evaluations.
 */
export const lockMembers = (manager: EntityManager, memberIds: readonly string[]): Promise<void> =>
  lockKeys(manager, MEMBER_LOCK_SPACE, memberIds);

interface ClaimRow {
  claim_id: string;
  member_id: string;
  version: number;
  voided: boolean;
  service_date: string;
  setting: string;
  diagnosis_codes: string[];
  drug_class: string | null;
  ndc: string | null;
  rule_ids: string[];
}

const CLAIM_COLUMNS =
  'claim_id, member_id, version, voided, service_date::text AS service_date, setting, diagnosis_codes, drug_class, ndc, rule_ids';

const claimOf = (row: ClaimRow): StoredClaim => ({
  claimId: row.claim_id,
  memberId: row.member_id,
  version: row.version,
  voided: row.voided,
  serviceDate: row.service_date,
  setting: row.setting as ClaimSetting,
  diagnosisCodes: row.diagnosis_codes,
  drugClass: row.drug_class as DrugClass | null,
  ndc: row.ndc,
  ruleIds: row.rule_ids,
});

/** The stored rows of these claim ids. */
export async function findClaims(
  manager: EntityManager,
  claimIds: readonly string[],
): Promise<Map<string, StoredClaim>> {
  if (claimIds.length === 0) return new Map();
  const rows = await manager.query<ClaimRow[]>(
    `SELECT ${CLAIM_COLUMNS} FROM claim_evidence WHERE claim_id = ANY($1::text[])`,
    [[...new Set(claimIds)]],
  );
  return new Map(rows.map((row) => [row.claim_id, claimOf(row)]));
}

/** Writes claim rows (insert or overwrite), in one statement. */
export async function saveClaims(manager: EntityManager, claims: readonly StoredClaim[]): Promise<void> {
  if (claims.length === 0) return;
  await manager.query(
    `INSERT INTO claim_evidence (claim_id, member_id, version, voided, service_date, setting, diagnosis_codes, drug_class,
                                 ndc, rule_ids)
     SELECT r.claim_id, r.member_id, r.version, r.voided, r.service_date, r.setting, r.diagnosis_codes, r.drug_class,
            r.ndc, r.rule_ids
       FROM jsonb_to_recordset($1::jsonb) AS r(claim_id text, member_id text, version int, voided boolean,
            service_date date, setting text, diagnosis_codes text[], drug_class text, ndc text, rule_ids text[])
     ON CONFLICT (claim_id) DO UPDATE SET
       member_id = EXCLUDED.member_id, version = EXCLUDED.version, voided = EXCLUDED.voided,
       service_date = EXCLUDED.service_date, setting = EXCLUDED.setting, diagnosis_codes = EXCLUDED.diagnosis_codes,
       drug_class = EXCLUDED.drug_class, ndc = EXCLUDED.ndc, rule_ids = EXCLUDED.rule_ids`,
    [
      JSON.stringify(
        claims.map((claim) => ({
          claim_id: claim.claimId,
          member_id: claim.memberId,
          version: claim.version,
          voided: claim.voided,
          service_date: claim.serviceDate,
          setting: claim.setting,
          diagnosis_codes: claim.diagnosisCodes,
          drug_class: claim.drugClass,
          ndc: claim.ndc,
          rule_ids: claim.ruleIds,
        })),
      ),
    ],
  );
}

interface SelfReportRow {
  member_id: string;
  assessment_id: string;
  completed_on: string;
  kind: 'condition' | 'biometric';
  code: string;
  value: string | null;
  rule_ids: string[];
  recorded_at: Date;
}

const SELF_REPORT_COLUMNS =
  'member_id, assessment_id, completed_on::text AS completed_on, kind, code, value, rule_ids, recorded_at';

const selfReportOf = (row: SelfReportRow): StoredSelfReport => ({
  memberId: row.member_id,
  assessmentId: row.assessment_id,
  completedOn: row.completed_on,
  kind: row.kind,
  code: row.code,
  value: row.value === null ? null : Number(row.value),
  ruleIds: row.rule_ids,
  recordedAt: row.recorded_at.toISOString(),
});

/** The stored items of these assessments, keyed by {@link assessmentKey}. */
export async function findAssessments(
  manager: EntityManager,
  assessments: ReadonlyArray<{ memberId: string; assessmentId: string }>,
): Promise<Map<string, StoredSelfReport[]>> {
  const found = new Map<string, StoredSelfReport[]>();
  if (assessments.length === 0) return found;
  const rows = await manager.query<SelfReportRow[]>(
    `SELECT ${SELF_REPORT_COLUMNS} FROM self_reported_evidence
      WHERE (member_id, assessment_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [assessments.map((item) => item.memberId), assessments.map((item) => item.assessmentId)],
  );
  for (const row of rows) {
    const key = assessmentKey(row.member_id, row.assessment_id);
    found.set(key, [...(found.get(key) ?? []), selfReportOf(row)]);
  }
  return found;
}

export const assessmentKey = (memberId: string, assessmentId: string): string =>
  `${memberId}\u0000${assessmentId}`;

/** Replaces every item of these assessments by the given items (two statements for the whole batch). */
export async function replaceAssessments(
  manager: EntityManager,
  assessments: ReadonlyArray<{ memberId: string; assessmentId: string }>,
  items: readonly StoredSelfReport[],
): Promise<void> {
  if (assessments.length === 0) return;
  await manager.query(
    `DELETE FROM self_reported_evidence
      WHERE (member_id, assessment_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [assessments.map((item) => item.memberId), assessments.map((item) => item.assessmentId)],
  );
  if (items.length === 0) return;
  await manager.query(
    `INSERT INTO self_reported_evidence (member_id, assessment_id, completed_on, kind, code, value, rule_ids, recorded_at)
     SELECT r.member_id, r.assessment_id, r.completed_on, r.kind, r.code, r.value, r.rule_ids, r.recorded_at
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, assessment_id text, completed_on date, kind text,
            code text, value numeric, rule_ids text[], recorded_at timestamptz)`,
    [
      JSON.stringify(
        items.map((item) => ({
          member_id: item.memberId,
          assessment_id: item.assessmentId,
          completed_on: item.completedOn,
          kind: item.kind,
          code: item.code,
          value: item.value,
          rule_ids: item.ruleIds,
          recorded_at: item.recordedAt,
        })),
      ),
    ],
  );
}

/**
 * The evidence rules may look at for these members: active claims and assessment items that concern some rule,
 * dated on or after `since` (the longest look-back). The cost depends on each member's evidence within the
 * look-back, never on their older history or on other members.
 */
export async function loadMemberEvidence(
  manager: EntityManager,
  memberIds: readonly string[],
  since: string,
): Promise<Map<string, MemberEvidence>> {
  const unique = [...new Set(memberIds)];
  const evidence = new Map<string, { claims: StoredClaim[]; selfReported: StoredSelfReport[] }>(
    unique.map((memberId) => [memberId, { claims: [], selfReported: [] }]),
  );
  if (unique.length === 0) return evidence;
  const [claims, selfReports] = await Promise.all([
    manager.query<ClaimRow[]>(
      `SELECT ${CLAIM_COLUMNS} FROM claim_evidence
        WHERE member_id = ANY($1::text[]) AND rule_ids <> '{}' AND NOT voided AND service_date >= $2::date`,
      [unique, since],
    ),
    manager.query<SelfReportRow[]>(
      `SELECT ${SELF_REPORT_COLUMNS} FROM self_reported_evidence
        WHERE member_id = ANY($1::text[]) AND rule_ids <> '{}' AND completed_on >= $2::date`,
      [unique, since],
    ),
  ]);
  for (const row of claims) evidence.get(row.member_id)?.claims.push(claimOf(row));
  for (const row of selfReports) evidence.get(row.member_id)?.selfReported.push(selfReportOf(row));
  return evidence;
}

/**
 * Deletes evidence dated before `before` (older than every look-back), at most `limit` rows per table per call;
 * returns how many rows went.
 */
export async function pruneEvidence(manager: EntityManager, before: string, limit: number): Promise<number> {
  const [claims, selfReports] = [
    await manager.query<unknown[]>(
      `DELETE FROM claim_evidence WHERE claim_id IN
         (SELECT claim_id FROM claim_evidence WHERE service_date < $1::date LIMIT $2) RETURNING 1`,
      [before, limit],
    ),
    await manager.query<unknown[]>(
      `DELETE FROM self_reported_evidence WHERE (member_id, assessment_id, kind, code) IN
         (SELECT member_id, assessment_id, kind, code FROM self_reported_evidence WHERE completed_on < $1::date LIMIT $2)
       RETURNING 1`,
      [before, limit],
    ),
  ];
  return claims.length + selfReports.length;
}
