import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsClaimId } from '../../validators/claim-id.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { IsNpi } from '../../validators/npi.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { MAX_EVIDENCE_ITEMS } from '../member-identified/identification-evidence.payload';
import { RULE_TOKEN_PATTERN } from '../member-identified/member-identified.payload';
import { GAP_KINDS, GAP_OPEN_REASONS, type GapKindName, type GapOpenReason } from './care-gap.enums';

/**
 * CONTRACT: payload of `care-gap-detected` v1: a care gap opened for a member. One event per gap occurrence; a gap
 * closed and later open again is a new occurrence with a new `gapId`.
 */
export class CareGapDetectedPayload {
  @IsUUID()
  gapId!: string;

  @IsMemberId()
  memberId!: string;

  @Matches(RULE_TOKEN_PATTERN)
  ruleId!: string;

  @Matches(RULE_TOKEN_PATTERN)
  ruleVersion!: string;

  /**
   * The code set release (NDC drug classes, value sets) the rule was evaluated with, beside its version. Absent from
   * producers older than code set releases (issue 21).
   */
  @OptionalField()
  @Matches(RULE_TOKEN_PATTERN)
  codeSetRelease?: string;

  @IsString()
  @MaxLength(100)
  gapName!: string;

  @IsIn(GAP_KINDS)
  kind!: GapKindName;

  @IsIn(GAP_OPEN_REASONS)
  reason!: GapOpenReason;

  /** The day the gap was found open (evaluation day). */
  @IsCalendarDate()
  openedOn!: string;

  @IsIsoInstant()
  detectedAt!: string;

  /** Claims behind the finding (fills for adherence and refills, the latest result for control). */
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_ITEMS)
  @IsClaimId({ each: true })
  evidenceClaimIds!: string[];

  /** Refill gaps: the day the refill was due, grace included. */
  @OptionalField()
  @IsCalendarDate()
  refillDueBy?: string;

  /** Adherence gaps: proportion of days covered. */
  @OptionalField()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  proportionOfDaysCovered?: number;

  /** The doctor to alert: the attributed primary-care provider, or the prescriber for medication gaps. */
  @OptionalField()
  @IsNpi()
  providerNpi?: string;
}
