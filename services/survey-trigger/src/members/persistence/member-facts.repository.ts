import type { EntityManager } from 'typeorm';
import type { StoredMember } from '../member-facts';

interface MemberRow {
  member_id: string;
  household_id: string;
  birth_date: string;
  deceased_date: string | null;
  opted_out: boolean;
  email_with_consent: boolean;
  mailing_address: boolean;
  language: string;
  known_since: Date;
  updated_at: Date;
}

const memberOf = (row: MemberRow): StoredMember => ({
  memberId: row.member_id,
  householdId: row.household_id,
  birthDate: row.birth_date,
  deceasedDate: row.deceased_date,
  optedOutOfSurveys: row.opted_out,
  emailWithConsent: row.email_with_consent,
  mailingAddress: row.mailing_address,
  language: row.language,
  knownSince: row.known_since.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The stored facts of these members (absent: not on the roster yet). */
export async function loadMembers(
  manager: EntityManager,
  memberIds: readonly string[],
): Promise<Map<string, StoredMember>> {
  if (memberIds.length === 0) return new Map();
  const rows = await manager.query<MemberRow[]>(
    `SELECT member_id, household_id, birth_date::text AS birth_date, deceased_date::text AS deceased_date, opted_out,
            email_with_consent, mailing_address, language, known_since, updated_at
       FROM members WHERE member_id = ANY($1::text[])`,
    [[...new Set(memberIds)]],
  );
  return new Map(rows.map((row) => [row.member_id, memberOf(row)]));
}

/** Writes member facts (insert or overwrite), in one statement. */
export async function saveMembers(manager: EntityManager, members: readonly StoredMember[]): Promise<void> {
  if (members.length === 0) return;
  await manager.query(
    `INSERT INTO members (member_id, household_id, birth_date, deceased_date, opted_out, email_with_consent,
                          mailing_address, language, known_since, updated_at)
     SELECT r.member_id, r.household_id, r.birth_date, r.deceased_date, r.opted_out, r.email_with_consent,
            r.mailing_address, r.language, r.known_since, r.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, household_id text, birth_date date, deceased_date date,
            opted_out boolean, email_with_consent boolean, mailing_address boolean, language text,
            known_since timestamptz, updated_at timestamptz)
     ON CONFLICT (member_id) DO UPDATE SET
       household_id = EXCLUDED.household_id, birth_date = EXCLUDED.birth_date, deceased_date = EXCLUDED.deceased_date,
       opted_out = EXCLUDED.opted_out, email_with_consent = EXCLUDED.email_with_consent,
       mailing_address = EXCLUDED.mailing_address, language = EXCLUDED.language, updated_at = EXCLUDED.updated_at`,
    [
      JSON.stringify(
        members.map((member) => ({
          member_id: member.memberId,
          household_id: member.householdId,
          birth_date: member.birthDate,
          deceased_date: member.deceasedDate,
          opted_out: member.optedOutOfSurveys,
          email_with_consent: member.emailWithConsent,
          mailing_address: member.mailingAddress,
          language: member.language,
          known_since: member.knownSince,
          updated_at: member.updatedAt,
        })),
      ),
    ],
  );
}
