import { Injectable } from '@nestjs/common';
import type { MemberRecord, Relationship } from '@care/contracts';
import type { EntityManager } from 'typeorm';

/** Another member of the same subscriber's coverage: who may be a case's subject on this member's behalf. */
export interface HouseholdMember {
  readonly memberId: string;
  readonly relationship: Relationship;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly deceased: boolean;
}

/** A member's roster record as the console's member view shows it, with their household. */
export interface MemberRecordView {
  readonly member: MemberRecord;
  /** Roster revision: 1 when added, one more per change. */
  readonly revision: number;
  readonly updatedAt: string;
  /** Every other member sharing the subscriber id (the subscriber, spouse, dependants), at most 50. */
  readonly household: readonly HouseholdMember[];
}

/** Reads one member's roster record and household (members_subscriber_idx). */
@Injectable()
export class MemberRecordQuery {
  async find(manager: EntityManager, memberId: string): Promise<MemberRecordView | undefined> {
    const [row] = await manager.query<
      Array<{ record: MemberRecord; revision: number; updated_at: Date; subscriber_id: string }>
    >('SELECT record, revision, updated_at, subscriber_id FROM members WHERE member_id = $1', [memberId]);
    if (row === undefined) return undefined;
    const others = await manager.query<Array<{ record: MemberRecord }>>(
      'SELECT record FROM members WHERE subscriber_id = $1 AND member_id <> $2 ORDER BY member_id LIMIT 50',
      [row.subscriber_id, memberId],
    );
    return {
      member: row.record,
      revision: row.revision,
      updatedAt: row.updated_at.toISOString(),
      household: others.map(({ record }) => ({
        memberId: record.memberId,
        relationship: record.relationship,
        firstName: record.firstName,
        lastName: record.lastName,
        birthDate: record.birthDate,
        deceased: record.deceasedDate !== undefined,
      })),
    };
  }
}
