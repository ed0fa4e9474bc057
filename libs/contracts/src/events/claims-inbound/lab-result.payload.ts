import { IsNumber, IsString, MaxLength } from 'class-validator';
import { IsLoincCode } from '../../validators/loinc-code.validator';

/** CONTRACT: a lab result reported on a claim line (e.g. an HbA1c value). */
export class LabResult {
  @IsLoincCode()
  loincCode!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  /** UCUM-style unit; an empty string for unitless results. */
  @IsString()
  @MaxLength(20)
  unit!: string;
}
