import { HasAtMostDecimals } from '../../validators/decimal-places.validator';
import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsPositive,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { ForbiddenWhen } from '../../validators/forbidden-when.validator';
import { IsMoneyAmount } from '../../validators/money.validator';
import { IsNdc } from '../../validators/ndc.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { IsProcedureCode } from '../../validators/procedure-code.validator';
import { IsProcedureModifier } from '../../validators/procedure-modifier.validator';
import { RequiredWhen } from '../../validators/required-when.validator';
import { IsRevenueCode } from '../../validators/revenue-code.validator';
import { claimTypeAround, IsUniqueInClaim, IsWithinClaimServiceDates } from './claim.rules';
import { LINE_DRUG_UNITS, type LineDrugUnit } from './claim.enums';
import { LabResult } from './lab-result.payload';

/** Most modifiers a claim line carries. */
export const MAX_MODIFIERS_PER_LINE = 4;

/**
 * A procedure code is required on professional lines, and on institutional lines without a revenue code.
 * (Without a claim around the line, it is required unless the line has a revenue code.)
 */
function procedureCodeRequired(line: ClaimLine): boolean {
  return claimTypeAround(line) === 'professional' || line.revenueCode === undefined;
}

/** CONTRACT: one service line of a professional or institutional claim. */
export class ClaimLine {
  /** 1–999, unique within the claim. */
  @IsInt()
  @Min(1)
  @Max(999)
  @IsUniqueInClaim()
  lineNumber!: number;

  /** CPT, CPT II, CPT III or HCPCS Level II; any case, stored upper case. */
  @RequiredWhen(procedureCodeRequired, 'the claim is professional or the line has no revenueCode')
  @IsProcedureCode()
  procedureCode?: string;

  @OptionalField()
  @IsArray()
  @ArrayMaxSize(MAX_MODIFIERS_PER_LINE)
  @IsProcedureModifier({ each: true })
  modifiers?: string[];

  /** UB-04 revenue code; institutional claims only. */
  @OptionalField()
  @IsRevenueCode()
  @ForbiddenWhen((line: ClaimLine) => claimTypeAround(line) === 'professional', 'claimType is professional')
  revenueCode?: string;

  /** Within the claim's serviceDateFrom..serviceDateTo. */
  @OptionalField()
  @IsCalendarDate()
  @IsWithinClaimServiceDates()
  serviceDate?: string;

  /** Up to 3 decimals (stored as numeric(10,3)). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(3)
  @IsPositive()
  @Max(9999)
  units!: number;

  @IsMoneyAmount()
  chargedAmount!: number;

  @OptionalField()
  @IsMoneyAmount()
  paidAmount?: number;

  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => LabResult)
  labResult?: LabResult;

  /**
   * A drug given on the line (an injection, an infusion), by NDC: 11 digits, or 5-4-2 hyphenated (stored as 11
   * digits). X12 837 loop 2410 (LIN03 with the N4 qualifier). Added in contract v1 as an optional field.
   */
  @OptionalField()
  @IsNdc()
  ndc?: string;

  /** How much of `ndc` was given (837 CTP04); required with `ndc`, absent without it. Up to 3 decimals. */
  @RequiredWhen((line: ClaimLine) => line.ndc !== undefined, 'ndc is present')
  @ForbiddenWhen((line: ClaimLine) => line.ndc === undefined, 'ndc is absent')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(3)
  @IsPositive()
  @Max(999_999)
  drugQuantity?: number;

  /** The unit of `drugQuantity` (837 CTP05-1); required with `ndc`, absent without it. */
  @RequiredWhen((line: ClaimLine) => line.ndc !== undefined, 'ndc is present')
  @ForbiddenWhen((line: ClaimLine) => line.ndc === undefined, 'ndc is absent')
  @IsIn(LINE_DRUG_UNITS)
  drugUnit?: LineDrugUnit;
}
