import { plainToInstance } from 'class-transformer';
import { normalizeIcd10Code } from '../../validators/icd10-cm.validator';
import { normalizeNdc } from '../../validators/ndc.validator';
import { ClaimSubmission } from './claim-submission.payload';

/**
 * The stored form of a valid claim: procedure codes, modifiers and type of bill upper case, ICD-10-CM codes upper
 * case without the dot, NDC as 11 digits. Pure: returns a new ClaimSubmission and leaves `claim` untouched.
 * Idempotent. Expects a claim that passed validation (invalid NDCs are left as they are).
 */
export function normalizeClaim(claim: ClaimSubmission): ClaimSubmission {
  const normalized = {
    ...claim,
    ...(claim.typeOfBill !== undefined && { typeOfBill: claim.typeOfBill.toUpperCase() }),
    ...(claim.diagnoses !== undefined && {
      diagnoses: claim.diagnoses.map((diagnosis) => ({
        ...diagnosis,
        code: normalizeIcd10Code(diagnosis.code),
      })),
    }),
    ...(claim.lines !== undefined && {
      lines: claim.lines.map((line) => ({
        ...line,
        ...(line.procedureCode !== undefined && { procedureCode: line.procedureCode.toUpperCase() }),
        ...(line.modifiers !== undefined && {
          modifiers: line.modifiers.map((modifier) => modifier.toUpperCase()),
        }),
        ...(line.ndc !== undefined && { ndc: normalizeNdc(line.ndc) ?? line.ndc }),
      })),
    }),
    ...(claim.drug !== undefined && {
      drug: { ...claim.drug, ndc: normalizeNdc(claim.drug.ndc) ?? claim.drug.ndc },
    }),
  };
  return plainToInstance(ClaimSubmission, normalized);
}
