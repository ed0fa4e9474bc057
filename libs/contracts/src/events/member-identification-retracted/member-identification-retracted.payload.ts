import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { EvidenceClaim, MAX_EVIDENCE_ITEMS } from '../member-identified/identification-evidence.payload';
import {
  IDENTIFICATION_TRIGGERS,
  RETRACTION_REASONS,
  type IdentificationTrigger,
  type RetractionReason,
} from '../member-identified/identification.enums';
import { RULE_TOKEN_PATTERN } from '../member-identified/member-identified.payload';

/**
 * CONTRACT: payload of `member-identification-retracted` v1: a member identified earlier no longer meets the rule.
 * Consumers close whatever the identification opened (program outreach, condition-based care gaps).
 */
export class MemberIdentificationRetractedPayload {
  /** The identification being retracted (from its `member-identified` event). */
  @IsUUID()
  identificationId!: string;

  @IsMemberId()
  memberId!: string;

  @Matches(RULE_TOKEN_PATTERN)
  conditionId!: string;

  @Matches(RULE_TOKEN_PATTERN)
  ruleId!: string;

  /** The rule version that no longer matches. */
  @Matches(RULE_TOKEN_PATTERN)
  ruleVersion!: string;

  /**
   * The code set release (NDC drug classes, value sets) the rule was evaluated with, beside its version. Absent from
   * producers older than code set releases (issue 21).
   */
  @OptionalField()
  @Matches(RULE_TOKEN_PATTERN)
  codeSetRelease?: string;

  @IsIn(RETRACTION_REASONS)
  reason!: RetractionReason;

  /** The retracted identification's first-met date. */
  @IsCalendarDate()
  firstMetOn!: string;

  @IsIsoInstant()
  retractedAt!: string;

  @IsIn(IDENTIFICATION_TRIGGERS)
  trigger!: IdentificationTrigger;

  /** Claims carrying an exclusion diagnosis (reason `excluded`), otherwise empty. */
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_ITEMS)
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => EvidenceClaim)
  exclusionClaims!: EvidenceClaim[];
}
