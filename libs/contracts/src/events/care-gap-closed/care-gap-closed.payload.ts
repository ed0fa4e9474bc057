import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { ArrayMaxSize, IsArray, IsIn, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsClaimId } from '../../validators/claim-id.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { GAP_CLOSE_REASONS, type GapCloseReason } from '../care-gap-detected/care-gap.enums';
import { MAX_EVIDENCE_ITEMS } from '../member-identified/identification-evidence.payload';
import { RULE_TOKEN_PATTERN } from '../member-identified/member-identified.payload';

/** CONTRACT: payload of `care-gap-closed` v1: an open gap closed, by a claim or by leaving the eligible population. */
export class CareGapClosedPayload {
  /** The gap occurrence from its `care-gap-detected` event. */
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

  @IsIn(GAP_CLOSE_REASONS)
  reason!: GapCloseReason;

  @IsCalendarDate()
  openedOn!: string;

  @IsIsoInstant()
  closedAt!: string;

  /** Claims that satisfied the gap (reason `satisfied`), otherwise empty. */
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_ITEMS)
  @IsClaimId({ each: true })
  closingClaimIds!: string[];
}
