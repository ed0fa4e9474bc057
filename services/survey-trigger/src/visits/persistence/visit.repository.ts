import type { SurveyChannel, VisitCodeFamilyId, VisitKind } from '@care/clinical';
import type { EntityManager } from 'typeorm';
import { surveyVisitKey } from '@care/clinical';
import type { VisitDecision, VisitRecord, VisitStatus } from '../visit.types';

interface VisitRow {
  visit_id: string;
  member_id: string;
  provider_npi: string;
  service_date: string;
  kind: string;
  procedure_code: string;
  code_family: string;
  telehealth: boolean;
  code_set_version: string;
  provider_tin: string;
  billing_npi: string;
  provider_name: string | null;
  practice_name: string | null;
  claim_id: string;
  claim_version: number;
  claim_received_at: Date;
  draw: number;
  seed_fingerprint: string;
  status: string;
  reasons: string[];
  sampling_rate: number | null;
  rule_version: string | null;
  household_id: string | null;
  channel: string | null;
  language: string | null;
  decided_on: string | null;
  decided_at: Date | null;
}

const VISIT_COLUMNS = `visit_id, member_id, provider_npi, service_date::text AS service_date, kind, procedure_code,
  code_family, telehealth, code_set_version, provider_tin, billing_npi, provider_name, practice_name, claim_id,
  claim_version, claim_received_at, draw, seed_fingerprint, status, reasons, sampling_rate, rule_version, household_id,
  channel, language, decided_on::text AS decided_on, decided_at`;

const visitOf = (row: VisitRow): VisitRecord => ({
  visitId: row.visit_id,
  visitKey: surveyVisitKey({
    memberId: row.member_id,
    providerNpi: row.provider_npi,
    serviceDate: row.service_date,
  }),
  memberId: row.member_id,
  providerNpi: row.provider_npi,
  serviceDate: row.service_date,
  kind: row.kind as VisitKind,
  procedureCode: row.procedure_code,
  codeFamily: row.code_family as VisitCodeFamilyId,
  telehealth: row.telehealth,
  codeSetVersion: row.code_set_version,
  providerTin: row.provider_tin,
  billingNpi: row.billing_npi,
  providerName: row.provider_name,
  practiceName: row.practice_name,
  claimId: row.claim_id,
  claimVersion: row.claim_version,
  claimReceivedAt: row.claim_received_at.toISOString(),
  draw: row.draw,
  seedFingerprint: row.seed_fingerprint,
  status: row.status as VisitStatus,
  reasons: row.reasons,
  samplingRate: row.sampling_rate,
  ruleVersion: row.rule_version,
  householdId: row.household_id,
  channel: row.channel as SurveyChannel | null,
  language: row.language,
  decidedOn: row.decided_on,
  decidedAt: row.decided_at === null ? null : row.decided_at.toISOString(),
});

/** The stored visits with these ids. */
export async function findVisits(
  manager: EntityManager,
  visitIds: readonly string[],
): Promise<Map<string, VisitRecord>> {
  if (visitIds.length === 0) return new Map();
  const rows = await manager.query<VisitRow[]>(
    `SELECT ${VISIT_COLUMNS} FROM visits WHERE visit_id = ANY($1::uuid[])`,
    [[...new Set(visitIds)]],
  );
  return new Map(rows.map((row) => [row.visit_id, visitOf(row)]));
}

/** The visits of these members still waiting for their roster record. */
export async function findPendingVisits(
  manager: EntityManager,
  memberIds: readonly string[],
): Promise<VisitRecord[]> {
  if (memberIds.length === 0) return [];
  const rows = await manager.query<VisitRow[]>(
    `SELECT ${VISIT_COLUMNS} FROM visits WHERE member_id = ANY($1::text[]) AND status = 'pending-member'`,
    [[...new Set(memberIds)]],
  );
  return rows.map(visitOf);
}

/** Every visit of one member, newest first (the member's survey history as the API shows it). */
export async function visitsOfMember(manager: EntityManager, memberId: string): Promise<VisitRecord[]> {
  const rows = await manager.query<VisitRow[]>(
    `SELECT ${VISIT_COLUMNS} FROM visits WHERE member_id = $1 ORDER BY service_date DESC, visit_id`,
    [memberId],
  );
  return rows.map(visitOf);
}

/** One visit by id. */
export async function findVisit(manager: EntityManager, visitId: string): Promise<VisitRecord | undefined> {
  return (await findVisits(manager, [visitId])).get(visitId);
}

