import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsClaimId } from '../../validators/claim-id.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { IsNpi } from '../../validators/npi.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { IsProcedureCode } from '../../validators/procedure-code.validator';
import { IsTin } from '../../validators/tin.validator';
import { LANGUAGE_TAG_PATTERN } from '../member-eligibility-changed/contact-preferences.payload';
import { RULE_TOKEN_PATTERN } from '../member-identified/member-identified.payload';
import {
  SURVEY_CHANNELS,
  SURVEY_TOPICS,
  SURVEY_VISIT_KINDS,
  type SurveyChannelName,
  type SurveyTopicName,
  type SurveyVisitKind,
} from './survey.enums';

/** CONTRACT: the visit a survey asks about (ids, dates and codes only; no diagnoses). */
export class SurveyVisit {
  /** The day of the visit. */
  @IsCalendarDate()
  serviceDate!: string;

  @IsIn(SURVEY_VISIT_KINDS)
  kind!: SurveyVisitKind;

  /** The visit's procedure code (E/M office visit, preventive visit or annual wellness visit). */
  @IsProcedureCode()
  procedureCode!: string;

  /** True when delivered by telehealth (only when the service counts telehealth visits). */
  @IsBoolean()
  telehealth!: boolean;

  /** The claim that first described the visit, and its version. */
  @IsClaimId()
  claimId!: string;

  @IsInt()
  @Min(1)
  @Max(9999)
  claimVersion!: number;

  /** Version of the surveyable-visit code set that classified the claim. */
  @Matches(RULE_TOKEN_PATTERN)
  codeSetVersion!: string;
}

/** CONTRACT: the provider the survey is about, and the practice that billed the visit. */
export class SurveyProvider {
  /** The rendering provider's NPI, else the billing provider's: the provider whose scores the answers feed. */
  @IsNpi()
  npi!: string;

  /** The practice's taxpayer id (the rendering provider's TIN when given, else the billing provider's). */
  @IsTin()
  tin!: string;

  /** The billing provider's NPI. */
  @IsNpi()
  billingNpi!: string;

  /** The rendering provider's name, when the claim gives one. */
  @OptionalField()
  @IsString()
  @Length(1, 200)
  name?: string;

  /** The billing provider's name (the practice), when the claim gives one. */
  @OptionalField()
  @IsString()
  @Length(1, 200)
  practiceName?: string;
}

/**
 * CONTRACT: payload of `survey-triggered` v1: a member was selected for a post-visit survey; the survey vendor sends
 * it by `channel` in `language`. Emitted at most once per visit (member, provider, day). Carries no contact details:
 * the vendor addresses the member from the roster it receives (minimum necessary).
 */
export class SurveyTriggeredPayload {
  /** Stable id of the survey (derived from the visit, so a rebuilt service names it the same). */
  @IsUUID()
  surveyId!: string;

  @IsMemberId()
  memberId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => SurveyVisit)
  visit!: SurveyVisit;

  @IsObject()
  @ValidateNested()
  @Type(() => SurveyProvider)
  provider!: SurveyProvider;

  @IsIn(SURVEY_CHANNELS)
  channel!: SurveyChannelName;

  /** The member's preferred language (`en`, `es-US`). */
  @Matches(LANGUAGE_TAG_PATTERN, { message: '$property must be a language tag such as en or es-US' })
  language!: string;

  /** The topics the survey asks about, in order. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SURVEY_TOPICS, { each: true })
  topics!: SurveyTopicName[];

  /** Version of the survey instrument (questions and answer scales). */
  @Matches(RULE_TOKEN_PATTERN)
  instrumentVersion!: string;

  /** When the service selected the visit (ISO-8601 instant). */
  @IsIsoInstant()
  triggeredAt!: string;
}
