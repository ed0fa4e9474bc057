import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { ArraySizeWhen } from '../../validators/array-size-when.validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsClaimId } from '../../validators/claim-id.validator';
import { IsOnOrAfter } from '../../validators/date-on-or-after.validator';
import { ForbiddenWhen } from '../../validators/forbidden-when.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { IsMoneyAmount } from '../../validators/money.validator';
import { IsNotFutureDate } from '../../validators/not-future-date.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { IsPlaceOfService } from '../../validators/place-of-service.validator';
import { RequiredWhen } from '../../validators/required-when.validator';
import { IsTypeOfBill } from '../../validators/type-of-bill.validator';
import { withClaimContext } from './claim-context';
import {
  ADJUDICATION_STATUSES,
  CLAIM_FREQUENCIES,
  CLAIM_TYPES,
  type AdjudicationStatus,
  type ClaimFrequency,
  type ClaimType,
} from './claim.enums';
import { ClaimLine } from './claim-line.payload';
import { Diagnosis } from './diagnosis.payload';
import { DrugFill } from './drug-fill.payload';
import { ProviderRef, RenderingProviderRef } from './provider-ref.payload';

/** Most diagnoses on one claim. */
export const MAX_DIAGNOSES_PER_CLAIM = 25;
/** Most lines on one claim. */
export const MAX_LINES_PER_CLAIM = 999;

const isProfessional = (claim: ClaimSubmission): boolean => claim.claimType === 'professional';
const isInstitutional = (claim: ClaimSubmission): boolean => claim.claimType === 'institutional';
const isPharmacy = (claim: ClaimSubmission): boolean => claim.claimType === 'pharmacy';
const hasServiceLines = (claim: ClaimSubmission): boolean => isProfessional(claim) || isInstitutional(claim);
const PROFESSIONAL_OR_INSTITUTIONAL = 'claimType is professional or institutional';

/**
 * CONTRACT: a claim as a claims system submits it: the payload of `claims-inbound` v1 and the body of
 * `POST /v1/claims` (see docs/claim-and-member-fields.md). Claim-type rules: professional claims need
 * `placeOfService` and lines with `procedureCode`; institutional claims need `typeOfBill`; both need 1–25
 * diagnoses and 1–999 lines and no `drug`; pharmacy claims need `drug` and no lines.
 * Transform with `plainToInstance` before validating: nested rules read the claim through the claim context.
 */
export class ClaimSubmission {
  @IsClaimId()
  claimId!: string;

  /** The claims system's version of this claim id. */
  @IsInt()
  @Min(1)
  @Max(9999)
  version!: number;

  @IsIn(CLAIM_FREQUENCIES)
  frequency!: ClaimFrequency;

  @IsIn(CLAIM_TYPES)
  claimType!: ClaimType;

  @IsIn(ADJUDICATION_STATUSES)
  adjudicationStatus!: AdjudicationStatus;

  @IsMemberId()
  memberId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ProviderRef)
  billingProvider!: ProviderRef;

  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => RenderingProviderRef)
  renderingProvider?: RenderingProviderRef;

  @IsCalendarDate()
  @IsNotFutureDate()
  serviceDateFrom!: string;

  @IsCalendarDate()
  @IsNotFutureDate()
  @IsOnOrAfter('serviceDateFrom')
  serviceDateTo!: string;

  @RequiredWhen(isProfessional, 'claimType is professional')
  @IsPlaceOfService()
  placeOfService?: string;

  @RequiredWhen(isInstitutional, 'claimType is institutional')
  @IsTypeOfBill()
  typeOfBill?: string;

  /** In claim order (the first is principal); codes unique. Absent or empty allowed for pharmacy claims. */
  @RequiredWhen(hasServiceLines, PROFESSIONAL_OR_INSTITUTIONAL)
  @IsArray()
  @ArrayMaxSize(MAX_DIAGNOSES_PER_CLAIM)
  @ArraySizeWhen(hasServiceLines, { min: 1, max: MAX_DIAGNOSES_PER_CLAIM }, PROFESSIONAL_OR_INSTITUTIONAL)
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => Diagnosis)
  @Transform(({ value, obj }: { value: unknown; obj: unknown }) => withClaimContext(value, obj), {
    toClassOnly: true,
  })
  diagnoses?: Diagnosis[];

  /** Service lines; absent or empty for pharmacy claims. */
  @RequiredWhen(hasServiceLines, PROFESSIONAL_OR_INSTITUTIONAL)
  @IsArray()
  @ArrayMaxSize(MAX_LINES_PER_CLAIM)
  @ArraySizeWhen(hasServiceLines, { min: 1, max: MAX_LINES_PER_CLAIM }, PROFESSIONAL_OR_INSTITUTIONAL)
  @ArraySizeWhen(isPharmacy, { min: 0, max: 0 }, 'claimType is pharmacy')
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ClaimLine)
  @Transform(({ value, obj }: { value: unknown; obj: unknown }) => withClaimContext(value, obj), {
    toClassOnly: true,
  })
  lines?: ClaimLine[];

  /** The dispensed drug; required for pharmacy claims, forbidden otherwise. */
  @RequiredWhen(isPharmacy, 'claimType is pharmacy')
  @ForbiddenWhen(hasServiceLines, PROFESSIONAL_OR_INSTITUTIONAL)
  @IsObject()
  @ValidateNested()
  @Type(() => DrugFill)
  @Transform(({ value, obj }: { value: unknown; obj: unknown }) => withClaimContext(value, obj), {
    toClassOnly: true,
  })
  drug?: DrugFill;

  @IsMoneyAmount()
  totalChargedAmount!: number;

  @OptionalField()
  @IsMoneyAmount()
  totalPaidAmount?: number;
}
