/** CONTRACT: what made a condition met (claims first, then pharmacy fills, then self-reported evidence). */
export const IDENTIFICATION_BASES = ['claims', 'pharmacy', 'self-reported'] as const;
export type IdentificationBasis = (typeof IDENTIFICATION_BASES)[number];

/** CONTRACT: what led to the evaluation that changed a member's condition. */
export const IDENTIFICATION_TRIGGERS = ['claim', 'assessment', 'reevaluation', 'rerun'] as const;
export type IdentificationTrigger = (typeof IDENTIFICATION_TRIGGERS)[number];

/**
 * CONTRACT: the claim setting as chronic-condition rules see it (CCW claim files): institutional claims by type of
 * bill, professional claims always `professional`, pharmacy claims `pharmacy`.
 */
export const EVIDENCE_SETTINGS = [
  'inpatient',
  'skilled-nursing',
  'home-health',
  'outpatient',
  'professional',
  'pharmacy',
  'other',
] as const;
export type EvidenceSetting = (typeof EVIDENCE_SETTINGS)[number];

/**
 * CONTRACT: why an identification was retracted: its evidence was voided or replaced by a claim correction, aged
 * out of the reference period (daily re-evaluation), an exclusion diagnosis arrived, or a new rule version no longer
 * matches (re-run).
 */
export const RETRACTION_REASONS = [
  'evidence-voided',
  'evidence-replaced',
  'evidence-aged-out',
  'excluded',
  'rule-changed',
] as const;
export type RetractionReason = (typeof RETRACTION_REASONS)[number];
