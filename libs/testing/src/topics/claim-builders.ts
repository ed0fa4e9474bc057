import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  type ClaimSubmission,
} from '@care/contracts';

// Claim builders for tests of the services downstream of claims-intake: valid claims with only what a scenario needs.

/** YYYY-MM-DD `days` days before the real today (claims may not be dated in the future). */
export function daysAgo(days: number, from: Date = new Date()): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

export interface ClaimSpec {
  readonly claimId: string;
  readonly memberId: string;
  readonly date: string;
  readonly version?: number;
  readonly frequency?: ClaimSubmission['frequency'];
}

/**
 * A professional (carrier) office visit (CPT 99213) with the given diagnoses on one date; `procedureCodes` adds lines
 * (e.g. 83036 for an HbA1c test) and `lab` a result on the last of them.
 */
export function officeVisit(
  spec: ClaimSpec & {
    readonly codes: readonly string[];
    readonly procedureCodes?: readonly string[];
    readonly lab?: { readonly loincCode: string; readonly value: number; readonly unit: string };
  },
): ClaimSubmission {
  const base = aValidProfessionalClaim();
  return aValidProfessionalClaim({
    claimId: spec.claimId,
    memberId: spec.memberId,
    version: spec.version ?? 1,
    frequency: spec.frequency ?? 'original',
    serviceDateFrom: spec.date,
    serviceDateTo: spec.date,
    diagnoses: spec.codes.map((code) => ({ code })),
    lines: [
      { ...(base.lines?.[0] as NonNullable<ClaimSubmission['lines']>[number]), serviceDate: spec.date },
      ...(spec.procedureCodes ?? []).map((procedureCode, index, all) => ({
        lineNumber: index + 2,
        procedureCode,
        serviceDate: spec.date,
        units: 1,
        chargedAmount: 25,
        paidAmount: 12,
        ...(index === all.length - 1 && spec.lab !== undefined ? { labResult: spec.lab } : {}),
      })),
    ],
    totalChargedAmount: 150 + 25 * (spec.procedureCodes?.length ?? 0),
    totalPaidAmount: 95.5 + 12 * (spec.procedureCodes?.length ?? 0),
  });
}

/** An inpatient hospital stay (type of bill 0111) with the given diagnoses. */
export function inpatientStay(spec: ClaimSpec & { readonly codes: readonly string[] }): ClaimSubmission {
  return aValidInstitutionalClaim({
    claimId: spec.claimId,
    memberId: spec.memberId,
    version: spec.version ?? 1,
    frequency: spec.frequency ?? 'original',
    typeOfBill: '0111',
    serviceDateFrom: spec.date,
    serviceDateTo: spec.date,
    diagnoses: spec.codes.map((code) => ({ code })),
    lines: [{ lineNumber: 1, revenueCode: '0120', serviceDate: spec.date, units: 1, chargedAmount: 900, paidAmount: 700 }],
    totalChargedAmount: 900,
    totalPaidAmount: 700,
  });
}

/** A pharmacy fill of an 11-digit NDC. */
export function fill(spec: ClaimSpec & { readonly ndc: string }): ClaimSubmission {
  const base = aValidPharmacyClaim();
  return aValidPharmacyClaim({
    claimId: spec.claimId,
    memberId: spec.memberId,
    version: spec.version ?? 1,
    frequency: spec.frequency ?? 'original',
    serviceDateFrom: spec.date,
    serviceDateTo: spec.date,
    drug: { ...(base.drug as NonNullable<ClaimSubmission['drug']>), ndc: spec.ndc, fillDate: spec.date },
  });
}

