import type { MemberRecord } from '@care/contracts';
import type { EntityManager } from 'typeorm';

export interface StoredMember {
  readonly memberId: string;
  readonly record: MemberRecord;
  readonly contentHash: string;
}

/** The member roster in the claims_intake schema, read and written a batch at a time. */
export const memberRepository = {
  /** Current records of the given members, locked until the transaction ends (concurrent updates serialize). */
  async findForUpdate(
    manager: EntityManager,
    memberIds: readonly string[],
  ): Promise<Map<string, StoredMember>> {
    if (memberIds.length === 0) return new Map();
    const rows = await manager.query<
      Array<{ member_id: string; record: MemberRecord; content_hash: string }>
    >(
      'SELECT member_id, record, content_hash FROM members WHERE member_id = ANY($1::text[]) ORDER BY member_id FOR UPDATE',
      [memberIds],
    );
    return new Map(
      rows.map((row) => [
        row.member_id,
        { memberId: row.member_id, record: row.record, contentHash: row.content_hash },
      ]),
    );
  },

  /** Inserts new members and replaces changed ones. */
  async upsert(
    manager: EntityManager,
    members: ReadonlyArray<{ record: MemberRecord; contentHash: string }>,
  ): Promise<void> {
    if (members.length === 0) return;
    await manager.query(
      `INSERT INTO members (member_id, subscriber_id, relationship, record, content_hash)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
       ON CONFLICT (member_id) DO UPDATE
         SET subscriber_id = EXCLUDED.subscriber_id, relationship = EXCLUDED.relationship, record = EXCLUDED.record,
             content_hash = EXCLUDED.content_hash, revision = members.revision + 1, updated_at = now()`,
      [
        members.map((member) => member.record.memberId),
        members.map((member) => member.record.subscriberId),
        members.map((member) => member.record.relationship),
        members.map((member) => JSON.stringify(member.record)),
        members.map((member) => member.contentHash),
      ],
    );
  },
};
