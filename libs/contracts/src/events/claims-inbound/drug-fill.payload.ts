import { HasAtMostDecimals } from '../../validators/decimal-places.validator';
import { IsInt, IsNumber, IsPositive, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsNdc } from '../../validators/ndc.validator';
import { IsNpi } from '../../validators/npi.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { EqualsClaimServiceDateFrom } from './claim.rules';

/** CONTRACT: the dispensed drug of a pharmacy claim. */
export class DrugFill {
  /** 11 digits, or 5-4-2 hyphenated (normalized to 11 digits). */
  @IsNdc()
  ndc!: string;

  @IsInt()
  @Min(1)
  @Max(365)
  daysSupply!: number;

  /** Dispensed quantity, up to 3 decimals (stored as numeric(12,3)). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(3)
  @IsPositive()
  @Max(999_999)
  quantity!: number;

  /** Equal to the claim's serviceDateFrom. */
  @IsCalendarDate()
  @EqualsClaimServiceDateFrom()
  fillDate!: string;

  @IsNpi()
  prescriberNpi!: string;

  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(99)
  refillNumber?: number;
}
