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
    `INSERT INTO case_members (member_id, subscriber_id, relationship, opt_outs, deceased, updated_at)
     SELECT r.member_id, r.subscriber_id, r.relationship, r.opt_outs, r.deceased, r.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, subscriber_id text, relationship text, opt_outs text[],
            deceased boolean, updated_at timestamptz)
     ON CONFLICT (member_id) DO UPDATE SET
       subscriber_id = EXCLUDED.subscriber_id, relationship = EXCLUDED.relationship, opt_outs = EXCLUDED.opt_outs,
       deceased = EXCLUDED.deceased, updated_at = EXCLUDED.updated_at
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
