import type { ClaimEvidence, ClaimSetting, SelfReportedEvidence } from '../condition-rule.types';

let sequence = 0;

/** A claim version with sensible defaults: active professional claim, version 1. */
export function aClaim(overrides: Partial<ClaimEvidence> & Pick<ClaimEvidence, 'serviceDate'>): ClaimEvidence {
  sequence += 1;
  return {
    claimId: `claim-${sequence}`,
    version: 1,
    setting: 'professional',
    diagnosisCodes: [],
    status: 'active',
    ...overrides,
  };
}

/** A claim in `setting` on `serviceDate` carrying `code` as principal diagnosis. */
export function aDiagnosisClaim(setting: ClaimSetting, serviceDate: string, code: string, claimId?: string): ClaimEvidence {
  return aClaim({ setting, serviceDate, diagnosisCodes: [code], ...(claimId === undefined ? {} : { claimId }) });
}

/** A pharmacy fill of a drug class (pharmacy claims carry no diagnoses). */
export function aFill(serviceDate: string, drugClass: ClaimEvidence['drugClass']): ClaimEvidence {
  return aClaim({ setting: 'pharmacy', serviceDate, ...(drugClass === undefined ? {} : { drugClass }) });
}

/** A health-assessment item. */
export function aSelfReport(overrides: Partial<SelfReportedEvidence> & Pick<SelfReportedEvidence, 'code'>): SelfReportedEvidence {
  sequence += 1;
  return { assessmentId: `assessment-${sequence}`, date: '2024-06-01', kind: 'condition', ...overrides };
}
