import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsClaimId } from '../../validators/claim-id.validator';
import { EVIDENCE_SETTINGS, type EvidenceSetting } from './identification.enums';

/** Most evidence items an identification lists per kind (a member's claims within one reference period). */
export const MAX_EVIDENCE_ITEMS = 500;

/** CONTRACT: a claim counted as evidence (ids and dates only; the diagnoses stay with claims-intake). */
export class EvidenceClaim {
  @IsClaimId()
  claimId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** Service date (first day of service, or fill date for pharmacy). */
  @IsCalendarDate()
  serviceDate!: string;

  @IsIn(EVIDENCE_SETTINGS)
  setting!: EvidenceSetting;
}

/** CONTRACT: a health assessment counted as self-reported evidence (lower confidence than claims). */
export class SelfReportedEvidenceRef {
  @IsClaimId({ message: 'assessmentId must be 1-50 letters, digits, dot, dash or underscore' })
  assessmentId!: string;

  @IsCalendarDate()
  completedOn!: string;
}

/** CONTRACT: the evidence behind an identification as evaluated when it was made. */
export class IdentificationEvidence {
  /** Claims that make up the basis (claims basis: diagnosis claims; pharmacy basis: the fills). */
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_ITEMS)
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => EvidenceClaim)
  qualifyingClaims!: EvidenceClaim[];

  /** Pharmacy fills of the rule's drug classes that support but did not decide the outcome. */
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_ITEMS)
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => EvidenceClaim)
  supportingFills!: EvidenceClaim[];

  /** Health assessments whose answers or biometrics support the condition (self-reported). */
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_ITEMS)
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => SelfReportedEvidenceRef)
  selfReported!: SelfReportedEvidenceRef[];
}
