import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { IdentificationEvidence } from './identification-evidence.payload';
import {
  IDENTIFICATION_BASES,
  IDENTIFICATION_TRIGGERS,
  type IdentificationBasis,
  type IdentificationTrigger,
} from './identification.enums';

/** A condition or rule id, or a version stamp: lower-case letters, digits, dot and dash. */
export const RULE_TOKEN_PATTERN = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/**
 * CONTRACT: payload of `member-identified` v1: a member newly meets a chronic-condition rule. Emitted once per
 * identification; a member whose identification was retracted and who later meets the rule again gets a new
 * identification id.
 */
export class MemberIdentifiedPayload {
  /** Stable id of this identification (also carried by its retraction). */
  @IsUUID()
  identificationId!: string;

  @IsMemberId()
  memberId!: string;

  /** The condition (today each condition has exactly one rule, so this equals `ruleId`). */
  @Matches(RULE_TOKEN_PATTERN)
  conditionId!: string;

  @IsString()
  @MaxLength(100)
  conditionName!: string;

  @Matches(RULE_TOKEN_PATTERN)
  ruleId!: string;

  @Matches(RULE_TOKEN_PATTERN)
  ruleVersion!: string;

  /** Version of the rule catalog the rule came from. */
  @Matches(RULE_TOKEN_PATTERN)
  catalogVersion!: string;

  /**
   * The code set release (NDC drug classes, value sets) the rule was evaluated with, beside its version. Absent from
   * producers older than code set releases (issue 21).
   */
  @OptionalField()
  @Matches(RULE_TOKEN_PATTERN)
  codeSetRelease?: string;

  @IsIn(IDENTIFICATION_BASES)
  basis!: IdentificationBasis;

  /** The service date on which the evidence first met the rule. */
  @IsCalendarDate()
  firstMetOn!: string;

  /** When the service identified the member (ISO-8601 instant). */
  @IsIsoInstant()
  identifiedAt!: string;

  @IsIn(IDENTIFICATION_TRIGGERS)
  trigger!: IdentificationTrigger;

  @IsObject()
  @ValidateNested()
  @Type(() => IdentificationEvidence)
  evidence!: IdentificationEvidence;
}
