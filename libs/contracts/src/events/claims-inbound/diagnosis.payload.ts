import { IsIcd10CmCode, normalizeIcd10Code } from '../../validators/icd10-cm.validator';
import { IsUniqueInClaim } from './claim.rules';

/** CONTRACT: one diagnosis of a claim; the first one is the principal diagnosis. */
export class Diagnosis {
  /** ICD-10-CM, with or without the dot, any case; stored upper case without the dot. Unique within a claim. */
  @IsIcd10CmCode()
  @IsUniqueInClaim(normalizeIcd10Code)
  code!: string;
}
