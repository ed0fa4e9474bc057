import { IsInt, Matches, Max, Min } from 'class-validator';
import { IsLoincCode } from '../../validators/loinc-code.validator';

/** LOINC answer (LA) code format: `LA`, digits, a hyphen and a check digit (`LA6569-3`). */
export const LOINC_ANSWER_CODE_PATTERN = /^LA\d{1,8}-\d$/;

/** CONTRACT: one scored answer of a completed screening (PHI: never logged). */
export class ScreeningAnswer {
  /** 1-based item number in the instrument. */
  @IsInt()
  @Min(1)
  @Max(9)
  item!: number;

  /** Item LOINC code. */
  @IsLoincCode()
  loinc!: string;

  /** Points given by the answer. */
  @IsInt()
  @Min(0)
  @Max(4)
  value!: number;

  /** LOINC answer (LA) code of the answer. */
  @Matches(LOINC_ANSWER_CODE_PATTERN, { message: '$property must be a LOINC answer code (LA, digits, hyphen, check digit)' })
  answerLoinc!: string;
}