/** Inserts new visits (with their decision, if made), in one statement. */
export async function insertVisits(manager: EntityManager, visits: readonly VisitRecord[]): Promise<void> {
  if (visits.length === 0) return;
  await manager.query(
    `INSERT INTO visits (visit_id, member_id, provider_npi, service_date, kind, procedure_code, code_family, telehealth,
                         code_set_version, provider_tin, billing_npi, provider_name, practice_name, claim_id,
                         claim_version, claim_received_at, draw, seed_fingerprint, status, reasons, sampling_rate,
                         rule_version, household_id, channel, language, decided_on, decided_at)
     SELECT r.visit_id, r.member_id, r.provider_npi, r.service_date, r.kind, r.procedure_code, r.code_family,
            r.telehealth, r.code_set_version, r.provider_tin, r.billing_npi, r.provider_name, r.practice_name,
            r.claim_id, r.claim_version, r.claim_received_at, r.draw, r.seed_fingerprint, r.status, r.reasons,
            r.sampling_rate, r.rule_version, r.household_id, r.channel, r.language, r.decided_on, r.decided_at
       FROM jsonb_to_recordset($1::jsonb) AS r(visit_id uuid, member_id text, provider_npi text, service_date date,
            kind text, procedure_code text, code_family text, telehealth boolean, code_set_version text,
            provider_tin text, billing_npi text, provider_name text, practice_name text, claim_id text,
            claim_version int, claim_received_at timestamptz, draw double precision, seed_fingerprint text,
            status text, reasons text[], sampling_rate double precision, rule_version text, household_id text,
            channel text, language text, decided_on date, decided_at timestamptz)`,
    [
      JSON.stringify(
        visits.map((visit) => ({
          visit_id: visit.visitId,
          member_id: visit.memberId,
          provider_npi: visit.providerNpi,
          service_date: visit.serviceDate,
          kind: visit.kind,
          procedure_code: visit.procedureCode,
          code_family: visit.codeFamily,
          telehealth: visit.telehealth,
          code_set_version: visit.codeSetVersion,
          provider_tin: visit.providerTin,
          billing_npi: visit.billingNpi,
          provider_name: visit.providerName,
          practice_name: visit.practiceName,
          claim_id: visit.claimId,
          claim_version: visit.claimVersion,
          claim_received_at: visit.claimReceivedAt,
          draw: visit.draw,
          seed_fingerprint: visit.seedFingerprint,
          ...decisionColumns(visit),
        })),
      ),
    ],
  );
}

/** Writes decisions (status, reasons, rate, channel, ...) of existing visits, in one statement. */
export async function updateVisitDecisions(
  manager: EntityManager,
  decisions: readonly VisitDecision[],
): Promise<void> {
  if (decisions.length === 0) return;
  await manager.query(
    `UPDATE visits SET status = r.status, reasons = r.reasons, sampling_rate = r.sampling_rate,
            rule_version = r.rule_version, household_id = r.household_id, channel = r.channel, language = r.language,
            decided_on = r.decided_on, decided_at = r.decided_at
       FROM jsonb_to_recordset($1::jsonb) AS r(visit_id uuid, status text, reasons text[], sampling_rate double precision,
            rule_version text, household_id text, channel text, language text, decided_on date, decided_at timestamptz)
      WHERE visits.visit_id = r.visit_id`,
    [
      JSON.stringify(
        decisions.map((decision) => ({ visit_id: decision.visitId, ...decisionColumns(decision) })),
      ),
    ],
  );
}

function decisionColumns(decision: VisitDecision): Record<string, unknown> {
  return {
    status: decision.status,
    reasons: decision.reasons,
    sampling_rate: decision.samplingRate,
    rule_version: decision.ruleVersion,
    household_id: decision.householdId,
    channel: decision.channel,
    language: decision.language,
    decided_on: decision.decidedOn,
    decided_at: decision.decidedAt,
  };
}

/**
 * Cancels pending visits that no claim describes any more (their claims were voided, denied or recoded before the
 * member became known), recording why. Returns the ids cancelled.
 */
export async function cancelVisitsWithoutClaims(
  manager: EntityManager,
  candidates: ReadonlyArray<{ visitId: string; reason: string }>,
): Promise<string[]> {
  if (candidates.length === 0) return [];
  const rows = await manager.query<Array<{ visit_id: string }>>(
    `UPDATE visits SET status = 'cancelled', reasons = ARRAY[r.reason]
       FROM unnest($1::uuid[], $2::text[]) AS r(visit_id, reason)
      WHERE visits.visit_id = r.visit_id AND visits.status = 'pending-member'
        AND NOT EXISTS (SELECT 1 FROM visit_claims c WHERE c.visit_id = r.visit_id AND c.describes_visit)
      RETURNING visits.visit_id`,
    [candidates.map((candidate) => candidate.visitId), candidates.map((candidate) => candidate.reason)],
  );
  return rows.map((row) => row.visit_id);
}

/** A survey already triggered, as the quiet period sees it. */
export interface SurveyedDay {
  readonly memberId: string;
  readonly householdId: string | null;
  readonly decidedOn: string;
}

/**
 * Surveys triggered for these members or anyone in these households, decided between `from` and `to` (the quiet
 * period around the decision days at hand); read through the surveyed-visits index by household.
 */
export async function findSurveyedDays(
  manager: EntityManager,
  memberIds: readonly string[],
  householdIds: readonly string[],
  from: string,
  to: string,
): Promise<SurveyedDay[]> {
  if (memberIds.length === 0 && householdIds.length === 0) return [];
  const rows = await manager.query<
    Array<{ member_id: string; household_id: string | null; decided_on: string }>
  >(
    `SELECT member_id, household_id, decided_on::text AS decided_on FROM visits
      WHERE status = 'surveyed' AND decided_on BETWEEN $3::date AND $4::date
        AND (member_id = ANY($1::text[]) OR household_id = ANY($2::text[]))`,
    [[...new Set(memberIds)], [...new Set(householdIds)], from, to],
  );
  return rows.map((row) => ({
    memberId: row.member_id,
    householdId: row.household_id,
    decidedOn: row.decided_on,
  }));
}
