import type { DrugClass } from '../../conditions/drug-class.types';
import type { GapClaim, GapMember } from '../gap-rule.types';

let sequence = 0;

/** A claim as gap rules see it, with empty codes by default and a fresh claim id. */
export function aGapClaim(overrides: Partial<GapClaim> & Pick<GapClaim, 'serviceDate'>): GapClaim {
  sequence += 1;
  return { claimId: `gap-claim-${sequence}`, procedureCodes: [], diagnosisCodes: [], labs: [], ...overrides };
}

/** A professional claim carrying CPT/CPT II/HCPCS procedure codes. */
export const aProcedureClaim = (serviceDate: string, ...procedureCodes: string[]): GapClaim =>
  aGapClaim({ serviceDate, procedureCodes });

/** A lab claim with one LOINC result (value optional: a test reported without a value). */
export const aLabClaim = (serviceDate: string, loincCode: string, value?: number): GapClaim =>
  aGapClaim({ serviceDate, labs: [value === undefined ? { loincCode } : { loincCode, value }] });

/** A claim carrying ICD-10-CM diagnosis codes (as claims send them, with dots). */
export const aDiagnosisClaim = (serviceDate: string, ...diagnosisCodes: string[]): GapClaim =>
  aGapClaim({ serviceDate, diagnosisCodes });

/** A pharmacy fill of a drug class (30 days' supply unless told). */
export const aGapFill = (serviceDate: string, drugClass: DrugClass, daysSupply = 30, prescriberNpi?: string): GapClaim =>
  aGapClaim({ serviceDate, drugClass, daysSupply, ...(prescriberNpi === undefined ? {} : { prescriberNpi }) });

/** A member with no identified condition, female, born 1 June 1970 unless told. */
export const aGapMember = (overrides: Partial<GapMember> = {}): GapMember => ({
  birthDate: '1970-06-01',
  sex: 'female',
  conditions: [],
  ...overrides,
});
