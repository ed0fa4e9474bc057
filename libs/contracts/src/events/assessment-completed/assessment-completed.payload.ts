import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsClaimId } from '../../validators/claim-id.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { IsNotFutureDate } from '../../validators/not-future-date.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { BIOMETRIC_CODES, SELF_REPORTED_CONDITION_PATTERN, type BiometricCode } from './assessment.enums';
import { IsWithinBiometricRange } from './assessment.rules';

/** Most items one assessment may carry (conditions or biometrics). */
export const MAX_ASSESSMENT_ITEMS = 50;

/** CONTRACT: one measured biometric of a health assessment. */
export class BiometricResult {
  @IsIn(BIOMETRIC_CODES)
  code!: BiometricCode;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsWithinBiometricRange()
  value!: number;
}

/** CONTRACT: payload of `assessment-completed` v1: a health-assessment result (self-reported, lower confidence). */
export class AssessmentCompletedPayload {
  /** The vendor's assessment id; a resubmission with the same id replaces the earlier answers. */
  @IsClaimId({ message: 'assessmentId must be 1-50 letters, digits, dot, dash or underscore' })
  assessmentId!: string;

  @IsMemberId()
  memberId!: string;

  /** The day the member completed the assessment (YYYY-MM-DD, not in the future). */
  @IsCalendarDate()
  @IsNotFutureDate()
  completedOn!: string;

  /** Who ran the assessment (vendor or program name); free text without PHI. */
  @OptionalField()
  @IsString()
  @MaxLength(100)
  instrument?: string;

  /** Conditions the member reported having (lower-case kebab-case codes such as `diabetes`). */
  @IsArray()
  @ArrayMaxSize(MAX_ASSESSMENT_ITEMS)
  @ArrayUnique()
  @Matches(SELF_REPORTED_CONDITION_PATTERN, {
    each: true,
    message: 'each value in $property must be a lower-case condition code such as diabetes',
  })
  selfReportedConditions!: string[];

  @IsArray()
  @ArrayMaxSize(MAX_ASSESSMENT_ITEMS)
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BiometricResult)
  @IsObject({ each: true })
  biometrics!: BiometricResult[];

  /** When the vendor recorded the result (ISO-8601 instant). */
  @IsIsoInstant()
  recordedAt!: string;
}
