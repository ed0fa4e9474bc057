import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsOnOrAfter } from '../../validators/date-on-or-after.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { IsNotFutureDate } from '../../validators/not-future-date.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { ProviderRef } from '../claims-inbound/provider-ref.payload';
import { Address } from './address.payload';
import { ContactPreferences } from './contact-preferences.payload';
import { Coverage } from './coverage.payload';
import {
  ADMINISTRATIVE_SEXES,
  OPT_OUTS,
  PLAN_TYPES,
  RELATIONSHIPS,
  type AdministrativeSex,
  type OptOut,
  type PlanType,
  type Relationship,
} from './member.enums';
import { IsConsistentSubscriberId } from './member.rules';

/** A US phone number as 10 digits, or an E.164 number (`+15555550123`). */
export const PHONE_PATTERN = /^(?:\d{10}|\+[1-9]\d{1,14})$/;

/**
 * CONTRACT: a member of the health plan: the body of `POST /v1/members` and the `member` of
 * `member-eligibility-changed` v1 (see docs/claim-and-member-fields.md). Holds PHI: never log its values.
 */
export class MemberRecord {
  @IsMemberId()
  memberId!: string;

  /** The covered employee's member id (equal to memberId for the subscriber). */
  @IsMemberId()
  @IsConsistentSubscriberId()
  subscriberId!: string;

  @IsIn(RELATIONSHIPS)
  relationship!: Relationship;

  @IsString()
  @Length(1, 100)
  firstName!: string;

  @IsString()
  @Length(1, 100)
  lastName!: string;

  @IsCalendarDate()
  @IsNotFutureDate()
  birthDate!: string;

  /** Administrative sex. */
  @IsIn(ADMINISTRATIVE_SEXES)
  sex!: AdministrativeSex;

  @OptionalField()
  @IsCalendarDate()
  @IsNotFutureDate()
  @IsOnOrAfter('birthDate')
  deceasedDate?: string;

  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => Address)
  address?: Address;

  @OptionalField()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @OptionalField()
  @Matches(PHONE_PATTERN, { message: '$property must be 10 digits or an E.164 number' })
  phone?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ContactPreferences)
  contactPreferences!: ContactPreferences;

  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => ProviderRef)
  attributedPcp?: ProviderRef;

  @IsIn(PLAN_TYPES)
  planType!: PlanType;

  /** Advocacy routing: the plan's own team handles clinical and standard claims requests. */
  @IsBoolean()
  planAdministeredByHealthPlan!: boolean;

  @IsObject()
  @ValidateNested()
  @Type(() => Coverage)
  coverage!: Coverage;

  /** Unique values. */
  @IsArray()
  @IsIn(OPT_OUTS, { each: true })
  @ArrayUnique()
  optOuts!: OptOut[];
}

/** The top-level fields of {@link MemberRecord}, in declaration order (the vocabulary of `changedFields`). */
export const MEMBER_RECORD_FIELDS = [
  'memberId',
  'subscriberId',
  'relationship',
  'firstName',
  'lastName',
  'birthDate',
  'sex',
  'deceasedDate',
  'address',
  'email',
  'phone',
  'contactPreferences',
  'attributedPcp',
  'planType',
  'planAdministeredByHealthPlan',
  'coverage',
  'optOuts',
] as const satisfies readonly (keyof MemberRecord)[];
export type MemberRecordField = (typeof MEMBER_RECORD_FIELDS)[number];
