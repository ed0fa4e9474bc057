import type { GapMember } from '@care/clinical';
import type { ContactChannel, MemberRecord } from '@care/contracts';
import type { EntityManager } from 'typeorm';

/** What alerts need to know about a member (from the roster; never logged). */
export interface AlertPreferences {
  readonly deceased: boolean;
  readonly optOuts: readonly string[];
  readonly preferredChannel: ContactChannel;
  readonly emailAllowed: boolean;
  readonly hasPhone: boolean;
  readonly language: string;
  readonly pcpNpi: string | null;
}

/** A member as care-gaps sees them: rule inputs, alert preferences and care-program enrollment. */
export interface MemberFacts {
  readonly member: GapMember;
  readonly preferences: AlertPreferences;
  /** Status in the configured care program, or null when the member was never offered it. */
  readonly enrollment: string | null;
}

/** Upserts roster facts from member records, one statement. */
export async function saveMembers(manager: EntityManager, members: readonly MemberRecord[], at: Date): Promise<void> {
  if (members.length === 0) return;
  await manager.query(
    `INSERT INTO gap_members (member_id, birth_date, sex, deceased, opt_outs, preferred_channel, email_allowed, has_phone,
                              language, pcp_npi, updated_at)
     SELECT r.member_id, r.birth_date, r.sex, r.deceased, r.opt_outs, r.preferred_channel, r.email_allowed, r.has_phone,
            r.language, r.pcp_npi, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, birth_date date, sex text, deceased boolean,
            opt_outs text[], preferred_channel text, email_allowed boolean, has_phone boolean, language text, pcp_npi text)
     ON CONFLICT (member_id) DO UPDATE SET
       birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, deceased = EXCLUDED.deceased, opt_outs = EXCLUDED.opt_outs,
       preferred_channel = EXCLUDED.preferred_channel, email_allowed = EXCLUDED.email_allowed,
       has_phone = EXCLUDED.has_phone, language = EXCLUDED.language, pcp_npi = EXCLUDED.pcp_npi,
       updated_at = EXCLUDED.updated_at`,
    [
      JSON.stringify(
        members.map((member) => ({
          member_id: member.memberId,
          birth_date: member.birthDate,
          sex: member.sex,
          deceased: member.deceasedDate !== undefined,
          opt_outs: member.optOuts,
          preferred_channel: member.contactPreferences.preferredChannel,
          email_allowed: member.email !== undefined && member.contactPreferences.emailConsent,
          has_phone: member.phone !== undefined,
          language: member.contactPreferences.language,
          pcp_npi: member.attributedPcp?.npi ?? null,
        })),
      ),
      at,
    ],
  );
}

/** Records identifications (`identified: true`) and retractions of chronic conditions. */
export async function saveConditions(
  manager: EntityManager,
  changes: ReadonlyArray<{ memberId: string; conditionId: string; identified: boolean }>,
): Promise<void> {
  const added = changes.filter((change) => change.identified);
  const removed = changes.filter((change) => !change.identified);
  if (added.length > 0) {
    await manager.query(
      `INSERT INTO gap_member_conditions (member_id, condition_id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [added.map((change) => change.memberId), added.map((change) => change.conditionId)],
    );
  }
  if (removed.length > 0) {
    await manager.query(
      `DELETE FROM gap_member_conditions
        WHERE (member_id, condition_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [removed.map((change) => change.memberId), removed.map((change) => change.conditionId)],
    );
  }
}

/** Records program enrollment changes; an older change than the one stored is ignored. */
export async function saveEnrollments(
  manager: EntityManager,
  changes: ReadonlyArray<{ memberId: string; programId: string; status: string; changedAt: string }>,
): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `INSERT INTO gap_enrollments (member_id, program_id, status, changed_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
     ON CONFLICT (member_id, program_id) DO UPDATE SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at
     WHERE gap_enrollments.changed_at <= EXCLUDED.changed_at`,
    [
      changes.map((change) => change.memberId),
      changes.map((change) => change.programId),
      changes.map((change) => change.status),
      changes.map((change) => change.changedAt),
    ],
  );
}

interface FactsRow {
  member_id: string;
  birth_date: string;
  sex: GapMember['sex'];
  deceased: boolean;
  opt_outs: string[];
  preferred_channel: ContactChannel;
  email_allowed: boolean;
  has_phone: boolean;
  language: string;
  pcp_npi: string | null;
  conditions: string[];
  enrollment: string | null;
}

/** Facts of the members on the roster (members not on it yet are absent from the map). */
export async function loadMemberFacts(
  manager: EntityManager,
  memberIds: readonly string[],
  programId: string,
): Promise<Map<string, MemberFacts>> {
  if (memberIds.length === 0) return new Map();
  const rows = await manager.query<FactsRow[]>(
    `SELECT m.member_id, m.birth_date::text AS birth_date, m.sex, m.deceased, m.opt_outs, m.preferred_channel,
            m.email_allowed, m.has_phone, m.language, m.pcp_npi,
            COALESCE((SELECT array_agg(c.condition_id ORDER BY c.condition_id) FROM gap_member_conditions c
                       WHERE c.member_id = m.member_id), '{}') AS conditions,
            (SELECT e.status FROM gap_enrollments e WHERE e.member_id = m.member_id AND e.program_id = $2) AS enrollment
       FROM gap_members m WHERE m.member_id = ANY($1::text[])`,
    [[...new Set(memberIds)], programId],
  );
  return new Map(
    rows.map((row) => [
      row.member_id,
      {
        member: { birthDate: row.birth_date, sex: row.sex, conditions: row.conditions },
        preferences: {
          deceased: row.deceased,
          optOuts: row.opt_outs,
          preferredChannel: row.preferred_channel,
          emailAllowed: row.email_allowed,
          hasPhone: row.has_phone,
          language: row.language,
          pcpNpi: row.pcp_npi,
        },
        enrollment: row.enrollment,
      },
    ]),
  );
}
