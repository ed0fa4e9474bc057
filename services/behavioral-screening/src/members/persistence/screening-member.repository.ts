import type { EntityManager } from 'typeorm';
import type { ScreeningMember } from '../screening-member';

interface MemberRow {
  member_id: string;
  sex: ScreeningMember['sex'];
  birth_date: string;
  deceased_date: string | null;
  updated_at: Date;
}

/** The roster facts of behavioral-screening (`members`). */
export const screeningMemberRepository = {
  async find(manager: EntityManager, memberId: string): Promise<ScreeningMember | undefined> {
    const rows = await manager.query<MemberRow[]>(
      `SELECT member_id, sex, birth_date::text AS birth_date, deceased_date::text AS deceased_date, updated_at
         FROM members WHERE member_id = $1`,
      [memberId],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : {
          memberId: row.member_id,
          sex: row.sex,
          birthDate: row.birth_date,
          deceasedDate: row.deceased_date,
          updatedAt: row.updated_at.toISOString(),
        };
  },

  /**
   * Writes the records, each unless the stored one was published later; returns the ids written. One statement
   * (the batch holds each member once: the caller keeps the latest).
   */
  async saveLatest(manager: EntityManager, members: readonly ScreeningMember[]): Promise<string[]> {
    if (members.length === 0) return [];
    const rows = await manager.query<Array<{ member_id: string }>>(
      `INSERT INTO members (member_id, sex, birth_date, deceased_date, updated_at)
       SELECT r.member_id, r.sex, r.birth_date, r.deceased_date, r.updated_at
         FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, sex text, birth_date date, deceased_date date,
              updated_at timestamptz)
       ON CONFLICT (member_id) DO UPDATE SET
         sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date, deceased_date = EXCLUDED.deceased_date,
         updated_at = EXCLUDED.updated_at
       WHERE members.updated_at <= EXCLUDED.updated_at
       RETURNING member_id`,
      [
        JSON.stringify(
          members.map((member) => ({
            member_id: member.memberId,
            sex: member.sex,
            birth_date: member.birthDate,
            deceased_date: member.deceasedDate,
            updated_at: member.updatedAt,
          })),
        ),
      ],
    );
    return rows.map((row) => row.member_id);
  },
};
