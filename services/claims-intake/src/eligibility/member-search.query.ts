import { Injectable } from '@nestjs/common';
import { IsCalendarDate, OptionalField, type MemberRecord, type Relationship } from '@care/contracts';
import { IsString, Length } from 'class-validator';
import type { EntityManager } from 'typeorm';

/** Most members one search answers with: a name and birth date shared by more is narrowed with the first name. */
export const MEMBER_SEARCH_LIMIT = 20;

/** Query of `GET /v1/members`: who a caller says they are. */
export class MemberSearchRequest {
  /** Matched whole, in any case. */
  @IsString()
  @Length(1, 100)
  lastName!: string;

  @IsCalendarDate()
  birthDate!: string;

  /** Narrows the search: the first name starts with it, in any case. */
  @OptionalField()
  @IsString()
  @Length(1, 100)
  firstName?: string;
}

/** One member a search found: enough to tell members apart, the rest in the member view. */
export interface MemberSearchHit {
  readonly memberId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly relationship: Relationship;
  readonly subscriberId: string;
  readonly deceased: boolean;
}

export interface MemberSearchResult {
  readonly members: readonly MemberSearchHit[];
  /** More members match than were answered with: the caller narrows the search. */
  readonly more: boolean;
}

/** Finds members on the roster by last name and birth date (members_last_name_birth_idx). */
@Injectable()
export class MemberSearchQuery {
  async search(manager: EntityManager, request: MemberSearchRequest): Promise<MemberSearchResult> {
    const rows = await manager.query<Array<{ record: MemberRecord }>>(
      `SELECT record FROM members
       WHERE lower(record->>'lastName') = lower($1) AND record->>'birthDate' = $2
         AND ($3::text IS NULL OR starts_with(lower(record->>'firstName'), lower($3)))
       ORDER BY member_id
       LIMIT $4`,
      [
        request.lastName.trim(),
        request.birthDate,
        request.firstName?.trim() ?? null,
        MEMBER_SEARCH_LIMIT + 1,
      ],
    );
    return {
      members: rows.slice(0, MEMBER_SEARCH_LIMIT).map(({ record }) => ({
        memberId: record.memberId,
        firstName: record.firstName,
        lastName: record.lastName,
        birthDate: record.birthDate,
        relationship: record.relationship,
        subscriberId: record.subscriberId,
        deceased: record.deceasedDate !== undefined,
      })),
      more: rows.length > MEMBER_SEARCH_LIMIT,
    };
  }
}
