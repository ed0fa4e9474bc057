import type { MemberRecord } from '@care/contracts';
import type { EntityManager } from 'typeorm';

/** The roster opt-out that stops care-management outreach. */
export const CARE_MANAGEMENT_OPT_OUT = 'care-management';
/** Program statuses under which a member gets no outreach. */
export const OUTREACH_BLOCKING_STATUSES = ['opted-out', 'declined'] as const;

/**
 * Upserts the roster facts casework keeps (a record older than the stored one is ignored: one member's roster events
 * are ordered on their partition, this guards replays of older snapshots). Returns the members now opted out of
 * care management, and those now recorded as deceased.
 */
export async function saveCaseMembers(
  manager: EntityManager,
  members: ReadonlyArray<{ member: MemberRecord; asOf: string }>,
): Promise<{ optedOut: string[]; deceased: string[] }> {
  if (members.length === 0) return { optedOut: [], deceased: [] };
  // The last snapshot of a member in the batch wins (one statement cannot upsert a row twice).
  const latest = new Map(members.map((item) => [item.member.memberId, item]));
  await manager.query(
    `INSERT INTO case_members (member_id, subscriber_id, relationship, opt_outs, deceased, updated_at,
                               plan_administered_by_health_plan, coverage_effective, coverage_termination)
     SELECT r.member_id, r.subscriber_id, r.relationship, r.opt_outs, r.deceased, r.updated_at,
            r.plan_administered_by_health_plan, r.coverage_effective, r.coverage_termination
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, subscriber_id text, relationship text, opt_outs text[],
            deceased boolean, updated_at timestamptz, plan_administered_by_health_plan boolean, coverage_effective date,
            coverage_termination date)
     ON CONFLICT (member_id) DO UPDATE SET
       subscriber_id = EXCLUDED.subscriber_id, relationship = EXCLUDED.relationship, opt_outs = EXCLUDED.opt_outs,
       deceased = EXCLUDED.deceased, updated_at = EXCLUDED.updated_at,
       plan_administered_by_health_plan = EXCLUDED.plan_administered_by_health_plan,
       coverage_effective = EXCLUDED.coverage_effective, coverage_termination = EXCLUDED.coverage_termination
     WHERE case_members.updated_at <= EXCLUDED.updated_at`,
    [
      JSON.stringify(
        [...latest.values()].map(({ member, asOf }) => ({
          member_id: member.memberId,
          subscriber_id: member.subscriberId,
          relationship: member.relationship,
          opt_outs: member.optOuts,
          deceased: member.deceasedDate !== undefined,
          updated_at: asOf,
          plan_administered_by_health_plan: member.planAdministeredByHealthPlan,
          coverage_effective: member.coverage.effectiveDate,
          coverage_termination: member.coverage.terminationDate ?? null,
        })),
      ),
    ],
  );
  const rows = await manager.query<Array<{ member_id: string; deceased: boolean }>>(
    'SELECT member_id, deceased FROM case_members WHERE member_id = ANY($1::text[]) AND ($2 = ANY(opt_outs) OR deceased)',
    [[...latest.keys()], CARE_MANAGEMENT_OPT_OUT],
  );
  return {
    optedOut: rows.filter((row) => !row.deceased).map((row) => row.member_id),
    deceased: rows.filter((row) => row.deceased).map((row) => row.member_id),
  };
}

/**
 * Of the members given: those who get no outreach (opted out of care management on the roster, or opted out of or
 * declined the care program), and those recorded as deceased (no task at all).
 */
export async function membersWithoutOutreach(
  manager: EntityManager,
  memberIds: readonly string[],
  programId: string,
): Promise<{ blocked: Set<string>; deceased: Set<string> }> {
  if (memberIds.length === 0) return { blocked: new Set(), deceased: new Set() };
  const rows = await manager.query<Array<{ member_id: string; deceased: boolean }>>(
    `SELECT member_id, deceased FROM case_members
      WHERE member_id = ANY($1::text[]) AND ($2 = ANY(opt_outs) OR deceased)
     UNION ALL
     SELECT member_id, false FROM program_enrollments
      WHERE member_id = ANY($1::text[]) AND program_id = $3 AND status = ANY($4::text[])`,
    [[...new Set(memberIds)], CARE_MANAGEMENT_OPT_OUT, programId, OUTREACH_BLOCKING_STATUSES],
  );
  return {
    blocked: new Set(rows.map((row) => row.member_id)),
    deceased: new Set(rows.filter((row) => row.deceased).map((row) => row.member_id)),
  };
}

/** What case intake needs to know of a member (from the roster). */
export interface CaseMemberFacts {
  readonly memberId: string;
  readonly subscriberId: string;
  readonly relationship: string;
  readonly deceased: boolean;
  /** NULL for rows projected before casework kept it (until the member's next roster event). */
  readonly planAdministeredByHealthPlan: boolean | null;
  readonly coverageEffective: string | null;
  readonly coverageTermination: string | null;
}

/** The roster facts of one member, or undefined when casework has not seen the member. */
export async function findCaseMember(manager: EntityManager, memberId: string): Promise<CaseMemberFacts | undefined> {
  const rows = await manager.query<
    Array<{
      member_id: string;
      subscriber_id: string;
      relationship: string;
      deceased: boolean;
      plan_administered_by_health_plan: boolean | null;
      coverage_effective: string | null;
      coverage_termination: string | null;
    }>
  >(
    `SELECT member_id, subscriber_id, relationship, deceased, plan_administered_by_health_plan,
            to_char(coverage_effective, 'YYYY-MM-DD') AS coverage_effective,
            to_char(coverage_termination, 'YYYY-MM-DD') AS coverage_termination
       FROM case_members WHERE member_id = $1`,
    [memberId],
  );
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        memberId: row.member_id,
        subscriberId: row.subscriber_id,
        relationship: row.relationship,
        deceased: row.deceased,
        planAdministeredByHealthPlan: row.plan_administered_by_health_plan,
        coverageEffective: row.coverage_effective,
        coverageTermination: row.coverage_termination,
      };
}
