import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { ArraySizeWhen } from '../../validators/array-size-when.validator';
import { ELIGIBILITY_CHANGE_TYPES, type EligibilityChangeType } from './member.enums';
import { MemberRecord } from './member-record.payload';

/**
 * A top-level field name. `changedFields` is checked by shape, not against today's field list, so a consumer
 * keeps accepting events that name fields added later (additive changes keep the version).
 */
export const FIELD_NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,63}$/;
/** Most names `changedFields` may list. */
export const MAX_CHANGED_FIELDS = 100;

/** CONTRACT: payload of `member-eligibility-changed` v1. */
export class MemberEligibilityChangedPayload {
  @IsIn(ELIGIBILITY_CHANGE_TYPES)
  changeType!: EligibilityChangeType;

  /** The member as it is now. */
  @IsObject()
  @ValidateNested()
  @Type(() => MemberRecord)
  member!: MemberRecord;

  /** Names of the top-level MemberRecord fields that changed (never values); at least one for `updated`. */
  @IsArray()
  @ArrayMaxSize(MAX_CHANGED_FIELDS)
  @ArrayUnique()
  @Matches(FIELD_NAME_PATTERN, {
    each: true,
    message: 'each value in $property must be a top-level field name',
  })
  @ArraySizeWhen(
    (payload: MemberEligibilityChangedPayload) => payload.changeType === 'updated',
    { min: 1, max: MAX_CHANGED_FIELDS },
    'changeType is updated',
  )
  changedFields!: string[];
}
