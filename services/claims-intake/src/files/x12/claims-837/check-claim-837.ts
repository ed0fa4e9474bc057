import { ClaimSubmission, validateSubmission } from '@care/contracts';
import type { SegmentError } from '../acknowledgment/acknowledgment.types';
import { describeRejection, placeIssues, type FieldSource } from '../mapping/field-sources';
import type { Claim837Unit } from './claim-837-set.reader';
import type { Claim837Kind } from './claim-837.structure';
import { mapClaim837, type PatientToMatch } from './claim-837.mapper';

/** A claim of an 837 after mapping and validation: ready for intake, or rejected with its reason. */
export type CheckedClaim837 =
  | {
      readonly ok: true;
      /** CLM01. */
      readonly claimId: string;
      readonly position: number;
      readonly claim: ClaimSubmission;
      /** Set for a 2000C patient: the roster names the member before intake. */
      readonly patient?: PatientToMatch;
      readonly claimSource: FieldSource;
    }
  | {
      readonly ok: false;
      readonly claimId: string;
      readonly position: number;
      readonly reason: string;
      readonly segmentErrors: readonly SegmentError[];
    };

/**
 * Maps and validates one claim of an 837 exactly as an HTTP submission is validated (ClaimSubmission, unknown fields
 * forbidden), after the structure errors of the claim and the mapping's own issues. A rejection names every failing
 * field with its segment and element, never a value.
 */
export function checkClaim837(
  unit: Claim837Unit,
  kind: Claim837Kind,
  separators: { readonly component: string },
): CheckedClaim837 {
  if (unit.errors.length > 0) {
    return {
      ok: false,
      claimId: unit.claimId,
      position: unit.position,
      reason: unit.errors.map((error) => error.message).join(' | '),
      segmentErrors: unit.errors,
    };
  }
  const mapped = mapClaim837(unit, kind, separators);
  const validation = validateSubmission(ClaimSubmission, mapped.plain, { forbidUnknownFields: true });
  const placed = placeIssues(
    validation.ok ? [] : validation.issues,
    mapped.issues,
    mapped.sources,
    mapped.claimSource,
  );
  if (placed.length > 0 || !validation.ok) {
    const { reason, segmentErrors } = describeRejection(placed, unit.claimId);
    return { ok: false, claimId: unit.claimId, position: unit.position, reason, segmentErrors };
  }
  return {
    ok: true,
    claimId: unit.claimId,
    position: unit.position,
    claim: validation.value,
    ...(mapped.patient === undefined ? {} : { patient: mapped.patient }),
    claimSource: mapped.claimSource,
  };
}
